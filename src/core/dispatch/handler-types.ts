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
export type HandlerMap = { [K in MethodName]: Handler<K> };
/** A domain's share of the contract. */
export type DomainHandlers<K extends MethodName> = { [P in K]: Handler<P> };
