// Tags on articles. Names are case-insensitively unique; a tag no article uses is removed.
import type { TagCount } from '../../shared/domain';
import type { Library } from '../db/library';

/** Replaces the article's tags. Call inside the caller's transaction. */
export function setArticleTags(library: Library, articleId: string, names: string[]): void {
  const unique = [...new Map(names.map((name) => name.trim()).filter(Boolean).map((name) => [name.toLowerCase(), name])).values()];
  library.statement('DELETE FROM article_tags WHERE article_id = ?').run(articleId);
  for (const name of unique) {
    library.statement('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    library
      .statement('INSERT INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?')
      .run(articleId, name);
  }
  library.statement('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)').run();
}

export function listTags(library: Library): TagCount[] {
  return library
    .statement(
      `SELECT t.name AS name, count(at.article_id) AS count FROM tags t
       JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE`
    )
    .all() as TagCount[];
}
