// The chart builder's form: type, metric, entities and periods, encoding, competing values and
// labels. Empty labels show core's defaults (made from the figures) as placeholders.
import { useId } from 'react';
import type { ChartData } from '../../../../shared/charts/chart-data';
import { CHART_TYPE_LABELS, CHART_TYPES, type ChartType } from '../../../../shared/charts/chart-spec';
import type { CategoryChoice, ChartDraft, SeriesChoice } from './chart-draft';
import type { ChartChoices } from './use-chart-choices';
import { ValuePicker } from './ValuePicker';

const DIMENSION_LABELS = { entity: 'Entity', period: 'Period', metric: 'Metric' } as const;

export function ChartBuilder({
  draft,
  onChange,
  choices,
  preview
}: {
  draft: ChartDraft;
  onChange: (draft: ChartDraft) => void;
  choices: ChartChoices;
  /** The latest preview, for the defaults core chose (title, encoding). */
  preview: ChartData | null;
}) {
  const ids = useId();
  const set = <K extends keyof ChartDraft>(key: K, value: ChartDraft[K]) => onChange({ ...draft, [key]: value });
  const bySelection = draft.figureIds !== null;
  const pie = draft.type === 'pie' || draft.type === 'donut';
  const chosen = preview?.encoding;

  return (
    <form className="chart-builder" aria-label="Chart builder" onSubmit={(event) => event.preventDefault()}>
      <div className="chart-builder-row">
        <label className="field" htmlFor={`${ids}-type`}>
          Chart type
        </label>
        <select id={`${ids}-type`} value={draft.type} onChange={(event) => set('type', event.target.value as ChartType)}>
          {CHART_TYPES.map((type) => (
            <option key={type} value={type}>
              {CHART_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>

      {bySelection ? (
        <p className="chart-builder-note">
          {draft.figureIds!.length} selected {draft.figureIds!.length === 1 ? 'figure' : 'figures'}.
        </p>
      ) : (
        <>
          <div className="chart-builder-row">
            <label className="field" htmlFor={`${ids}-metric`}>
              Metric
            </label>
            <select
              id={`${ids}-metric`}
              value={draft.metric}
              onChange={(event) => onChange({ ...draft, metric: event.target.value, entities: [], periods: [] })}
            >
              {!draft.metric && <option value="">Choose a metric…</option>}
              {draft.metric && !choices.metrics.includes(draft.metric) && <option value={draft.metric}>{draft.metric}</option>}
              {choices.metrics.map((metric) => (
                <option key={metric} value={metric}>
                  {metric}
                </option>
              ))}
            </select>
          </div>
          <div className="chart-builder-pickers">
            <ValuePicker label="Entities" values={choices.entities} selected={draft.entities} onChange={(entities) => set('entities', entities)} disabled={!draft.metric} />
            <ValuePicker label="Periods" values={choices.periods} selected={draft.periods} onChange={(periods) => set('periods', periods)} disabled={!draft.metric} />
          </div>
        </>
      )}

      <div className="chart-builder-grid">
        <div className="chart-builder-row">
          <label className="field" htmlFor={`${ids}-category`}>
            {pie ? 'Slices' : 'Category axis'}
          </label>
          <select id={`${ids}-category`} value={draft.category} onChange={(event) => {
              const category = event.target.value as CategoryChoice;
              onChange({ ...draft, category, series: draft.series === category ? 'none' : draft.series });
            }}
          >
            <option value="auto">Automatic{draft.category === 'auto' && chosen ? ` (${DIMENSION_LABELS[chosen.category]})` : ''}</option>
            <option value="entity">Entity</option>
            <option value="period">Period</option>
          </select>
        </div>
        <div className="chart-builder-row">
          <label className="field" htmlFor={`${ids}-series`}>
            Series
          </label>
          <select
            id={`${ids}-series`}
            value={draft.series}
            disabled={draft.category === 'auto' || pie}
            onChange={(event) => set('series', event.target.value as SeriesChoice)}
          >
            <option value="none">
              {draft.category === 'auto' && chosen ? (chosen.series ? DIMENSION_LABELS[chosen.series] : 'None') : 'None'}
            </option>
            {draft.category !== 'auto' && draft.category !== 'entity' && <option value="entity">Entity</option>}
            {draft.category !== 'auto' && draft.category !== 'period' && <option value="period">Period</option>}
          </select>
        </div>
      </div>

      <label className="checkbox-field">
        <input type="checkbox" checked={draft.showCompeting} onChange={(event) => set('showCompeting', event.target.checked)} />
        Show competing values together
      </label>

      <div className="chart-builder-row">
        <label className="field" htmlFor={`${ids}-title`}>
          Title
        </label>
        <input
          id={`${ids}-title`}
          type="text"
          value={draft.title}
          maxLength={300}
          placeholder={preview?.title ?? 'Made from the figures'}
          onChange={(event) => set('title', event.target.value)}
        />
      </div>
      <div className="chart-builder-row">
        <label className="field" htmlFor={`${ids}-subtitle`}>
          Subtitle
        </label>
        <input
          id={`${ids}-subtitle`}
          type="text"
          value={draft.subtitle}
          maxLength={500}
          placeholder="Optional"
          onChange={(event) => set('subtitle', event.target.value)}
        />
      </div>
    </form>
  );
}
