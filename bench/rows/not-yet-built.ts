// Operations of issue 8 whose features do not exist yet. They are listed in every run, so the table
// shows the whole target; when a feature lands, its group goes in bench/run.ts and its entry leaves here.
import type { NotYetBuilt } from '../context';

export const NOT_YET_BUILT: NotYetBuilt[] = [];
