// Claims and evidence links in the contract. Each change records how to undo it.
import type { DomainHandlers } from '../dispatch/handler-types';
import { listClaimTags } from '../articles/tags';
import { claimStateForUndo, createClaim, getClaim, listClaims, setClaimDeleted, updateClaim } from './claims';
import { createLink, setLinkDeleted } from './evidence-links';

export const claimHandlers: DomainHandlers<
  | 'claims.create'
  | 'claims.update'
  | 'claims.delete'
  | 'claims.restore'
  | 'claims.get'
  | 'claims.list'
  | 'claims.tags'
  | 'links.create'
  | 'links.delete'
  | 'links.restore'
> = {
  'claims.create': (input, { library, journal }) => {
    const claim = createClaim(library, input);
    journal.record('Add claim', { method: 'claims.delete', input: { id: claim.id } });
    return claim;
  },
  'claims.update': ({ id, ...changes }, { library, journal }) => {
    const before = claimStateForUndo(getClaim(library, id));
    const claim = updateClaim(library, id, changes);
    journal.record('Edit claim', { method: 'claims.update', input: { id, ...before } });
    return claim;
  },
  'claims.delete': ({ id }, { library, journal }) => {
    const claim = setClaimDeleted(library, id, true);
    journal.record('Delete claim', { method: 'claims.restore', input: { id } });
    return claim;
  },
  'claims.restore': ({ id }, { library, journal }) => {
    const claim = setClaimDeleted(library, id, false);
    journal.record('Restore claim', { method: 'claims.delete', input: { id } });
    return claim;
  },
  'claims.get': ({ id }, { library }) => getClaim(library, id),
  'claims.list': (input, { library }) => listClaims(library, input),
  'claims.tags': (_input, { library }) => listClaimTags(library),

  'links.create': (input, { library, journal }) => {
    const link = createLink(library, input);
    journal.record('Link evidence', { method: 'links.delete', input: { id: link.id } });
    return link;
  },
  'links.delete': ({ id }, { library, journal }) => {
    const link = setLinkDeleted(library, id, true);
    journal.record('Remove evidence link', { method: 'links.restore', input: { id } });
    return link;
  },
  'links.restore': ({ id }, { library, journal }) => {
    const link = setLinkDeleted(library, id, false);
    journal.record('Restore evidence link', { method: 'links.delete', input: { id } });
    return link;
  }
};
