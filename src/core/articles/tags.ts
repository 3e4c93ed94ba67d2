// Tags on articles and claims. Names are case-insensitively unique across both; a tag nothing
// uses any more is removed.
import type { TagCount } from '../../shared/domain';
import type { Library } from '../db/library';

// Fixed table names: never interpolated from input.
const TAGGED = {
  article: { table: 'article_tags', owner: 'article_id' },
  claim: { table: 'claim_tags', owner: 'claim_id' }
} as const;

export type TaggedKind = keyof typeof TAGGED;

/** Replaces the tags of an article or claim. Call inside the caller's transaction. */
export function setTags(library: Library, kind: TaggedKind, ownerId: string, names: string[]): void {
  const { table, owner } = TAGGED[kind];
  const unique = [...new Map(names.map((name) => name.trim()).filter(Boolean).map((name) => [name.toLowerCase(), name])).values()];
  const { changes: removed } = library.statement(`DELETE FROM ${table} WHERE ${owner} = ?`).run(ownerId);
  for (const name of unique) {
    library.statement('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    library.statement(`INSERT INTO ${table} (${owner}, tag_id) SELECT ?, id FROM tags WHERE name = ?`).run(ownerId, name);
  }
  // Only a removed link can leave a tag unused; the sweep reads both link tables, which an import
  // of thousands of new articles and claims would otherwise do once per record.
  if (removed === 0) return;
  library
    .statement('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags) AND id NOT IN (SELECT tag_id FROM claim_tags)')
    .run();
}

export function setArticleTags(library: Library, articleId: string, names: string[]): void {
  setTags(library, 'article', articleId, names);
}

/** Tags in use on articles that are not in the trash, with how many articles carry each. */
export function listTags(library: Library): TagCount[] {
  return library
    .statement(
      `SELECT t.name AS name, count(at.article_id) AS count FROM tags t
       JOIN article_tags at ON at.tag_id = t.id JOIN articles a ON a.id = at.article_id AND a.deleted_at IS NULL
       GROUP BY t.id ORDER BY t.name COLLATE NOCASE`
    )
    .all() as TagCount[];
}

/** Tags in use on live claims. */
export function listClaimTags(library: Library): TagCount[] {
  return library
    .statement(
      `SELECT t.name AS name, count(ct.claim_id) AS count FROM tags t
       JOIN claim_tags ct ON ct.tag_id = t.id JOIN claims c ON c.id = ct.claim_id AND c.deleted_at IS NULL
       GROUP BY t.id ORDER BY t.name COLLATE NOCASE`
    )
    .all() as TagCount[];
}
