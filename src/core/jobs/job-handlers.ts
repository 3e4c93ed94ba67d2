// Progress and cancellation of long calls in the contract (see src/shared/jobs.ts).
import type { DomainHandlers } from '../dispatch/handler-types';

export const jobHandlers: DomainHandlers<'jobs.progress' | 'jobs.cancel'> = {
  'jobs.progress': ({ token }, { jobs }) => jobs.progress(token),
  'jobs.cancel': ({ token }, { jobs }) => ({ cancelled: jobs.cancel(token) })
};
