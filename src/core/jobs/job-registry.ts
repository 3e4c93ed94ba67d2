// Progress and cancellation of long contract calls, keyed by the token the caller chose. One
// registry per dispatcher: the long call reports into it, jobs.progress and jobs.cancel read and
// flag it from other calls served while the long one is pending.
import { AssayError } from '../../shared/errors';
import type { JobProgress, JobState } from '../../shared/jobs';

/** What a running job sees of its entry. */
export interface JobHandle {
  report(phase: string, done: number, total: number): void;
  readonly cancelled: boolean;
  /** Throws the cancellation error once the caller asked to cancel. */
  throwIfCancelled(): void;
  /** Runs `stop` at once when the caller cancels (e.g. to terminate a compression worker). */
  onCancel(stop: () => void): void;
  finish(state: Exclude<JobState, 'running'>): void;
}

interface Entry {
  /** False for a cancel that arrived before its job started. */
  started: boolean;
  progress: JobProgress;
  cancelled: boolean;
  createdAt: number;
  finishedAt: number | null;
  stops: (() => void)[];
}

// A finished job stays readable this long, so the caller's last poll still sees how it ended.
const KEEP_FINISHED_MS = 5 * 60_000;

export class JobRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  start(token: string, phase: string): JobHandle {
    this.forgetOldJobs();
    const existing = this.entries.get(token);
    if (existing?.started && existing.finishedAt === null) {
      throw new AssayError('invalid_input', 'progressToken: a job with this token is already running; use a new token for each job.');
    }
    // A cancel that arrived before the job started (the requests raced) still counts.
    const entry: Entry = {
      started: true,
      progress: { state: 'running', phase, done: 0, total: 0 },
      cancelled: existing?.started === false,
      createdAt: this.clock(),
      finishedAt: null,
      stops: []
    };
    this.entries.set(token, entry);
    const cancelledError = () => new AssayError('cancelled', 'The export was cancelled; nothing was written.');
    return {
      report: (nextPhase, done, total) => {
        entry.progress = { state: 'running', phase: nextPhase, done, total };
      },
      get cancelled() {
        return entry.cancelled;
      },
      throwIfCancelled: () => {
        if (entry.cancelled) throw cancelledError();
      },
      onCancel: (stop) => {
        if (entry.cancelled) stop();
        else entry.stops.push(stop);
      },
      finish: (state) => {
        entry.progress = { ...entry.progress, state };
        entry.finishedAt = this.clock();
        entry.stops = [];
      }
    };
  }

  /** The job's progress, or null when no job has this token (not started yet, or long finished). */
  progress(token: string): JobProgress | null {
    const entry = this.entries.get(token);
    return entry?.started ? { ...entry.progress } : null;
  }

  /** Asks the job to stop; true when it was running (or not started yet), false when it had finished. */
  cancel(token: string): boolean {
    const entry = this.entries.get(token);
    if (!entry) {
      // Not started yet: remember the wish, so the job stops as soon as it starts.
      this.forgetOldJobs();
      this.entries.set(token, {
        started: false,
        progress: { state: 'cancelled', phase: '', done: 0, total: 0 },
        cancelled: true,
        createdAt: this.clock(),
        finishedAt: null,
        stops: []
      });
      return true;
    }
    if (entry.finishedAt !== null) return false;
    entry.cancelled = true;
    for (const stop of entry.stops.splice(0)) stop();
    return true;
  }

  private forgetOldJobs(): void {
    const now = this.clock();
    for (const [token, entry] of this.entries) {
      const endedAt = entry.started ? entry.finishedAt : entry.createdAt;
      if (endedAt !== null && now - endedAt > KEEP_FINISHED_MS) this.entries.delete(token);
    }
  }
}
