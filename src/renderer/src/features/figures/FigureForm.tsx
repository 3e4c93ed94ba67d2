// The figure form: add a figure (from a highlight, from a cited report, or with no source) or edit
// one. From a highlight, the quantity parser pre-fills the number, unit, qualifier and period.
// Errors come from core and name their field; the form shows them beside the field they name.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { QUALIFIER_LABELS, QUALIFIERS, type Figure, type FigureSource, type Qualifier } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { draftFromFigure, draftFromReading, draftToFields, emptyDraft, fieldOfError, type DraftField, type FigureDraft } from './figure-draft';
import { formatQuantity } from './figure-format';
import { useFigureVocabulary, useUnits } from './use-figure-vocabulary';

export interface FigureFormProps {
  figureId?: string;
  highlight?: { id: string; quote: string };
  onSaved(figure: Figure): void;
  onCancel(): void;
}

export function FigureForm({ figureId, highlight, onSaved, onCancel }: FigureFormProps) {
  const client = useClient();
  const vocabulary = useFigureVocabulary();
  const units = useUnits();
  const ids = useId();
  const [draft, setDraft] = useState<FigureDraft>(emptyDraft);
  const [source, setSource] = useState<FigureSource | null>(null);
  const [loading, setLoading] = useState(Boolean(figureId));
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const touched = useRef(false);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!figureId) return;
    let current = true;
    client
      .call('figures.get', { id: figureId })
      .then((figure) => {
        if (!current) return;
        setDraft(draftFromFigure(figure));
        setSource(figure.source);
        setLoading(false);
      })
      .catch((error) => {
        if (!current) return;
        setProblem(errorMessage(error));
        setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [client, figureId]);

  useEffect(() => {
    if (figureId || !highlight) return;
    let current = true;
    client
      .call('quantities.parse', { text: highlight.quote })
      .then((result) => {
        if (!current) return;
        if (result.quantity) setReading(`Read from the quote: “${result.quantity.text}” → ${formatQuantity(result.quantity)}`);
        // The analyst's own typing wins over a late answer.
        if (!touched.current) setDraft((currentDraft) => draftFromReading(currentDraft, result));
      })
      .catch(() => {
        // Without a reading the form is simply empty; typing the number works as ever.
      });
    return () => {
      current = false;
    };
  }, [client, figureId, highlight]);

  useEffect(() => {
    if (!loading) firstField.current?.focus();
  }, [loading]);

  const set = (field: DraftField, value: string) => {
    touched.current = true;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  const problemField = problem ? fieldOfError(problem) : null;
  const hasHighlight = Boolean(highlight) || source?.kind === 'highlight';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const fields = draftToFields(draft, { hasHighlight });
      const figure = figureId
        ? await client.call('figures.update', { id: figureId, ...fields })
        : await client.call('figures.create', { ...fields, highlightId: highlight?.id ?? null });
      onSaved(figure);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${ids}-problem`;
  const inputId = (name: DraftField) => `${ids}-${name}`;
  // The message sits beside its field but outside the <label>, so the field's name stays its label.
  const field = (name: DraftField, label: string, input: ReactNode, wide = false) => (
    <div className={`field${wide ? ' wide' : ''}${problemField === name ? ' invalid' : ''}`}>
      <label htmlFor={inputId(name)}>{label}</label>
      {input}
      {problemField === name && (
        <span className="field-error" aria-hidden="true">
          {problem}
        </span>
      )}
    </div>
  );
  const invalidProps = (name: DraftField) => ({
    id: inputId(name),
    'aria-invalid': problemField === name ? true : undefined,
    'aria-describedby': problemField === name ? errorId : undefined
  });
  const text = (name: DraftField, props: Record<string, unknown> = {}) => (
    <input value={draft[name]} onChange={(event) => set(name, event.target.value)} {...invalidProps(name)} {...props} />
  );

  if (loading) return <p className="hint">Loading the figure…</p>;

  const highlightQuote = highlight?.quote ?? (source?.kind === 'highlight' ? source.quote : null);
  return (
    <form className="figure-form" onSubmit={submit} noValidate>
      <div className="figure-form-grid">
        {field('metric', 'Metric', text('metric', { ref: firstField, list: `${ids}-metrics`, placeholder: 'e.g. mine_production', autoComplete: 'off' }))}
        {field('entity', 'Entity', text('entity', { list: `${ids}-entities`, placeholder: 'e.g. China', autoComplete: 'off' }))}
        {field('value', 'Value', text('value', { inputMode: 'decimal', placeholder: 'e.g. 270,000' }))}
        {field(
          'qualifier',
          'Qualifier',
          <select value={draft.qualifier} onChange={(event) => set('qualifier', event.target.value as Qualifier)} {...invalidProps('qualifier')}>
            {QUALIFIERS.map((qualifier) => (
              <option key={qualifier} value={qualifier}>
                {QUALIFIER_LABELS[qualifier]}
              </option>
            ))}
          </select>
        )}
        {draft.qualifier === 'range' && field('high', 'Upper value', text('high', { inputMode: 'decimal' }))}
        {field('unit', 'Unit', text('unit', { list: `${ids}-units`, placeholder: 't, %, USD bn…', autoComplete: 'off' }))}
        {field('period', 'Period', text('period', { placeholder: '2024, 2024-Q1, 2024-03, 2020/2024' }))}
        {field('basis', 'Basis', text('basis', { placeholder: 'e.g. REO, nominal USD' }), true)}
        {field(
          'notes',
          'Notes',
          <textarea value={draft.notes} rows={2} onChange={(event) => set('notes', event.target.value)} {...invalidProps('notes')} />,
          true
        )}
      </div>

      <fieldset className="figure-source">
        <legend>Source</legend>
        {highlightQuote !== null ? (
          <>
            <blockquote className="figure-quote">{highlightQuote}</blockquote>
            {reading && <p className="hint">{reading}</p>}
          </>
        ) : (
          <div className="figure-form-grid">
            {field('citationTitle', 'Source title', text('citationTitle', { placeholder: 'e.g. USGS Mineral Commodity Summaries' }), true)}
            {field('citationPublisher', 'Publisher', text('citationPublisher'))}
            {field('citationEdition', 'Edition', text('citationEdition', { placeholder: 'e.g. 2025' }))}
            {field('citationUrl', 'URL', text('citationUrl', { type: 'url', placeholder: 'https://…' }))}
            {field('citationPage', 'Page', text('citationPage'))}
            <p className="hint wide">Leave these empty for a figure without a source.</p>
          </div>
        )}
      </fieldset>

      {problem && (
        <p id={errorId} className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save figure
        </button>
      </div>

      <datalist id={`${ids}-metrics`}>
        {vocabulary.metrics.map((metric) => (
          <option key={metric} value={metric} />
        ))}
      </datalist>
      <datalist id={`${ids}-entities`}>
        {vocabulary.entities.map((entity) => (
          <option key={entity} value={entity} />
        ))}
      </datalist>
      <datalist id={`${ids}-units`}>
        {units.map((unit) => (
          <option key={unit.symbol} value={unit.symbol}>
            {unit.name}
          </option>
        ))}
      </datalist>
    </form>
  );
}
