// Operations of issue 8 whose features do not exist yet. They are listed in every run, so the table
// shows the whole target; when a feature lands, its group goes in bench/run.ts and its entry leaves here.
import type { NotYetBuilt } from '../context';

export const NOT_YET_BUILT: NotYetBuilt[] = [
  { id: 'project-export', operation: 'export a project of 1,000 articles with all its annotations', target: '≤ 5 s', waitsFor: 'project files' },
  { id: 'project-import', operation: 'import a project of 1,000 articles with all its annotations', target: '≤ 5 s', waitsFor: 'project files' },
  { id: 'print-pdf', operation: 'print a 20-page article with 200 highlights to PDF', target: '≤ 5 s', waitsFor: 'printing' },
  { id: 'renderer-figures-scroll', operation: 'renderer: scroll the 200,000-row figures table', target: '—', waitsFor: 'figures in the synthetic library (the virtualised figures view itself landed in 563c898)' }
];

/** The synthetic library will also need these, generated like articles and highlights (issue 8). */
export const NOT_YET_GENERATED = ['50,000 claims', '200,000 figures', '1,000 charts'];
