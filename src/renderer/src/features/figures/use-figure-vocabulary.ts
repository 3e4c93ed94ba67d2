// Words the figure forms and filters suggest: metrics and entities already used, and the unit
// catalogue. The contract has no "distinct values" method, so metrics and entities come from the
// two ends of the list sorted by metric; that covers a library of a few thousand figures fully
// and a large one well enough for suggestions. In a large library those two calls are slow, so a
// view can ask for them only when a field that suggests them is first used (`lazy`).
import { useCallback, useEffect, useState } from 'react';
import type { UnitDescription } from '../../../../shared/evidence';
import type { AssayClient } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useLibraryChanged } from '../../app/undo';

export interface FigureVocabulary {
  metrics: string[];
  entities: string[];
}

const SAMPLE = 2000;
const FRESH_MS = 30_000;

let vocabulary: { client: AssayClient; at: number; value: Promise<FigureVocabulary> } | null = null;
let units: { client: AssayClient; value: Promise<UnitDescription[]> } | null = null;

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

async function fetchVocabulary(client: AssayClient): Promise<FigureVocabulary> {
  const [first, last] = await Promise.all([
    client.call('figures.list', { sort: 'metric', direction: 'asc', limit: SAMPLE }),
    client.call('figures.list', { sort: 'metric', direction: 'desc', limit: SAMPLE })
  ]);
  const figures = [...first.items, ...last.items];
  return { metrics: distinct(figures.map((figure) => figure.metric)), entities: distinct(figures.map((figure) => figure.entity)) };
}

export function forgetFigureVocabulary(): void {
  vocabulary = null;
}

export function useFigureVocabulary(options: { lazy?: boolean } = {}): FigureVocabulary & { request: () => void } {
  const client = useClient();
  const [value, setValue] = useState<FigureVocabulary>({ metrics: [], entities: [] });
  const [generation, setGeneration] = useState(0);
  const [wanted, setWanted] = useState(!options.lazy);
  const request = useCallback(() => setWanted(true), []);
  const refresh = useCallback(() => {
    forgetFigureVocabulary();
    setGeneration((current) => current + 1);
  }, []);
  useLibraryChanged(refresh);
  useEffect(() => {
    if (!wanted) return;
    if (!vocabulary || vocabulary.client !== client || Date.now() - vocabulary.at > FRESH_MS) {
      vocabulary = { client, at: Date.now(), value: fetchVocabulary(client) };
    }
    let current = true;
    vocabulary.value.then((loaded) => current && setValue(loaded)).catch(() => forgetFigureVocabulary());
    return () => {
      current = false;
    };
  }, [client, generation, wanted]);
  return { ...value, request };
}

export function useUnits(): UnitDescription[] {
  const client = useClient();
  const [value, setValue] = useState<UnitDescription[]>([]);
  useEffect(() => {
    if (!units || units.client !== client) units = { client, value: client.call('units.list', {}) };
    let current = true;
    units.value.then((loaded) => current && setValue(loaded)).catch(() => (units = null));
    return () => {
      current = false;
    };
  }, [client]);
  return value;
}
