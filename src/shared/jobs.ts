// Long calls that report how far they are. The renderer names the job with a token of its own
// choosing when it starts the call (e.g. projects.export { progressToken }), then asks
// jobs.progress { token } while the call is pending, and may ask jobs.cancel { token }. Both
// transports serve those requests while the long call runs, because the call yields to the event
// loop between its steps.

/** A token the caller makes up (a UUID will do). */
export const JOB_TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  state: JobState;
  /** What the job is doing now; for a project export: 'collect', then 'articles', then 'package'. */
  phase: string;
  /** Units of the phase done, of `total` (for 'articles': articles serialised, of the articles in the file). */
  done: number;
  total: number;
}
