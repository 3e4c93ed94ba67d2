// Interchange exports, checked against the required structure of each published specification
// (the schemas cannot be fetched offline, so their required parts are written out here):
// Frictionless Tabular Data Package v1 + Table Schema, W3C Web Annotation Data Model, schema.org
// ClaimReview (with Google's required properties), CSL-JSON (citation-style-language/schema,
// csl-data.json).
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporaryLibrary, type TemporaryLibrary } from '../testing/temporary-library';
import { seedProject, type SeededProject } from '../projects/project-fixtures';
import { parseAuthors } from './interchange';

let t: TemporaryLibrary;
let seeded: SeededProject;
let emojiArticle: string;

beforeAll(() => {
  t = createTemporaryLibrary();
  seeded = seedProject(t.dispatcher);
  // Outside the project, with characters beyond the Basic Multilingual Plane before the highlight.
  emojiArticle = t.dispatcher.call('articles.create', {
    content: '🧲🧲 Magnet prices rose 12% in March.',
    format: 'text',
    title: 'Magnet prices',
    url: 'https://example.org/prices',
    author: 'Reuters Staff; Ada van der Berg and Lindqvist, M.'
  }).id;
  t.dispatcher.call('highlights.create', { articleId: emojiArticle, exact: 'Magnet prices rose 12%' });
});
afterAll(() => t.dispose());

const exportOf = (format: 'csv' | 'datapackage' | 'w3c' | 'claimreview' | 'csl-json', projectId: string | null = seeded.projectId) =>
  t.dispatcher.call('exchange.export', { format, projectId });

// ——— Frictionless Data: Table Schema field types and descriptor rules (specs v1) ———
const TABLE_SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];
const FRICTIONLESS_NAME = /^[a-z0-9._-]+$/;
function castable(type: string, value: string): boolean {
  if (value === '') return true; // missingValues [""]
  switch (type) {
    case 'number':
      return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
    default:
      return true;
  }
}

describe('figures as CSV and as a Frictionless Data Package', () => {
  it('writes one row per figure with unit, period and source columns, readable back', () => {
    const { files, count } = exportOf('csv');
    expect(count).toBe(3);
    const parsed = Papa.parse<Record<string, string>>(files[0].content, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['metric', 'entity', 'value', 'unit', 'period', 'periodStart', 'sourceKind', 'sourceQuote', 'citationTitle']));
    const china = parsed.data.find((row) => row.entity === 'China')!;
    expect(china).toMatchObject({ value: '270000', unit: 't', period: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', sourceKind: 'highlight', sourceQuote: 'Chinese mines produced an estimated 270,000 tons', qualifier: 'approximately' });
    expect(parsed.data.find((row) => row.entity === 'United States')).toMatchObject({ sourceKind: 'citation', citationTitle: 'Mineral Commodity Summaries', citationPage: '145' });
  });

  it('describes the CSV in a valid Tabular Data Package', () => {
    const { files } = exportOf('datapackage');
    expect(files.map((file) => file.path)).toEqual(['datapackage.json', 'figures.csv']);
    const descriptor = JSON.parse(files[0].content);
    // Data Package: resources (required, non-empty); name pattern; profile.
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.name).toMatch(FRICTIONLESS_NAME);
    expect(Array.isArray(descriptor.resources) && descriptor.resources.length > 0).toBe(true);
    for (const resource of descriptor.resources) {
      // Data Resource: name (pattern), and path or data; a tabular resource has a schema.
      expect(resource.name).toMatch(FRICTIONLESS_NAME);
      expect(typeof resource.path === 'string' || resource.data !== undefined).toBe(true);
      expect(resource.path).not.toMatch(/^\/|\.\./);
      expect(resource.profile).toBe('tabular-data-resource');
      const { fields, primaryKey } = resource.schema;
      expect(Array.isArray(fields) && fields.length > 0).toBe(true);
      for (const field of fields) {
        expect(typeof field.name).toBe('string');
        expect(TABLE_SCHEMA_TYPES).toContain(field.type);
      }
      const names = fields.map((field: { name: string }) => field.name);
      expect(new Set(names).size).toBe(names.length);
      for (const key of primaryKey) expect(names).toContain(key);
      expect(names).toEqual(expect.arrayContaining(['unit', 'period', 'periodStart', 'periodEnd', 'sourceKind', 'sourceQuote', 'citationTitle']));
      // The data fit the schema: same header, every value castable to its field's type.
      const csv = files.find((file) => file.path === resource.path)!.content;
      const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
      expect(parsed.data[0]).toEqual(names);
      for (const row of parsed.data.slice(1)) {
        row.forEach((value, index) => expect(castable(fields[index].type, value), `${names[index]} = ${value}`).toBe(true));
      }
      expect(parsed.data.length - 1).toBe(3);
    }
  });
});

describe('highlights as W3C Web Annotation JSON-LD', () => {
  it('writes an AnnotationCollection whose annotations have quote and position selectors, notes and verdicts', () => {
    const { files, count } = exportOf('w3c', null);
    expect(count).toBe(5);
    const collection = JSON.parse(files[0].content);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(5);
    expect(collection.first.type).toBe('AnnotationPage');
    const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
    for (const annotation of collection.first.items) {
      // Required: id (an IRI), type Annotation, target.
      expect(annotation.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(annotation.type).toBe('Annotation');
      expect(MOTIVATIONS).toContain(annotation.motivation);
      expect(typeof annotation.target.source).toBe('string');
      const [quote, position] = annotation.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(typeof quote.exact).toBe('string');
      expect(position.type).toBe('TextPositionSelector');
      expect(Number.isInteger(position.start) && Number.isInteger(position.end) && position.start >= 0 && position.end >= position.start).toBe(true);
      for (const body of annotation.body ?? []) {
        expect(body.type).toBe('TextualBody');
        expect(typeof body.value).toBe('string');
        expect(MOTIVATIONS).toContain(body.purpose);
      }
    }
    const noted = collection.first.items.find((annotation: { body?: { purpose: string }[] }) => annotation.body?.some((body) => body.purpose === 'commenting'));
    expect(noted.body).toContainEqual({ type: 'TextualBody', value: 'Check USGS', format: 'text/plain', purpose: 'commenting' });
    const assessed = collection.first.items.find((annotation: { target: { selector: { exact?: string }[] } }) =>
      annotation.target.selector[0].exact === 'China mined nearly 70% of the total'
    );
    expect(assessed.body).toContainEqual(expect.objectContaining({ purpose: 'assessing', value: 'Accurate', id: `urn:uuid:${seeded.claimIds[0]}` }));
    // Positions count characters (code points), not UTF-16 units: two magnets and a space come first.
    const prices = collection.first.items.find((annotation: { target: { source: string } }) => annotation.target.source === 'https://example.org/prices');
    expect(prices.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 25 });
  });
});

describe('claims as schema.org ClaimReview JSON-LD', () => {
  it('writes a ClaimReview per claim with the verdict as the rating’s alternateName on a 1–5 scale', () => {
    const { files } = exportOf('claimreview');
    const document = JSON.parse(files[0].content);
    expect(document['@context']).toBe('https://schema.org');
    expect(document['@graph']).toHaveLength(2);
    for (const review of document['@graph']) {
      // Required by schema.org/Google for ClaimReview: claimReviewed, reviewRating (alternateName), url, author.
      expect(review['@type']).toBe('ClaimReview');
      expect(typeof review.claimReviewed).toBe('string');
      expect(typeof review.url).toBe('string');
      expect(review.author).toMatchObject({ '@type': expect.any(String), name: expect.any(String) });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(typeof review.reviewRating.alternateName).toBe('string');
      const { ratingValue, bestRating, worstRating } = review.reviewRating;
      if (ratingValue !== undefined) expect(ratingValue >= worstRating && ratingValue <= bestRating).toBe(true);
      expect(review.itemReviewed['@type']).toBe('Claim');
    }
    const share = document['@graph'].find((review: { '@id': string }) => review['@id'] === `urn:uuid:${seeded.claimIds[0]}`);
    expect(share.reviewRating).toMatchObject({ alternateName: 'Accurate', ratingValue: 5 });
    expect(share.itemReviewed.appearance[0]).toMatchObject({ '@type': 'NewsArticle', url: 'https://example.org/magnets', headline: 'Rare earths and magnets' });
    const unverified = document['@graph'].find((review: { '@id': string }) => review['@id'] === `urn:uuid:${seeded.claimIds[1]}`);
    expect(unverified.reviewRating).not.toHaveProperty('ratingValue');
    expect(unverified.reviewRating.alternateName).toBe('Unverified');
  });
});

// ——— CSL-JSON (csl-data.json): the item types and the shape of names and dates ———
const CSL_TYPES = ['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage'];
const CSL_NAME_KEYS = ['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'comma-suffix', 'static-ordering', 'literal', 'parse-names'];

function checkCslItem(item: Record<string, unknown>): void {
  expect(typeof item.id === 'string' || typeof item.id === 'number').toBe(true);
  expect(CSL_TYPES).toContain(item.type);
  for (const key of ['author', 'editor']) {
    for (const name of (item[key] as Record<string, unknown>[] | undefined) ?? []) {
      for (const field of Object.keys(name)) expect(CSL_NAME_KEYS).toContain(field);
    }
  }
  for (const key of ['issued', 'accessed']) {
    const date = item[key] as { 'date-parts': unknown[][] } | undefined;
    if (!date) continue;
    expect(date['date-parts'].length).toBeGreaterThan(0);
    for (const parts of date['date-parts']) {
      expect(parts.length >= 1 && parts.length <= 3 && parts.every((part) => Number.isInteger(part))).toBe(true);
    }
  }
  for (const key of ['title', 'container-title', 'URL']) if (key in item) expect(typeof item[key]).toBe('string');
}

describe('article metadata as CSL-JSON', () => {
  it('writes valid items with names split into family and given where possible', () => {
    const items = JSON.parse(exportOf('csl-json', null).files[0].content) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    items.forEach(checkCslItem);
    const magnets = items.find((item) => item.id === seeded.articleIds[0])!;
    expect(magnets).toMatchObject({
      type: 'article-newspaper',
      title: 'Rare earths and magnets',
      author: [{ given: 'M.', family: 'Lindqvist' }],
      'container-title': 'Assay Desk',
      URL: 'https://example.org/magnets',
      issued: { 'date-parts': [[2025, 3, 14]] }
    });
    expect((magnets.accessed as { 'date-parts': number[][] })['date-parts'][0]).toHaveLength(3);
    expect(items.find((item) => item.id === emojiArticle)).toMatchObject({ type: 'webpage' });
  });

  it('parses author strings', () => {
    expect(parseAuthors('Reuters Staff; Ada van der Berg and Lindqvist, M.')).toEqual([
      { literal: 'Reuters Staff' },
      { given: 'Ada', family: 'van der Berg' },
      { family: 'Lindqvist', given: 'M.' }
    ]);
    expect(parseAuthors('Xinhua')).toEqual([{ literal: 'Xinhua' }]);
  });
});
