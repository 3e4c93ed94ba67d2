// Charts in the contract. Each change records how to undo it.
import type { DomainHandlers } from '../dispatch/handler-types';
import { chartWithData, createChart, getChart, listCharts, previewChart, setChartDeleted, storedSpecOf, updateChart } from './charts';
import { chartPointDetails } from './chart-data';
import { renderChartSvg } from './render-svg';

export const chartHandlers: DomainHandlers<
  'charts.create' | 'charts.update' | 'charts.delete' | 'charts.restore' | 'charts.list' | 'charts.get' | 'charts.preview' | 'charts.renderSvg' | 'charts.pointDetails'
> = {
  'charts.create': (input, { library, journal }) => {
    const chart = createChart(library, input);
    journal.record('Add chart', { method: 'charts.delete', input: { id: chart.id } });
    return chart;
  },
  'charts.update': ({ id, ...changes }, { library, journal }) => {
    const before = storedSpecOf(getChart(library, id));
    const chart = updateChart(library, id, changes);
    journal.record('Edit chart', { method: 'charts.update', input: { id, ...before } });
    return chart;
  },
  'charts.delete': ({ id }, { library, journal }) => {
    const chart = setChartDeleted(library, id, true);
    journal.record('Delete chart', { method: 'charts.restore', input: { id } });
    return chart;
  },
  'charts.restore': ({ id }, { library, journal }) => {
    const chart = setChartDeleted(library, id, false);
    journal.record('Restore chart', { method: 'charts.delete', input: { id } });
    return chart;
  },
  'charts.list': (_input, { library }) => listCharts(library),
  'charts.get': ({ id }, { library }) => chartWithData(library, id),
  'charts.preview': (input, { library }) => previewChart(library, input),
  'charts.pointDetails': ({ figureRowIds }, { library }) => chartPointDetails(library, figureRowIds),
  'charts.renderSvg': ({ id, spec, width, height }, { library }) => {
    const data = id ? chartWithData(library, id).data : previewChart(library, spec!);
    return { svg: renderChartSvg(data, { width, height }) };
  }
};
