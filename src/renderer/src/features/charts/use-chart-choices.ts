// What the chart builder offers: the metrics of the library (figures.facets), and for the chosen
// metric its entities and periods (from the figures of that metric; the contract has no facet of
// periods). Entities come in the facet's order, periods in time order.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useLibraryChanged } from '../../app/undo';
import { distinct, sortPeriods } from './chart-draft';

export interface ChartChoices {
  metrics: string[];
  entities: string[];
  periods: string[];
  error: string | null;
}

// Enough for the pickers of any metric an analyst would chart by hand.
const METRIC_SAMPLE = 5000;

export function useChartChoices(metric: string): ChartChoices {
  const client = useClient();
  const [metrics, setMetrics] = useState<string[]>([]);
  const [facetEntities, setFacetEntities] = useState<string[]>([]);
  const [ofMetric, setOfMetric] = useState<{ metric: string; entities: string[]; periods: string[] }>({ metric: '', entities: [], periods: [] });
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((current) => current + 1), []);
  useLibraryChanged(refresh);

  useEffect(() => {
    let live = true;
    client
      .call('figures.facets', {})
      .then((facets) => {
        if (!live) return;
        setMetrics(facets.metrics);
        setFacetEntities(facets.entities);
      })
      .catch((reason) => live && setError(errorMessage(reason)));
    return () => {
      live = false;
    };
  }, [client, generation]);

  useEffect(() => {
    let live = true;
    if (!metric) return;
    client
      .call('figures.list', { metric, sort: 'period', direction: 'asc', limit: METRIC_SAMPLE })
      .then(({ items }) => {
        if (!live) return;
        const figures = items.filter((figure) => figure.metric === metric);
        setOfMetric({ metric, entities: distinct(figures.map((figure) => figure.entity)), periods: sortPeriods(figures.map((figure) => figure.period)) });
      })
      .catch((reason) => live && setError(errorMessage(reason)));
    return () => {
      live = false;
    };
  }, [client, metric, generation]);

  const current = ofMetric.metric === metric ? ofMetric : { entities: [], periods: [] };
  const entitySet = new Set(current.entities);
  return {
    metrics,
    // The facet's order (it is the library's order of entities), limited to the metric's.
    entities: [...facetEntities.filter((entity) => entitySet.has(entity)), ...current.entities.filter((entity) => !facetEntities.includes(entity))],
    periods: current.periods,
    error
  };
}
