// Figures in the contract. Each change records how to undo it.
import { listLinksTo } from '../claims/evidence-links';
import type { DomainHandlers } from '../dispatch/handler-types';
import { importFiguresCsv } from './figure-csv';
import {
  createFigure,
  figureFacets,
  figureInputFromRow,
  getFigure,
  getFigureRow,
  listCompetingGroups,
  listFigures,
  setFigureDeleted,
  setFiguresDeleted,
  updateFigure
} from './figures';

export const figureHandlers: DomainHandlers<
  | 'figures.create'
  | 'figures.update'
  | 'figures.delete'
  | 'figures.restore'
  | 'figures.get'
  | 'figures.list'
  | 'figures.competing'
  | 'figures.facets'
  | 'figures.importCsv'
  | 'figures.deleteMany'
  | 'figures.restoreMany'
> = {
  'figures.create': (input, { library, journal }) => {
    const figure = createFigure(library, input);
    journal.record('Add figure', { method: 'figures.delete', input: { id: figure.id } });
    return figure;
  },
  'figures.update': ({ id, ...changes }, { library, journal }) => {
    const before = figureInputFromRow(getFigureRow(library, id));
    const figure = updateFigure(library, id, changes);
    journal.record('Edit figure', { method: 'figures.update', input: { id, ...before } });
    return figure;
  },
  'figures.delete': ({ id }, { library, journal }) => {
    const figure = setFigureDeleted(library, id, true);
    journal.record('Delete figure', { method: 'figures.restore', input: { id } });
    return figure;
  },
  'figures.restore': ({ id }, { library, journal }) => {
    const figure = setFigureDeleted(library, id, false);
    journal.record('Restore figure', { method: 'figures.delete', input: { id } });
    return figure;
  },
  'figures.get': ({ id }, { library }) => ({ ...getFigure(library, id), linkedFrom: listLinksTo(library, id) }),
  'figures.list': (input, { library }) => listFigures(library, input),
  'figures.competing': (_input, { library }) => listCompetingGroups(library),
  'figures.facets': (_input, { library }) => figureFacets(library),
  'figures.deleteMany': ({ ids }, { library, journal }) => {
    const count = setFiguresDeleted(library, ids, true);
    journal.record(`Delete ${count} figures`, { method: 'figures.restoreMany', input: { ids } });
    return { count };
  },
  'figures.restoreMany': ({ ids }, { library, journal }) => {
    const count = setFiguresDeleted(library, ids, false);
    journal.record(`Restore ${count} figures`, { method: 'figures.deleteMany', input: { ids } });
    return { count };
  },
  'figures.importCsv': (input, { library, journal }) => {
    const result = importFiguresCsv(library, input);
    if (result.importedIds.length > 0) {
      journal.record(`Import ${result.importedIds.length} figures`, { method: 'figures.deleteMany', input: { ids: result.importedIds } });
    }
    return result.report;
  }
};
