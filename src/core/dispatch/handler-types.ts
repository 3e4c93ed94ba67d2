// What a domain module implements for the contract.
import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { Library } from '../db/library';

export interface HandlerContext {
  library: Library;
  appVersion: string;
}

export type Handler<K extends MethodName> = (input: ParsedInput<K>, context: HandlerContext) => MethodResult<K>;
export type HandlerMap = { [K in MethodName]: Handler<K> };
/** A domain's share of the contract. */
export type DomainHandlers<K extends MethodName> = { [P in K]: Handler<P> };
