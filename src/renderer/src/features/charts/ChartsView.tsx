// The charts view: the saved charts on the left; on the right the builder with a live preview
// (charts.preview, debounced), Save, Delete (with Undo) and export to PNG and SVG. A chart in the
// route is loaded into the builder; saving a new chart puts it in the route.
import type { ECharts } from 'echarts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartData } from '../../../../shared/charts/chart-data';
import type { Chart, ChartSpecInput, ChartSummary } from '../../../../shared/charts/chart-spec';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { navigate } from '../../app/route';
import { useLibraryChanged } from '../../app/undo';
import { ChartBuilder } from './ChartBuilder';
import { ChartCanvas } from './ChartCanvas';
import { chartFileName, draftFromChart, draftIsComplete, emptyDraft, specFromDraft, type ChartDraft } from './chart-draft';
import { ChartList } from './ChartList';
import { dataUrlToBlob, downloadBlob } from '../../app/downloads';
import { useChartChoices } from './use-chart-choices';
import { ProjectMembership } from '../projects/ProjectMembership';

// Long enough to let a few quick clicks through as one preview, short enough to feel live.
const PREVIEW_DELAY_MS = 250;

/** Spec fields the builder does not edit but a saved chart may carry (e.g. set from the command line). */
function savedExtras(chart: Chart): Partial<ChartSpecInput> {
  return {
    valueAxisLabel: chart.valueAxisLabel,
    categoryAxisLabel: chart.categoryAxisLabel,
    unit: chart.unit,
    sourceLine: chart.sourceLine,
    sort: chart.sort,
    orientation: chart.orientation
  };
}

export function ChartsView({ chartId }: { chartId: string | null }) {
  const client = useClient();
  const notices = useNotices();
  const [charts, setCharts] = useState<ChartSummary[]>([]);
  const [listLoading, setListLoading] = useState(true);
  const [saved, setSaved] = useState<Chart | null>(null);
  const [draft, setDraft] = useState<ChartDraft>(() => emptyDraft());
  const [preview, setPreview] = useState<ChartData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const chartInstance = useRef<ECharts | null>(null);
  // The spec (and library revision) charts.get answered for: its data is already shown, and
  // resolving it again for the preview would cost as much again on a chart of 100,000 figures.
  const loaded = useRef<{ specKey: string; revision: number } | null>(null);
  const choices = useChartChoices(draft.figureIds ? '' : draft.metric);

  const reload = useCallback(() => setRevision((current) => current + 1), []);
  const revisionRef = useRef(revision);
  revisionRef.current = revision;
  useLibraryChanged(reload);

  useEffect(() => {
    let live = true;
    client
      .call('charts.list', {})
      .then((list) => live && setCharts(list))
      .catch((reason) => live && notices.error(errorMessage(reason)))
      .finally(() => live && setListLoading(false));
    return () => {
      live = false;
    };
  }, [client, notices, revision]);

  // The chart in the route goes into the builder; a new chart starts with the first metric.
  useEffect(() => {
    let live = true;
    setError(null);
    if (!chartId) {
      setSaved(null);
      setDraft(emptyDraft());
      setPreview(null);
      return;
    }
    client
      .call('charts.get', { id: chartId })
      .then(({ chart, data }) => {
        if (!live) return;
        const loadedDraft = draftFromChart(chart);
        loaded.current = { specKey: JSON.stringify({ ...savedExtras(chart), ...specFromDraft(loadedDraft) }), revision: revisionRef.current };
        setSaved(chart);
        setDraft(loadedDraft);
        setPreview(data);
      })
      .catch((reason) => {
        if (live) setError(errorMessage(reason));
      });
    return () => {
      live = false;
    };
  }, [client, chartId]);

  useEffect(() => {
    if (!chartId && !draft.metric && !draft.figureIds && choices.metrics.length > 0) {
      setDraft((current) => (current.metric ? current : { ...current, metric: choices.metrics[0] }));
    }
  }, [chartId, draft.metric, draft.figureIds, choices.metrics]);

  const spec: ChartSpecInput = { ...(saved && saved.id === chartId ? savedExtras(saved) : {}), ...specFromDraft(draft) };
  const specKey = JSON.stringify(spec);
  const complete = draftIsComplete(draft);

  // The live preview: debounced, and only the answer to the latest spec is shown.
  useEffect(() => {
    if (!complete) return;
    if (loaded.current && loaded.current.specKey === specKey && loaded.current.revision === revision) return;
    // Once edited, the loaded data is stale even if the edit is undone: preview from then on.
    loaded.current = null;
    let live = true;
    const timer = window.setTimeout(() => {
      client
        .call('charts.preview', JSON.parse(specKey) as ChartSpecInput)
        .then((data) => {
          if (!live) return;
          setPreview(data);
          setError(null);
        })
        .catch((reason) => {
          if (!live) return;
          setPreview(null);
          setError(errorMessage(reason));
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, specKey, complete, revision]);

  const save = async () => {
    setBusy(true);
    try {
      if (saved && saved.id === chartId) {
        const chart = await client.call('charts.update', { id: saved.id, ...spec });
        setSaved(chart);
        notices.show({ kind: 'info', message: `Saved the chart “${chart.title || preview?.title || 'Untitled'}”.` });
      } else {
        const chart = await client.call('charts.create', spec);
        setSaved(chart);
        notices.show({ kind: 'info', message: `Saved the chart “${chart.title || preview?.title || 'Untitled'}”.` });
        navigate({ view: 'charts', chartId: chart.id });
      }
      reload();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved) return;
    setBusy(true);
    try {
      const chart = await client.call('charts.delete', { id: saved.id });
      const title = chart.title || preview?.title || 'Untitled';
      navigate({ view: 'charts', chartId: null });
      reload();
      notices.show({
        kind: 'info',
        message: `Deleted the chart “${title}”.`,
        action: {
          label: 'Undo',
          run: () => {
            client
              .call('charts.restore', { id: chart.id })
              .then(() => {
                reload();
                navigate({ view: 'charts', chartId: chart.id });
              })
              .catch((reason) => notices.error(errorMessage(reason)));
          }
        }
      });
    } catch (reason) {
      notices.error(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  const title = preview?.title || draft.title || 'chart';

  const exportPng = () => {
    const instance = chartInstance.current;
    if (!instance) return;
    const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    downloadBlob(chartFileName(title, 'png'), dataUrlToBlob(url));
  };

  const exportSvg = async () => {
    try {
      const { svg } = await client.call('charts.renderSvg', { spec });
      downloadBlob(chartFileName(title, 'svg'), new Blob([svg], { type: 'image/svg+xml' }));
    } catch (reason) {
      notices.error(errorMessage(reason));
    }
  };

  const showing = complete && preview && !error;

  return (
    <div className="charts-view">
      <ChartList charts={charts} activeId={chartId} loading={listLoading} />
      <section className="chart-workspace" aria-label={saved ? 'Chart' : 'New chart'}>
        <div className="chart-side">
          <h2 className="view-title">{saved ? 'Edit chart' : 'New chart'}</h2>
          <ChartBuilder draft={draft} onChange={setDraft} choices={choices} preview={preview} />
          {(error || choices.error) && (
            <p className="chart-error" role="alert">
              {error ?? choices.error}
            </p>
          )}
          <div className="chart-actions">
            <button type="button" className="primary" disabled={busy || !complete || Boolean(error)} onClick={() => void save()}>
              {saved ? 'Save changes' : 'Save chart'}
            </button>
            {saved && (
              <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
                Delete
              </button>
            )}
          </div>
          {saved && <ProjectMembership kind="chart" id={saved.id} />}
        </div>
        <div className="chart-stage">
          <div className="chart-toolbar" role="toolbar" aria-label="Export">
            <span className="chart-stats">
              {preview ? `${preview.figureCount} ${preview.figureCount === 1 ? 'figure' : 'figures'}` : ''}
              {preview && preview.doubtfulCount > 0 ? ` · ${preview.doubtfulCount} doubtful` : ''}
              {preview && preview.competingCount > 0 ? ` · ${preview.competingCount} competing` : ''}
            </span>
            <button type="button" disabled={!showing} onClick={exportPng}>
              Export PNG
            </button>
            <button type="button" disabled={!showing} onClick={() => void exportSvg()}>
              Export SVG
            </button>
          </div>
          {showing ? (
            <ChartCanvas data={preview} onChart={(chart) => (chartInstance.current = chart)} />
          ) : (
            <p className="chart-placeholder">{complete ? (error ? 'Nothing to draw.' : 'Drawing…') : 'Choose a metric to chart its figures.'}</p>
          )}
          {showing && preview.sourceLine && <p className="chart-source visually-hidden">{preview.sourceLine}</p>}
        </div>
      </section>
    </div>
  );
}
