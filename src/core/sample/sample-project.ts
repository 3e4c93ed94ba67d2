// The sample project a new library starts with, so that the app is never empty on first run:
// an article about the rare-earth supply chain with a few highlights (resources/sample).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../../shared/domain';
import { createHighlight } from '../annotations/highlights';
import { createArticle } from '../articles/articles';
import type { Library } from '../db/library';
import { prepareArticleFile } from '../import/import-content';

const sampleManifest = z.object({
  article: z.object({
    file: z.string(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    tags: z.array(z.string())
  }),
  highlights: z.array(z.object({ exact: z.string(), color: z.enum(HIGHLIGHT_COLORS), note: z.string() }))
});

export function sampleFolder(resourcesDir: string): string {
  return join(resourcesDir, 'sample');
}

/** Adds the sample article and its highlights, all or nothing. Returns the article id. */
export function addSampleProject(library: Library, resourcesDir: string): string {
  const folder = sampleFolder(resourcesDir);
  const manifest = sampleManifest.parse(JSON.parse(readFileSync(join(folder, 'sample-project.json'), 'utf8')));
  const prepared = prepareArticleFile(manifest.article.file, readFileSync(join(folder, manifest.article.file)));
  return library.db.transaction(() => {
    const article = createArticle(library, {
      prepared,
      fileName: manifest.article.file,
      author: manifest.article.author,
      publisher: manifest.article.publisher,
      url: manifest.article.url,
      publishedAt: manifest.article.publishedAt,
      tags: manifest.article.tags
    });
    for (const highlight of manifest.highlights) {
      createHighlight(library, { articleId: article.id, ...highlight });
    }
    return article.id;
  })();
}
