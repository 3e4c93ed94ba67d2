// What a domain module implements for the contract.
import type { MethodInput, MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { Library } from '../db/library';
import type { UndoJournal } from '../history/undo-journal';
import type { JobRegistry } from '../jobs/job-registry';

export interface HandlerContext {
  library: Library;
  appVersion: string;
  /** Progress and cancellation of long calls, by the caller's token (jobs.progress, jobs.cancel). */
  jobs: JobRegistry;
  /** Where undoable changes record how to take them back. */
  journal: UndoJournal;
  /** Calls another contract method in the same transaction (used by undo). */
  call<K extends MethodName>(method: K, input: MethodInput<K>, journal?: UndoJournal): MethodResult<K>;
}

export type Handler<K extends MethodName> = (input: ParsedInput<K>, context: HandlerContext) => MethodResult<K>;

/**
 * What `prepare` may use. It runs outside the call's transaction, and a better-sqlite3 transaction
 * cannot span an await: whatever it reads, it reads synchronously before its first await, in a
 * read transaction of its own (as projects.export reads its snapshot).
 */
export type PrepareContext = Pick<HandlerContext, 'library' | 'appVersion' | 'jobs'>;

/**
 * A method with slow work before its write, such as reading an imported file. `prepare` runs
 * first, outside any transaction; `commit` then runs in the call's transaction like any handler.
 * Transports call such methods through the dispatcher's invokeAsync; synchronous callers get
 * `prepareSync`, which may refuse what it cannot do in-line.
 */
export interface TwoPhaseHandler<K extends MethodName, P> {
  prepare(input: ParsedInput<K>, context: PrepareContext): Promise<P>;
  prepareSync(input: ParsedInput<K>, context: PrepareContext): P;
  commit(input: ParsedInput<K>, prepared: P, context: HandlerContext): MethodResult<K>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method picks its own P
export type AnyHandler<K extends MethodName> = Handler<K> | TwoPhaseHandler<K, any>;
export type HandlerMap = { [K in MethodName]: AnyHandler<K> };
/** A domain's share of the contract. */
export type DomainHandlers<K extends MethodName> = { [P in K]: AnyHandler<P> };
