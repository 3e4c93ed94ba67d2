import type { DomainHandlers } from '../dispatch/handler-types';
import { findPeriod } from './periods';
import { parseQuantity } from './quantity-parser';
import { listUnits } from './units';

export const quantityHandlers: DomainHandlers<'quantities.parse' | 'units.list'> = {
  'quantities.parse': ({ text }) => {
    const quantity = parseQuantity(text);
    const period = findPeriod(text);
    return {
      quantity: quantity && {
        value: quantity.value,
        high: quantity.high,
        unit: quantity.unit,
        qualifier: quantity.qualifier,
        text: quantity.text,
        start: quantity.start,
        end: quantity.end
      },
      period: period && { canonical: period.canonical, kind: period.kind, start: period.start, end: period.end }
    };
  },
  'units.list': () => listUnits().map(({ symbol, name, dimension }) => ({ symbol, name, dimension }))
};
