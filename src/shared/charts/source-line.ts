// The line under a chart that says where its numbers come from, made from the figures' sources:
// a cited report by its title and edition, an article by its publisher (or, without one, its title).
import type { ChartCitation } from './chart-data';

/** One figure's source, split so that editions of one report can share a name. */
export interface SourceName {
  /** "USGS Mineral Commodity Summaries", "Reuters". */
  name: string;
  /** "2025"; null when the source has no edition. */
  edition: string | null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

export function citationSourceName(citation: ChartCitation): SourceName | null {
  const title = clean(citation.title);
  const publisher = clean(citation.publisher);
  const edition = clean(citation.edition);
  const name = title ?? publisher;
  if (!name) return edition ? { name: `Edition ${edition}`, edition: null } : null;
  // A title that already names its edition ("Mineral Commodity Summaries 2025") keeps it once.
  if (edition && name.toLowerCase().includes(edition.toLowerCase())) return { name, edition: null };
  return { name, edition };
}

export function articleSourceName(article: { publisher: string | null; title: string | null }): SourceName | null {
  const name = clean(article.publisher) ?? clean(article.title);
  return name ? { name, edition: null } : null;
}

/** "USGS Mineral Commodity Summaries 2025". */
export function sourceLabel(source: SourceName): string {
  return source.edition ? `${source.name} ${source.edition}` : source.name;
}

function compareEditions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * "Source: USGS Mineral Commodity Summaries 2025"; several sources are joined with "; ", and the
 * editions of one report are named once: "Sources: USGS Mineral Commodity Summaries 2024, 2025;
 * Reuters". Empty when there is no source at all.
 */
export function composeSourceLine(sources: Iterable<SourceName | null>): string {
  // Insertion order: the first source met (the chart's first point) is named first.
  const editionsByName = new Map<string, { name: string; editions: Set<string>; bare: boolean }>();
  for (const source of sources) {
    if (!source) continue;
    const key = source.name.toLowerCase();
    let entry = editionsByName.get(key);
    if (!entry) {
      entry = { name: source.name, editions: new Set(), bare: false };
      editionsByName.set(key, entry);
    }
    if (source.edition) entry.editions.add(source.edition);
    else entry.bare = true;
  }
  const labels: string[] = [];
  for (const entry of editionsByName.values()) {
    const editions = [...entry.editions].sort(compareEditions);
    if (entry.bare && editions.length === 0) labels.push(entry.name);
    else if (entry.bare) labels.push(entry.name, `${entry.name} ${editions.join(', ')}`);
    else labels.push(`${entry.name} ${editions.join(', ')}`);
  }
  if (labels.length === 0) return '';
  return `${labels.length === 1 ? 'Source' : 'Sources'}: ${labels.join('; ')}`;
}
