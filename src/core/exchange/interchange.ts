// Exports to open formats other tools read (docs/project-file.md, "Interchange formats"):
// figures as CSV and as a Frictionless Tabular Data Package, highlights as a W3C Web Annotation
// collection, claims as schema.org ClaimReview, article metadata as CSL-JSON. These are one-way:
// the .assay project file is what round-trips.
import Papa from 'papaparse';
import { VERDICT_LABELS, type Verdict } from '../../shared/evidence';
import type { ExchangeExport, ExchangeFormat } from '../../shared/projects';
import type { Library } from '../db/library';
import { collectProject } from '../projects/export-project';
import { readEntity } from '../projects/local-records';
import type { ArticleRecord, ClaimRecord, FigureRecord, HighlightRecord, RecordByKind, RecordKind } from '../projects/project-file-format';
import { getSetting, projectName } from '../projects/projects';
import { parsePeriod } from '../quantities/periods';

type LiveRecords = { [K in RecordKind]: RecordByKind[K][] };

const TABLES: Record<Exclude<RecordKind, 'chart'>, string> = {
  article: 'articles',
  highlight: 'highlights',
  claim: 'claims',
  figure: 'figures',
  link: 'evidence_links'
};

/** The live records of a project (with what they reference), or of the whole library. */
export function liveRecords(library: Library, projectId: string | null | undefined): LiveRecords {
  if (projectId) return collectProject(library, { projectId }).records;
  const read = <K extends Exclude<RecordKind, 'chart'>>(kind: K): RecordByKind[K][] =>
    (library.statement(`SELECT id FROM ${TABLES[kind]} WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string }[])
      .map(({ id }) => readEntity(library, kind, id))
      .filter((entity) => entity !== null && entity.live)
      .map((entity) => entity!.record as RecordByKind[K]);
  return { article: read('article'), highlight: read('highlight'), claim: read('claim'), figure: read('figure'), link: read('link'), chart: [] };
}

// ——— figures: CSV and Frictionless Data Package ———

/** CSV columns; the first ones carry the names `figures import --map auto` reads back. */
export const FIGURE_EXPORT_COLUMNS = [
  { name: 'id', type: 'string', format: 'uuid', title: 'Figure id', description: 'Stable id of the figure in Assay.' },
  { name: 'metric', type: 'string', title: 'Metric', description: 'What is measured, e.g. mine production.' },
  { name: 'entity', type: 'string', title: 'Entity', description: 'Who or what it is measured for, e.g. China.' },
  { name: 'value', type: 'number', title: 'Value', description: 'The value as the source states it, in `unit`.' },
  { name: 'high', type: 'number', title: 'Upper value', description: 'The upper end of a range; empty otherwise.' },
  { name: 'unit', type: 'string', title: 'Unit', description: 'The unit of value and high as the source gives it, e.g. t, Mt, %, USD.' },
  { name: 'qualifier', type: 'string', title: 'Qualifier', description: 'exact, approximately, at_least, at_most or range.', constraints: { enum: ['exact', 'approximately', 'at_least', 'at_most', 'range'] } },
  { name: 'period', type: 'string', title: 'Period', description: 'The period the value covers: 2024, 2024-Q1, 2024-03, 2020/2024.' },
  { name: 'periodKind', type: 'string', title: 'Period kind', description: 'year, quarter, month, day or range.' },
  { name: 'periodStart', type: 'date', title: 'Period start', description: 'First day of the period.' },
  { name: 'periodEnd', type: 'date', title: 'Period end', description: 'Last day of the period.' },
  { name: 'basis', type: 'string', title: 'Basis', description: 'What the value is measured on, e.g. rare-earth oxide equivalent.' },
  { name: 'notes', type: 'string', title: 'Notes' },
  { name: 'sourceKind', type: 'string', title: 'Source kind', description: 'highlight (a quoted passage of an article), citation (a cited report) or none.', constraints: { enum: ['highlight', 'citation', 'none'] } },
  { name: 'sourceArticleId', type: 'string', title: 'Source article id' },
  { name: 'sourceArticleTitle', type: 'string', title: 'Source article title' },
  { name: 'sourceArticleUrl', type: 'string', format: 'uri', title: 'Source article URL' },
  { name: 'sourceQuote', type: 'string', title: 'Source quote', description: 'The highlighted passage the value was taken from.' },
  { name: 'citationTitle', type: 'string', title: 'Cited report' },
  { name: 'citationPublisher', type: 'string', title: 'Cited publisher' },
  { name: 'citationEdition', type: 'string', title: 'Cited edition' },
  { name: 'citationUrl', type: 'string', format: 'uri', title: 'Cited URL' },
  { name: 'citationPage', type: 'string', title: 'Cited page' },
  { name: 'createdAt', type: 'datetime', title: 'Added' },
  { name: 'updatedAt', type: 'datetime', title: 'Last changed' }
] as const;

function figureRows(records: LiveRecords): Record<string, string | number | null>[] {
  const highlights = new Map(records.highlight.map((highlight) => [highlight.id, highlight]));
  const articles = new Map(records.article.map((article) => [article.id, article]));
  return records.figure.map((figure: FigureRecord) => {
    const period = parsePeriod(figure.period);
    const highlight = figure.highlightId ? highlights.get(figure.highlightId) : undefined;
    const article = highlight ? articles.get(highlight.articleId) : undefined;
    const cited = Object.values(figure.citation).some((value) => value !== null);
    return {
      id: figure.id,
      metric: figure.metric,
      entity: figure.entity,
      value: figure.value,
      high: figure.high,
      unit: figure.unit,
      qualifier: figure.qualifier,
      period: period.canonical,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      basis: figure.basis,
      notes: figure.notes,
      sourceKind: highlight ? 'highlight' : cited ? 'citation' : 'none',
      sourceArticleId: article?.id ?? null,
      sourceArticleTitle: article?.title ?? null,
      sourceArticleUrl: article?.url ?? null,
      sourceQuote: highlight?.quote.exact ?? null,
      citationTitle: figure.citation.title,
      citationPublisher: figure.citation.publisher,
      citationEdition: figure.citation.edition,
      citationUrl: figure.citation.url,
      citationPage: figure.citation.page,
      createdAt: figure.createdAt,
      updatedAt: figure.updatedAt
    };
  });
}

export function figuresCsv(records: LiveRecords): string {
  const rows = figureRows(records);
  // Numbers are written as JavaScript prints them (shortest round-trip form); empty means null.
  return Papa.unparse(
    { fields: FIGURE_EXPORT_COLUMNS.map((column) => column.name), data: rows.map((row) => FIGURE_EXPORT_COLUMNS.map((column) => row[column.name] ?? '')) },
    { newline: '\r\n', quotes: false }
  ) + '\r\n';
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'assay-figures'
  );
}

/** A Frictionless Tabular Data Package (v1 spec): datapackage.json describing figures.csv. */
export function figuresDataPackage(records: LiveRecords, title: string, created: string): { descriptor: Record<string, unknown>; csv: string } {
  const csv = figuresCsv(records);
  const descriptor = {
    profile: 'tabular-data-package',
    name: slug(title),
    title,
    created,
    resources: [
      {
        name: 'figures',
        path: 'figures.csv',
        profile: 'tabular-data-resource',
        title: 'Figures',
        description: 'Sourced data points: each value with its unit, the period it covers and where it comes from.',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: FIGURE_EXPORT_COLUMNS.map((column) => ({ ...column })),
          primaryKey: ['id'],
          missingValues: ['']
        }
      }
    ]
  };
  return { descriptor, csv };
}

// ——— highlights: W3C Web Annotation ———

/** UTF-16 offsets (how Assay measures) to code points (how the Web Annotation model counts characters). */
function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0;
  for (let index = 0; index < utf16Offset && index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) index += 1;
    count += 1;
  }
  return count;
}

export function urnFor(id: string): string {
  return `urn:uuid:${id}`;
}

function claimsByHighlight(records: LiveRecords): Map<string, ClaimRecord[]> {
  const map = new Map<string, ClaimRecord[]>();
  for (const claim of records.claim) {
    for (const highlightId of claim.highlightIds) map.set(highlightId, [...(map.get(highlightId) ?? []), claim]);
  }
  return map;
}

export function webAnnotations(records: LiveRecords, label: string, collectionId: string): Record<string, unknown> {
  const articles = new Map(records.article.map((article) => [article.id, article]));
  const claims = claimsByHighlight(records);
  const items = records.highlight
    .filter((highlight) => articles.has(highlight.articleId))
    .map((highlight: HighlightRecord) => {
      const article = articles.get(highlight.articleId) as ArticleRecord;
      const body: Record<string, unknown>[] = [];
      if (highlight.note.trim()) {
        body.push({ type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' });
      }
      for (const claim of claims.get(highlight.id) ?? []) {
        body.push({
          type: 'TextualBody',
          id: urnFor(claim.id),
          value: VERDICT_LABELS[claim.verdict as Verdict],
          format: 'text/plain',
          purpose: 'assessing'
        });
      }
      const annotation: Record<string, unknown> = {
        id: urnFor(highlight.id),
        type: 'Annotation',
        motivation: body.some((entry) => entry.purpose === 'assessing') ? 'assessing' : body.length ? 'commenting' : 'highlighting',
        created: highlight.createdAt,
        modified: highlight.updatedAt,
        target: {
          source: article.url ?? urnFor(article.id),
          selector: [
            { type: 'TextQuoteSelector', exact: highlight.quote.exact, prefix: highlight.quote.prefix, suffix: highlight.quote.suffix },
            {
              type: 'TextPositionSelector',
              start: codePointOffset(article.bodyText, highlight.position.start),
              end: codePointOffset(article.bodyText, highlight.position.end)
            }
          ]
        }
      };
      if (body.length > 0) annotation.body = body;
      return annotation;
    });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${collectionId}#page-1`, type: 'AnnotationPage', startIndex: 0, items }
  };
}

// ——— claims: schema.org ClaimReview ———

/**
 * The rating scale (bestRating 5, worstRating 1). Unverified claims have no rating value: only
 * their alternateName says that they were not assessed.
 */
export const CLAIM_REVIEW_RATINGS: Record<Verdict, number | null> = {
  accurate: 5,
  mostly_accurate: 4,
  disputed: 3,
  misleading: 2,
  inaccurate: 1,
  unverified: null
};

export function claimReviews(records: LiveRecords, authorName: string): Record<string, unknown> {
  const articles = new Map(records.article.map((article) => [article.id, article]));
  const graph = records.claim.map((claim) => {
    const article = claim.articleId ? articles.get(claim.articleId) : undefined;
    const rating: Record<string, unknown> = {
      '@type': 'Rating',
      alternateName: VERDICT_LABELS[claim.verdict],
      bestRating: 5,
      worstRating: 1
    };
    const value = CLAIM_REVIEW_RATINGS[claim.verdict];
    if (value !== null) rating.ratingValue = value;
    const itemReviewed: Record<string, unknown> = { '@type': 'Claim', text: claim.statement };
    if (article) {
      const appearance: Record<string, unknown> = { '@type': 'NewsArticle', headline: article.title };
      if (article.url) appearance.url = article.url;
      if (article.publisher) appearance.publisher = { '@type': 'Organization', name: article.publisher };
      if (article.author) appearance.author = { '@type': 'Person', name: article.author };
      if (article.publishedAt) appearance.datePublished = article.publishedAt;
      itemReviewed.appearance = [appearance];
    }
    const review: Record<string, unknown> = {
      '@type': 'ClaimReview',
      '@id': urnFor(claim.id),
      url: urnFor(claim.id),
      claimReviewed: claim.statement,
      datePublished: claim.updatedAt.slice(0, 10),
      author: { '@type': 'Organization', name: authorName },
      reviewRating: rating,
      itemReviewed
    };
    if (claim.rationale.trim()) review.reviewBody = claim.rationale;
    return review;
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}

// ——— articles: CSL-JSON ———

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

const ORGANISATION_WORDS = /\b(staff|desk|team|agency|association|institute|office|survey|ministry|department|reuters|press|news|inc|ltd|llc|gmbh|bureau|board|council|committee|university)\b/i;

/** "M. Lindqvist", "Lindqvist, M.", "Ada Lovelace and Charles Babbage", "Reuters Staff". */
export function parseAuthors(author: string): CslName[] {
  return author
    .split(/\s*;\s*|\s+(?:and|&)\s+/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((name): CslName => {
      if (ORGANISATION_WORDS.test(name)) return { literal: name };
      const comma = /^([^,]+),\s*(.+)$/.exec(name);
      if (comma) return { family: comma[1].trim(), given: comma[2].trim() };
      const words = name.split(/\s+/);
      if (words.length < 2) return { literal: name };
      // Particles (van, de, von…) belong to the family name.
      let split = words.length - 1;
      while (split > 1 && /^(van|von|de|da|del|der|di|du|la|le|st\.?|ten|ter)$/i.test(words[split - 1])) split -= 1;
      return { given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') };
    });
}

function dateParts(value: string): { 'date-parts': number[][] } | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return undefined;
  return { 'date-parts': [[match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number)] };
}

export function cslItems(records: LiveRecords): Record<string, unknown>[] {
  return records.article.map((article) => {
    const item: Record<string, unknown> = {
      id: article.id,
      // A publisher makes it a news article; a bare URL a web page.
      type: article.publisher || !article.url ? 'article-newspaper' : 'webpage',
      title: article.title
    };
    if (article.author) item.author = parseAuthors(article.author);
    if (article.publisher) item['container-title'] = article.publisher;
    if (article.url) item.URL = article.url;
    const issued = article.publishedAt ? dateParts(article.publishedAt) : undefined;
    if (issued) item.issued = issued;
    item.accessed = dateParts(article.addedAt);
    return item;
  });
}

// ——— the contract call ———

export function exportInterchange(library: Library, format: ExchangeFormat, projectId: string | null | undefined): ExchangeExport {
  const records = liveRecords(library, projectId);
  const title = projectId ? projectName(library, projectId) : 'Assay library';
  const now = library.now();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  switch (format) {
    case 'csv':
      return { format, count: records.figure.length, files: [{ path: 'figures.csv', mediaType: 'text/csv', content: figuresCsv(records) }] };
    case 'datapackage': {
      const { descriptor, csv } = figuresDataPackage(records, title, now);
      return {
        format,
        count: records.figure.length,
        files: [
          { path: 'datapackage.json', mediaType: 'application/json', content: json(descriptor) },
          { path: 'figures.csv', mediaType: 'text/csv', content: csv }
        ]
      };
    }
    case 'w3c':
      return {
        format,
        count: records.highlight.length,
        files: [
          {
            path: 'annotations.jsonld',
            mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
            content: json(webAnnotations(records, `Highlights: ${title}`, urnFor(projectId ?? '00000000-0000-4000-8000-000000000000')))
          }
        ]
      };
    case 'claimreview':
      return {
        format,
        count: records.claim.length,
        files: [{ path: 'claim-reviews.jsonld', mediaType: 'application/ld+json', content: json(claimReviews(records, getSetting(library, 'exporterName') ?? 'Assay')) }]
      };
    case 'csl-json':
      return { format, count: records.article.length, files: [{ path: 'articles.csl.json', mediaType: 'application/vnd.citationstyles.csl+json', content: json(cslItems(records)) }] };
  }
}
