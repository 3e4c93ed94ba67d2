// What a domain module implements for the contract.
import type { MethodInput, MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { Library } from '../db/library';
import type { UndoJournal } from '../history/undo-journal';

export interface HandlerContext {
  library: Library;
  appVersion: string;
  /** Where undoable changes record how to take them back. */
  journal: UndoJournal;
  /** Calls another contract method in the same transaction (used by undo). */
  call<K extends MethodName>(method: K, input: MethodInput<K>, journal?: UndoJournal): MethodResult<K>;
}

export type Handler<K extends MethodName> = (input: ParsedInput<K>, context: HandlerContext) => MethodResult<K>;

/**
 * A method with slow work before its write, such as reading an imported file. `prepare` runs
 * first, outside any transaction and without the library (a better-sqlite3 transaction cannot span
 * an await); `commit` then runs in the call's transaction like any handler. Transports call such
 * methods through the dispatcher's invokeAsync; synchronous callers get `prepareSync`, which may
 * refuse what it cannot do in-line.
 */
export interface TwoPhaseHandler<K extends MethodName, P> {
  prepare(input: ParsedInput<K>): Promise<P>;
  prepareSync(input: ParsedInput<K>): P;
  commit(input: ParsedInput<K>, prepared: P, context: HandlerContext): MethodResult<K>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method picks its own P
export type AnyHandler<K extends MethodName> = Handler<K> | TwoPhaseHandler<K, any>;
export type HandlerMap = { [K in MethodName]: AnyHandler<K> };
/** A domain's share of the contract. */
export type DomainHandlers<K extends MethodName> = { [P in K]: AnyHandler<P> };
