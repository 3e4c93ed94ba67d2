// A saved web page: the article body without the page's clutter (navigation, ads, comments, share
// bars), found by Mozilla's Readability, and the citation fields the page declares about itself.
//
// The page is parsed with linkedom, a DOM that only builds a tree: it runs no script, loads no
// style sheet, image or frame, and has no network access, so a hostile page is inert here. What
// Readability keeps is then sanitised like any other HTML (article-document.ts).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface SourceMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedAt: string | null;
}

export interface WebPage {
  /** The article's HTML, not yet sanitised. */
  html: string;
  metadata: SourceMetadata;
  /** False when Readability found no article and the whole page was kept. */
  extracted: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function clean(value: string | null | undefined, max = 300): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!trimmed) return null;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** An ISO-like date as YYYY-MM-DD (or YYYY-MM, YYYY), the date as the source wrote it. */
export function normalizeDate(value: string | null | undefined): string | null {
  const text = clean(value, 100);
  if (!text) return null;
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])/.exec(text);
  let parts: [string, string | undefined, string | undefined] | null = iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts && /\b\d{4}\b/.test(text)) {
    const parsed = new Date(`${text} 12:00 UTC`);
    if (!Number.isNaN(parsed.getTime())) {
      const date = parsed.toISOString().slice(0, 10).split('-');
      parts = [date[0], date[1], date[2]];
    }
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  if (Number(year) < 1000) return null;
  if (!month) return year;
  const mm = month.padStart(2, '0');
  if (Number(mm) < 1 || Number(mm) > 12) return year;
  if (!day) return `${year}-${mm}`;
  const dd = day.padStart(2, '0');
  if (Number(dd) < 1 || Number(dd) > 31) return `${year}-${mm}`;
  return `${year}-${mm}-${dd}`;
}

function absoluteHttpUrl(value: string | null | undefined): string | null {
  const text = clean(value, 2000);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value) || /^www\./i.test(value);
}

/** "By Jane Roe and John Doe" → "Jane Roe and John Doe"; URLs (profile links) are not names. */
function cleanByline(value: string | null | undefined): string | null {
  const text = clean(value)?.replace(/^(by|von|par|por)\s+/i, '') ?? null;
  if (!text || looksLikeUrl(text)) return null;
  return text;
}

function names(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const list = value.map(names).filter((name): name is string => !!name);
    return list.length ? list.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof value.name === 'string') return value.name;
  return null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|CreativeWork/;

/** The first schema.org Article-like object of the page's JSON-LD, if any. */
function jsonLdArticle(document: Document): Record<string, Json> | null {
  const candidates: Record<string, Json>[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      candidates.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  const typeOf = (candidate: Record<string, Json>) => [candidate['@type']].flat().filter((type) => typeof type === 'string').join(' ');
  return (
    candidates.find((candidate) => /NewsArticle|Article|BlogPosting|Report/.test(typeOf(candidate))) ??
    candidates.find((candidate) => ARTICLE_TYPES.test(typeOf(candidate))) ??
    null
  );
}

function readMetadata(document: Document): SourceMetadata {
  const meta = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').toLowerCase();
    const content = element.getAttribute('content');
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLdArticle(document);
  const ldString = (key: string) => (ld && typeof ld[key] === 'string' ? (ld[key] as string) : null);
  const ldPublisher = ld ? names(ld.publisher) : null;
  const ldUrl = ld ? (ldString('url') ?? names(ld.mainEntityOfPage as Json) ?? null) : null;
  const metaAuthor = [meta.get('author'), meta.get('article:author'), meta.get('dc.creator'), meta.get('citation_author')]
    .map(cleanByline)
    .find(Boolean);
  const timeElement = document.querySelector('article time[datetime], time[datetime]');

  return {
    title: clean(meta.get('og:title') ?? ldString('headline') ?? meta.get('twitter:title') ?? meta.get('citation_title'), 500),
    author: metaAuthor ?? cleanByline(ld ? names(ld.author) : null),
    publisher: clean(meta.get('og:site_name') ?? ldPublisher ?? meta.get('citation_journal_title') ?? null),
    url:
      absoluteHttpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      absoluteHttpUrl(meta.get('og:url')) ??
      absoluteHttpUrl(ldUrl),
    publishedAt: normalizeDate(
      meta.get('article:published_time') ??
        ldString('datePublished') ??
        meta.get('citation_publication_date') ??
        meta.get('dc.date') ??
        meta.get('date') ??
        timeElement?.getAttribute('datetime') ??
        null
    )
  };
}

const normaliseText = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

// Elements whose content an HTML parser reads as raw text (or drops, CDATA), so their text may
// differ between the article's DOM and the same article parsed again from its HTML.
const RAW_TEXT_ELEMENT = /<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template)\b|<!\[CDATA\[/i;

/**
 * Whether a block reading "Jane Roe" or "By Jane Roe" can be in the article at all: its text is a
 * stretch of the article's text, so its normalised form is inside the normalised article text.
 * Lower-casing depends on context only for the final sigma, which is folded. Only the raw text
 * elements above can make the text of the reparsed HTML differ from the DOM's, so they skip the test.
 */
function mayHoldByline(html: string, articleText: string, author: string): boolean {
  if (RAW_TEXT_ELEMENT.test(html)) return true;
  const foldSigma = (text: string) => text.replace(/ς/g, 'σ');
  return foldSigma(articleText.replace(/\s+/g, ' ').toLowerCase()).includes(foldSigma(normaliseText(author)));
}

/**
 * Removes a leading "By Jane Roe" paragraph: the byline is a citation field, not article text.
 * `articleText` is the text of the DOM `html` was serialised from (Readability's textContent).
 */
export function dropBylineParagraph(html: string, articleText: string, author: string | null): string {
  if (!author) return html;
  // Parsing the article again and reading every block's text is most of this function's cost;
  // most articles (Readability removes the bylines it recognises) cannot hold one.
  if (!mayHoldByline(html, articleText, author)) return html;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const forms = [normaliseText(author), `by ${normaliseText(author)}`];
  // Among the first few short blocks at the top of the article.
  const top = [...document.querySelectorAll('p, div, span, address')]
    .filter((element) => {
      const text = normaliseText(element.textContent);
      return text !== '' && text.length < 200;
    })
    .slice(0, 5);
  const byline = top.find((element) => forms.includes(normaliseText(element.textContent)));
  if (!byline) return html;
  byline.remove();
  return document.body.innerHTML;
}

// Containers that pages give to advertising and share buttons. Readability recognises comments,
// related links, footers and social widgets itself; these it can mistake for article content.
const CLUTTER = /(^|[\s_-])(ads?|adslot|advert|advertisement|advertising|sponsored|promo|dfp|share|sharing|share-?bar|newsletter-signup)([\s_-]|$)/i;

function dropClutter(document: Document): void {
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (CLUTTER.test(names) && element.tagName !== 'BODY' && element.tagName !== 'HTML' && element.tagName !== 'ARTICLE' && element.tagName !== 'MAIN') {
      element.remove();
    }
  }
}

export function readWebPage(source: string): WebPage {
  const { document } = parseHTML(source);
  const metadata = readMetadata(document as unknown as Document);
  dropClutter(document as unknown as Document);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    // A page Readability cannot walk is kept whole (and sanitised) instead.
  }
  metadata.title ??= clean(article?.title, 500);
  metadata.author ??= cleanByline(article?.byline);
  metadata.publisher ??= clean(article?.siteName);
  metadata.publishedAt ??= normalizeDate(article?.publishedTime);

  if (!article?.content || !article.textContent?.trim()) {
    return { html: source, metadata, extracted: false };
  }
  return { html: dropBylineParagraph(article.content, article.textContent, metadata.author), metadata, extracted: true };
}
