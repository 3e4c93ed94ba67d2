// The one place a contract call is validated and routed to its domain handler. Electron IPC, the
// browser-mode host and the CLI all go through invoke(), so they check inputs identically.
import { z } from 'zod';
import { contract, isMethodName, METHOD_NAMES, type MethodInput, type MethodName, type MethodResult } from '../../shared/contract';
import { AssayError, type Envelope } from '../../shared/errors';
import { articleHandlers } from '../articles/article-handlers';
import { highlightHandlers } from '../annotations/highlight-handlers';
import { libraryHandlers } from '../library/library-handlers';
import { searchHandlers } from '../search/search-handlers';
import { claimHandlers } from '../claims/claim-handlers';
import { figureHandlers } from '../figures/figure-handlers';
import { chartHandlers } from '../charts/chart-handlers';
import { historyHandlers } from '../history/history-handlers';
import { quantityHandlers } from '../quantities/quantity-handlers';
import { aroundTransaction, projectHandlers } from '../projects/project-handlers';
import { exchangeHandlers } from '../exchange/exchange-handlers';
import { printHandlers } from '../print/print-handlers';
import { jobHandlers } from '../jobs/job-handlers';
import { JobRegistry } from '../jobs/job-registry';
import type { Library } from '../db/library';
import { createUndoJournal, type UndoJournal } from '../history/undo-journal';
import type { AnyHandler, HandlerContext, HandlerMap, TwoPhaseHandler } from './handler-types';

/** Joins domain handler maps; a method claimed twice or not at all is a programming error. */
export function joinHandlers(...maps: Partial<HandlerMap>[]): HandlerMap {
  const joined: Partial<HandlerMap> = {};
  for (const map of maps) {
    for (const name of Object.keys(map) as MethodName[]) {
      if (name in joined) throw new Error(`Contract method ${name} has two handlers.`);
      if (!isMethodName(name)) throw new Error(`Handler ${name} is not in the contract.`);
      (joined as Record<string, unknown>)[name] = map[name];
    }
  }
  const missing = METHOD_NAMES.filter((name) => !(name in joined));
  if (missing.length > 0) throw new Error(`Contract methods without a handler: ${missing.join(', ')}.`);
  return joined as HandlerMap;
}

export const handlers: HandlerMap = joinHandlers(
  libraryHandlers,
  articleHandlers,
  highlightHandlers,
  searchHandlers,
  claimHandlers,
  figureHandlers,
  chartHandlers,
  quantityHandlers,
  historyHandlers,
  projectHandlers,
  exchangeHandlers,
  printHandlers,
  jobHandlers
);

export function describeInputProblem(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function toPayload(error: unknown) {
  if (error instanceof AssayError) return error.toPayload();
  // Unexpected failures still reach the user as words, but say that it is Assay's fault.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal' as const, message: `Assay hit an unexpected error: ${message}` };
}

export interface Dispatcher {
  /** For transports: any method name and input, never throws. */
  invoke(method: string, input: unknown): Envelope<unknown>;
  /** For in-process callers (CLI, tests): typed, throws AssayError. */
  call<K extends MethodName>(method: K, input: MethodInput<K>): MethodResult<K>;
  /**
   * As invoke, and the way transports call: a two-phase method (articles.importFile) does its
   * slow preparation (parsing the file, in a worker) before its transaction, without blocking.
   */
  invokeAsync(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** As call, for two-phase methods. */
  callAsync<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>>;
}

function isTwoPhase(handler: AnyHandler<MethodName>): handler is TwoPhaseHandler<MethodName, unknown> {
  return typeof handler === 'object';
}

export interface DispatcherOptions {
  library: Library;
  appVersion: string;
}

export function createDispatcher(options: DispatcherOptions, handlerMap: HandlerMap = handlers): Dispatcher {
  const { library } = options;
  const journal = createUndoJournal(library);
  // One transaction function for all calls: db.transaction() builds four wrapper functions each
  // time it is called, which costs more than BEGIN and COMMIT on a small call (a highlight).
  const inTransaction = library.db.transaction((work: () => unknown) => work());
  const jobs = new JobRegistry();
  const prepareContext = { library, appVersion: options.appVersion, jobs };
  const validate = (method: string, input: unknown) => {
    if (!isMethodName(method)) throw new AssayError('unknown_method', `There is no method named ${method}.`);
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new AssayError('invalid_input', `${method}: ${describeInputProblem(parsed.error)}`);
    }
    return { handler: handlerMap[method] as AnyHandler<MethodName>, data: parsed.data as never };
  };
  const execute = (handler: AnyHandler<MethodName>, data: never, prepared: unknown, callJournal: UndoJournal): unknown => {
    const context: HandlerContext = {
      ...options,
      jobs,
      journal: callJournal,
      call: (nested, nestedInput, nestedJournal = callJournal) => run(nested, nestedInput, nestedJournal) as never
    };
    // Every call is one transaction: a change and its undo record, or a refused change's partial
    // writes, can never be half in the library.
    return inTransaction(() =>
      isTwoPhase(handler) ? handler.commit(data, prepared, context) : (handler as (input: unknown, context: HandlerContext) => unknown)(data, context)
    );
  };
  const run = (method: string, input: unknown, callJournal: UndoJournal = journal): unknown => {
    const { handler, data } = validate(method, input);
    // A backup before a merge, or attaching a backup to restore, cannot run inside the transaction.
    return aroundTransaction(library, method, data, () =>
      execute(handler, data, isTwoPhase(handler) ? handler.prepareSync(data, prepareContext) : undefined, callJournal)
    );
  };
  const runAsync = async (method: string, input: unknown): Promise<unknown> => {
    const { handler, data } = validate(method, input);
    const prepared = isTwoPhase(handler) ? await handler.prepare(data, prepareContext) : undefined;
    return aroundTransaction(library, method, data, () => execute(handler, data, prepared, journal));
  };
  return {
    invoke(method, input) {
      try {
        return { ok: true, result: run(method, input) };
      } catch (error) {
        return { ok: false, error: toPayload(error) };
      }
    },
    call(method, input) {
      return run(method, input) as MethodResult<typeof method>;
    },
    async invokeAsync(method, input) {
      try {
        return { ok: true, result: await runAsync(method, input) };
      } catch (error) {
        return { ok: false, error: toPayload(error) };
      }
    },
    async callAsync(method, input) {
      return (await runAsync(method, input)) as MethodResult<typeof method>;
    }
  };
}
