// Interchange exports in the contract.
import type { DomainHandlers } from '../dispatch/handler-types';
import { exportInterchange } from './interchange';

export const exchangeHandlers: DomainHandlers<'exchange.export'> = {
  'exchange.export': ({ format, projectId }, { library }) => exportInterchange(library, format, projectId)
};
