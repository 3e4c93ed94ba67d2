// The print document: one self-contained HTML string for an article or a dossier (a project, the
// chosen articles, or the whole library). CSS and fonts are inline, charts are inline SVG, and a
// content security policy forbids loading anything, so what Chromium prints never depends on the
// network or on the machine's fonts.
//
// Layout: each block of the article is a grid row, the text on the left and the notes of the
// highlights that begin in it in a margin column on the right, so a note stays beside its passage
// on whatever page the passage lands. Claims follow their passage with their verdict, rationale and
// linked figures. Every highlight is a link to https://assay.invalid/highlight/<id> (see
// render-article.ts); print-pdf.ts turns them into PDF highlight annotations.
//
// Page numbers of passages (figure appendix) and of articles (contents) are not known until the
// document is printed: they are left as empty <span class="pg" data-anchor="…"> placeholders and
// filled in by a second pass (fillPageNumbers) from where the first pass put the anchors.
import { createHash } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import { VERDICT_LABELS, VERDICTS, type Figure, type Verdict } from '../../shared/evidence';
import { PRINT_LINK_ORIGIN, type PrintAnnotation, type PrintJob, type PrintOptions } from '../../shared/print';
import { pageCitation } from '../../shared/page-map';
import type { Library } from '../db/library';
import { renderChartSvg } from '../charts/render-svg';
import { fontFaceCss } from './print-fonts';
import {
  escapeHtml,
  figureLabel,
  formatCitation,
  formatDate,
  formatQuantity,
  formatTimestamp,
  multilineHtml,
  shortText,
  slug
} from './print-format';
import { gatherPrintModel, type PrintedArticle, type PrintedClaim, type PrintedHighlight, type PrintModel, type PrintScope } from './print-model';
import { READY_FLAG, READY_PROMISE } from './print-page';
import { HIGHLIGHT_PALETTE, printStylesheet } from './print-styles';
import { highlightHref, markerHtml, renderArticleBody, type PlacedHighlight } from './render-article';

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { paper: 'a4', notes: true, verdicts: null, greyscale: false };

export interface PrintRequest extends PrintScope {
  options?: Partial<PrintOptions>;
}

export function anchorHref(key: string): string {
  return `${PRINT_LINK_ORIGIN}/anchor/${key}`;
}

function pageRef(key: string): string {
  return `<span class="pg" data-anchor="${escapeHtml(key)}"></span>`;
}

const PAGE_REF = /<span class="pg" data-anchor="([^"]*)"><\/span>/g;

/** Whether the document has page numbers to fill in after a first printing. */
export function hasPageRefs(html: string): boolean {
  return /<span class="pg" data-anchor="[^"]*"><\/span>/.test(html);
}

/** Fills the page-number placeholders from where the anchors were printed ("—" when not found). */
export function fillPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(PAGE_REF, (_match, key: string) => {
    const page = pages.get(key.replace(/&amp;/g, '&'));
    return `<span class="pg" data-anchor="${key}">${page ?? '—'}</span>`;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/**
 * The document's headings, as the PDF outline should name them: `key` is the text as laid out
 * (markers included), `title` the heading without its highlight markers.
 */
export function headingsOf(html: string): { key: string; title: string }[] {
  const text = (fragment: string) =>
    fragment
      .replace(/<[^>]+>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_match, name: string) => ENTITIES[name])
      .replace(/\s+/g, ' ')
      .trim();
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    key: text(match[2]),
    title: text(match[2].replace(/<span class="mk [^"]*">\d+<\/span>/g, ''))
  }));
}

// The document announces that it may be printed: after its fonts are loaded, its pictures decoded
// and a frame laid out. Hosts wait for this instead of a timer.
const READY_SCRIPT =
  `(function(){var w=window;var start=function(){var fonts=document.fonts;` +
  `var loads=fonts?Array.from(fonts,function(f){return f.load().catch(function(){});}):[];` +
  `var images=Array.from(document.images,function(i){return i.decode?i.decode().catch(function(){}):null;});` +
  `return Promise.all(loads.concat(images)).then(function(){return fonts?fonts.ready:null;})` +
  `.then(function(){return new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(function(){r(true);});});});})` +
  `.then(function(){w.${READY_FLAG}=true;return true;});};` +
  `w.${READY_PROMISE}=new Promise(function(resolve){if(document.readyState==='complete')resolve();else w.addEventListener('load',function(){resolve();});}).then(start);})();`;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  `script-src 'sha256-${createHash('sha256').update(READY_SCRIPT).digest('base64')}'`
].join('; ');

function verdictBadge(verdict: Verdict): string {
  return `<span class="badge v-${verdict}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}

function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** Reference numbers for figures ("F3"), shared by the claims and the appendix. */
class FigureRefs {
  private readonly refs = new Map<string, string>();
  constructor(figures: readonly Figure[]) {
    figures.forEach((figure, index) => this.refs.set(figure.id, `F${index + 1}`));
  }
  of(figure: Figure): string {
    return this.refs.get(figure.id) ?? '';
  }
}

interface RenderContext {
  model: PrintModel;
  refs: FigureRefs;
  /** highlight id → its number and article, for figure sources. */
  printedHighlights: Map<string, { number: number; articleId: string; color: PrintedHighlight['color'] }>;
}

function figureSourceHtml(figure: Figure, context: RenderContext, articleId: string | null): string {
  const source = figure.source;
  switch (source.kind) {
    case 'highlight': {
      const printed = context.printedHighlights.get(source.highlightId);
      const where =
        printed && printed.articleId === articleId
          ? `passage ${markerHtml(printed)}`
          : escapeHtml(source.articleTitle || 'an article');
      return `“${escapeHtml(shortText(source.quote, 90))}” — ${where}`;
    }
    case 'citation':
      return escapeHtml(formatCitation(source)) || 'a cited source';
    case 'none':
      return 'no source recorded';
  }
}

function figureItem(figure: Figure, context: RenderContext, articleId: string | null, relation?: string): string {
  const ref = context.refs.of(figure);
  const meta = [relation ? escapeHtml(relation) : null, `source: ${figureSourceHtml(figure, context, articleId)}`].filter(Boolean).join(' · ');
  const basis = figure.basis ? ` <span class="fig-meta">(${escapeHtml(shortText(figure.basis, 120))})</span>` : '';
  return (
    `<li><span class="fig-ref">${escapeHtml(ref)}</span><div><span class="fig-value">${escapeHtml(formatQuantity(figure))}</span>` +
    ` — ${escapeHtml(figureLabel(figure))}${basis}<br><span class="fig-meta">${meta}</span></div></li>`
  );
}

function claimHtml(printed: PrintedClaim, context: RenderContext, articleId: string): string {
  const { claim } = printed;
  const from = printed.highlights.length
    ? `<span class="from">claim on ${printed.highlights.map((highlight) => markerHtml(highlight)).join(' ')}</span>`
    : '<span class="from">claim about the article</span>';
  const quotes = claim.quotes.map((quote) => quote.quote).join(' … ');
  const statement =
    claim.statement.trim() && claim.statement.trim() !== quotes.trim()
      ? `<p class="statement">${escapeHtml(claim.statement)}</p>`
      : '';
  const rationale = claim.rationale.trim()
    ? `<p><span class="label">Rationale.</span> ${multilineHtml(claim.rationale)}</p>`
    : '<p class="fig-meta">No rationale recorded.</p>';
  const check = claim.check
    ? `<p class="check"><span class="label">Check${claim.check.status === 'consistent' ? ' ✓' : claim.check.status === 'inconsistent' ? ' ✗' : ''}.</span> ${escapeHtml(claim.check.formula)} — ${escapeHtml(claim.check.explanation)}</p>`
    : '';
  const tags = claim.tags.length ? `<p class="fig-meta">Tags: ${escapeHtml(claim.tags.join(', '))}</p>` : '';
  const figures = printed.figures.length
    ? `<ul class="figs">${printed.figures.map(({ link, figure }) => figureItem(figure, context, articleId, link.relation.replace('_', ' '))).join('')}</ul>`
    : '';
  return `<div class="claim v-${claim.verdict}"><div class="claim-head">${verdictBadge(claim.verdict)}${from}</div>${statement}${rationale}${check}${tags}${figures}</div>`;
}

function noteHtml(highlight: PrintedHighlight, options: PrintOptions): string {
  // Without notes the margin stays empty: room for the reviewer's own, by hand.
  if (!options.notes) return '';
  const note = highlight.note.trim() ? multilineHtml(highlight.note) : '';
  const verdicts = [...new Set(highlight.claims.map((claim) => claim.verdict))];
  if (!note && verdicts.length === 0) return '';
  const sample = options.greyscale ? ` <span class="sample">${highlight.color}</span>` : '';
  const badges = verdicts.length ? `<div class="note-verdicts">${verdicts.map(verdictBadge).join(' ')}</div>` : '';
  return (
    `<div class="note c-${highlight.color}">${markerHtml(highlight)}` +
    `<div class="note-body">${note || '<span class="empty">No note.</span>'}${sample}</div>${badges}</div>`
  );
}

function metaRows(rows: [string, string | null][]): string {
  return `<dl class="meta">${rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`)
    .join('')}</dl>`;
}

function verdictCounts(claims: { verdict: Verdict }[]): Map<Verdict, number> {
  const counts = new Map<Verdict, number>();
  for (const verdict of VERDICTS) {
    const count = claims.filter((claim) => claim.verdict === verdict).length;
    if (count) counts.set(verdict, count);
  }
  return counts;
}

function greyscaleLegend(): string {
  const samples = (Object.keys(HIGHLIGHT_PALETTE) as (keyof typeof HIGHLIGHT_PALETTE)[])
    .map((color) => `<span class="u u-${color}">${color} (${HIGHLIGHT_PALETTE[color].underline})</span>`)
    .join(' ');
  return `<div class="legend">Highlight colours are also told apart by their underline: ${samples}</div>`;
}

function articleHeader(entry: PrintedArticle, model: PrintModel): string {
  const { article } = entry;
  const url = article.url ? `<a class="ext" href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a>` : null;
  const origin = article.origin.fileName ? ` from ${escapeHtml(article.origin.fileName)}` : '';
  const pages = article.origin.pages?.length ? ` (${plural(article.origin.pages[article.origin.pages.length - 1].page, 'page')})` : '';
  const meta = metaRows([
    ['Author', article.author ? escapeHtml(article.author) : null],
    ['Publisher', article.publisher ? escapeHtml(article.publisher) : null],
    ['Published', article.publishedAt ? escapeHtml(formatDate(article.publishedAt)) : null],
    ['URL', url],
    ['Accessed', `${escapeHtml(formatTimestamp(article.origin.importedAt))} (imported${origin}${pages})`],
    [entry.projects.length > 1 ? 'Projects' : 'Project', entry.projects.length ? escapeHtml(entry.projects.join(', ')) : null],
    ['Tags', article.tags.length ? escapeHtml(article.tags.join(', ')) : null],
    ['Exported', escapeHtml(formatTimestamp(model.exportedAt))]
  ]);
  const notes = entry.highlights.filter((highlight) => highlight.note.trim()).length;
  const figureCount = new Set([...entry.figuresBySource.values()].flat().map((figure) => figure.id)).size;
  const counts = verdictCounts(entry.claims.map((printed) => printed.claim));
  const summaryParts = [
    plural(entry.highlights.length, 'highlight'),
    model.options.notes ? plural(notes, 'note') : 'notes left out',
    plural(entry.claims.length, 'claim'),
    plural(figureCount, 'figure')
  ];
  const badges = [...counts.entries()].map(([verdict, count]) => `${verdictBadge(verdict)}&nbsp;${count}`).join(' ');
  const filter = model.options.verdicts
    ? `<div class="legend">Only claims judged ${escapeHtml(model.options.verdicts.map((verdict) => VERDICT_LABELS[verdict]).join(', '))} are printed, with their highlights.</div>`
    : '';
  const kicker = model.kind === 'dossier' ? escapeHtml(model.title) : 'Annotated article';
  return (
    `<header class="article-head"><div class="kicker">${kicker}</div>` +
    `<h1><a href="${anchorHref(`article/${encodeURIComponent(article.id)}`)}">${escapeHtml(article.title)}</a></h1>${meta}` +
    `<div class="summary">${summaryParts.join(' · ')}${badges ? ` · ${badges}` : ''}</div>${filter}` +
    `${model.options.greyscale ? greyscaleLegend() : ''}</header>`
  );
}

function articleHtml(entry: PrintedArticle, context: RenderContext): string {
  const { model } = context;
  const { options } = model;
  const placed = entry.highlights.filter((highlight) => highlight.anchorState !== 'orphaned');
  const rendered = renderArticleBody(
    entry.article.doc,
    placed.map((highlight): PlacedHighlight => ({
      id: highlight.id,
      number: highlight.number,
      color: highlight.color,
      start: highlight.position.start,
      end: highlight.position.end
    })),
    { headingOffset: 1, underlineLayers: options.greyscale, title: entry.article.title }
  );
  const byId = new Map(entry.highlights.map((highlight) => [highlight.id, highlight]));
  // A claim follows the passage of its first printed highlight; its figures go with it.
  const claimsByAnchor = new Map<string, PrintedClaim[]>();
  const unanchored: PrintedClaim[] = [];
  for (const printed of entry.claims) {
    const anchor = printed.highlights.find((highlight) => highlight.anchorState !== 'orphaned');
    if (anchor) claimsByAnchor.set(anchor.id, [...(claimsByAnchor.get(anchor.id) ?? []), printed]);
    else unanchored.push(printed);
  }
  const shownUnderClaims = new Set<string>();
  const rows = rendered.blocks.map((block) => {
    const started = block.startedHere.map((id) => byId.get(id)).filter((highlight): highlight is PrintedHighlight => Boolean(highlight));
    const claims = started.flatMap((highlight) => claimsByAnchor.get(highlight.id) ?? []);
    for (const printed of claims) printed.figures.forEach(({ figure }) => shownUnderClaims.add(figure.id));
    const loose = started.flatMap((highlight) => (entry.figuresBySource.get(highlight.id) ?? []).filter((figure) => !shownUnderClaims.has(figure.id)));
    const looseHtml = loose.length
      ? `<div class="loose-figs"><span class="label">Figures from this passage</span><ul class="figs">${loose.map((figure) => figureItem(figure, context, entry.article.id)).join('')}</ul></div>`
      : '';
    const notes = started.map((highlight) => noteHtml(highlight, options)).join('');
    const side = `<aside class="side">${notes}</aside>`;
    return `<div class="row${block.isHeading ? ' heading' : ''}"><div class="main">${block.html}${claims.map((printed) => claimHtml(printed, context, entry.article.id)).join('')}${looseHtml}</div>${side}</div>`;
  });
  const orphans = entry.highlights.filter((highlight) => highlight.anchorState === 'orphaned');
  const orphanClaims = unanchored.filter((printed) => printed.highlights.length > 0);
  const orphanHtml = orphans.length
    ? `<section class="orphans"><h2 class="section-title">Highlights no longer found in the text</h2>${orphans
        .map(
          (highlight) =>
            `<div class="orphan">${markerHtml(highlight)} <a class="hl c-${highlight.color} quote" href="${highlightHref([highlight.id])}">“${escapeHtml(highlight.quote.exact)}”</a>` +
            `${options.notes && highlight.note.trim() ? `<div>${multilineHtml(highlight.note)}</div>` : ''}</div>`
        )
        .join('')}${orphanClaims.map((printed) => claimHtml(printed, context, entry.article.id)).join('')}</section>`
    : '';
  const wholeClaims = unanchored.filter((printed) => printed.highlights.length === 0);
  const wholeHtml = wholeClaims.length
    ? `<section><h2 class="section-title">Claims about the article as a whole</h2>${wholeClaims.map((printed) => claimHtml(printed, context, entry.article.id)).join('')}</section>`
    : '';
  return `<section class="article" id="art-${escapeHtml(entry.article.id)}">${articleHeader(entry, model)}<div class="body">${rows.join('')}</div>${wholeHtml}${orphanHtml}</section>`;
}

function appendixHtml(context: RenderContext): string {
  const { model, refs } = context;
  if (model.figures.length === 0) return '';
  const articles = new Map(model.articles.map((entry) => [entry.article.id, entry.article]));
  const rows = model.figures.map((figure) => {
    const source = figure.source;
    let quote = '<span class="fig-meta">no source recorded</span>';
    let article = '—';
    let page = '—';
    if (source.kind === 'highlight') {
      const printed = context.printedHighlights.get(source.highlightId);
      quote = `<span class="quote">“${escapeHtml(shortText(source.quote, 220))}”</span>`;
      article = `${escapeHtml(source.articleTitle || 'Untitled article')}${printed ? ` ${markerHtml(printed)}` : ''}`;
      const sourceArticle = articles.get(source.articleId);
      const highlight = sourceArticle?.highlights.find((candidate) => candidate.id === source.highlightId);
      const original = highlight ? pageCitation(sourceArticle?.origin.pages, highlight.position.start, highlight.position.end) : null;
      const printedPage = printed ? `p. ${pageRef(`highlight/${source.highlightId}`)}` : 'not printed';
      page = `${printedPage}${original ? `<br><span class="fig-meta">source ${escapeHtml(original)}</span>` : ''}`;
    } else if (source.kind === 'citation') {
      quote = `<span class="fig-meta">Cited:</span> ${escapeHtml(formatCitation(source)) || '—'}`;
      article = source.url ? `<a class="ext" href="${escapeHtml(source.url)}">${escapeHtml(shortText(source.url, 60))}</a>` : '—';
      page = source.page ? `source p. ${escapeHtml(source.page.replace(/^p+\.\s*/i, ''))}` : '—';
    }
    const notes = figure.notes ? `<br><span class="fig-meta">${escapeHtml(shortText(figure.notes, 160))}</span>` : '';
    return (
      `<tr><td class="fig-ref">${escapeHtml(refs.of(figure))}</td><td>${escapeHtml(figureLabel(figure))}${figure.competing ? ' <span class="fig-meta">(competing values)</span>' : ''}${notes}</td>` +
      `<td class="num">${escapeHtml(formatQuantity(figure))}</td><td>${quote}</td><td>${article}</td><td>${page}</td></tr>`
    );
  });
  const leftOut = model.figuresLeftOut ? `<p class="appendix-note">${plural(model.figuresLeftOut, 'more figure')} are not listed.</p>` : '';
  return (
    `<section class="appendix"><h1 class="section-title"><a href="${anchorHref('section/figures')}">Figure appendix</a></h1>` +
    `<p class="appendix-note">Every figure in this printout, with the passage or publication it comes from and the page of this printout where that passage is.</p>` +
    `<table class="grid"><colgroup><col style="width:9mm"><col style="width:27%"><col style="width:11%"><col><col style="width:17%"><col style="width:18mm"></colgroup>` +
    `<thead><tr><th>Ref</th><th>Figure</th><th class="num">Value</th><th>Quote or citation</th><th>Article</th><th>Page</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${leftOut}</section>`
  );
}

/** Gives the SVG a viewBox so that CSS can scale it to the column. */
function scalableSvg(svg: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (tag, attributes: string) => {
    if (/\bviewBox=/.test(attributes)) return tag;
    const width = /\bwidth="(\d+(?:\.\d+)?)"/.exec(attributes)?.[1];
    const height = /\bheight="(\d+(?:\.\d+)?)"/.exec(attributes)?.[1];
    return width && height ? `<svg${attributes} viewBox="0 0 ${width} ${height}">` : tag;
  });
}

function chartsHtml(model: PrintModel): string {
  if (model.charts.length === 0) return '';
  const charts = model.charts.map((chart) => {
    if (!chart.data) return `<div class="chart"><h2>${escapeHtml(chart.title)}</h2><p class="appendix-note">This chart has no figures to draw.</p></div>`;
    let svg: string;
    try {
      svg = renderChartSvg(chart.data, { width: 720 });
    } catch (error) {
      // One chart that cannot be drawn does not keep the dossier from printing.
      if (!(error instanceof AssayError)) throw error;
      return `<div class="chart"><h2>${escapeHtml(chart.title)}</h2><p class="appendix-note">${escapeHtml(error.message)}</p></div>`;
    }
    // The chart draws its own title, notes and source line.
    return `<figure class="chart" style="margin:0 0 9mm">${scalableSvg(svg)}</figure>`;
  });
  return `<section class="charts article"><h1 class="section-title"><a href="${anchorHref('section/charts')}">Charts</a></h1>${charts.join('')}</section>`;
}

function coverHtml(model: PrintModel): string {
  const claims = model.articles.flatMap((entry) => entry.claims.map((printed) => printed.claim));
  const counts = verdictCounts(claims);
  const max = Math.max(1, ...counts.values());
  const verdictRows = VERDICTS.filter((verdict) => model.options.verdicts === null || model.options.verdicts.includes(verdict))
    .map((verdict) => {
      const count = counts.get(verdict) ?? 0;
      return `<tr><td>${verdictBadge(verdict)}</td><td class="track"><div class="bar v-${verdict}" style="width:${((count / max) * 100).toFixed(1)}%"></div></td><td class="count">${count}</td></tr>`;
    })
    .join('');
  const stats = [
    [model.articles.length, 'articles'],
    [model.articles.reduce((sum, entry) => sum + entry.highlights.length, 0), 'highlights'],
    [claims.length, 'claims'],
    [model.figures.length + model.figuresLeftOut, 'figures']
  ]
    .map(([count, label]) => `<div class="stat"><b>${count}</b>${label}</div>`)
    .join('');
  const scope = model.projectName ? 'Project dossier' : model.title === 'Library' ? 'Library dossier' : 'Dossier';
  const filter = model.options.verdicts
    ? `<p class="appendix-note">Only claims judged ${escapeHtml(model.options.verdicts.map((verdict) => VERDICT_LABELS[verdict]).join(', '))}, with their highlights.</p>`
    : '';
  return (
    `<section class="cover"><div class="kicker">${scope} · Assay</div><div class="cover-title">${escapeHtml(model.title)}</div>` +
    `<p class="cover-sub">Annotated sources, claims with verdicts, and the figures behind them. Exported ${escapeHtml(formatTimestamp(model.exportedAt))}.</p>` +
    `<div class="stats">${stats}</div><div class="kicker" style="margin-bottom:2mm">Claims by verdict</div>` +
    `<table class="verdicts"><tbody>${verdictRows}</tbody></table>${filter}</section>`
  );
}

function contentsHtml(model: PrintModel): string {
  const entry = (href: string, label: string, sub: string, anchor: string) =>
    `<li><a class="toc-link" href="${href}">${label}</a><span class="dots"></span>${pageRef(anchor)}<span class="sub">${sub}</span></li>`;
  const items = model.articles.map((article) =>
    entry(
      `#art-${escapeHtml(article.article.id)}`,
      escapeHtml(article.article.title),
      escapeHtml(
        [article.article.publisher, article.article.publishedAt ? formatDate(article.article.publishedAt) : null, plural(article.claims.length, 'claim')]
          .filter(Boolean)
          .join(' · ')
      ),
      `article/${encodeURIComponent(article.article.id)}`
    )
  );
  if (model.charts.length) items.push(entry('#charts', 'Charts', plural(model.charts.length, 'chart'), 'section/charts'));
  if (model.figures.length) items.push(entry('#figures', 'Figure appendix', plural(model.figures.length, 'figure'), 'section/figures'));
  return `<section class="contents"><h1 class="section-title" style="margin-top:0">Contents</h1><ol class="toc">${items.join('')}</ol></section>`;
}

function annotationsOf(model: PrintModel): PrintAnnotation[] {
  return model.articles.flatMap((entry) =>
    entry.highlights.map((highlight) => {
      const parts = [model.options.notes ? highlight.note.trim() : ''];
      for (const claim of highlight.claims) {
        parts.push(`Verdict: ${VERDICT_LABELS[claim.verdict]}${claim.rationale.trim() ? ` — ${shortText(claim.rationale, 400)}` : ''}`);
      }
      return { highlightId: highlight.id, color: highlight.color, contents: parts.filter(Boolean).join('\n\n') };
    })
  );
}

export function renderPrintDocument(model: PrintModel): { html: string; annotations: PrintAnnotation[] } {
  const printedHighlights = new Map<string, { number: number; articleId: string; color: PrintedHighlight['color'] }>();
  for (const entry of model.articles) {
    for (const highlight of entry.highlights) {
      printedHighlights.set(highlight.id, { number: highlight.number, articleId: entry.article.id, color: highlight.color });
    }
  }
  const context: RenderContext = { model, refs: new FigureRefs(model.figures), printedHighlights };
  const classes = ['doc', model.kind, model.options.notes ? 'with-notes' : 'no-notes', model.options.greyscale ? 'greyscale' : 'colour'];
  const body = [
    model.kind === 'dossier' ? coverHtml(model) + contentsHtml(model) : '',
    ...model.articles.map((entry) => articleHtml(entry, context)),
    model.kind === 'dossier' && model.articles.length === 0 ? '<p>There are no articles to print.</p>' : '',
    chartsHtml(model).replace('<section class="charts article">', '<section class="charts article" id="charts">'),
    appendixHtml(context).replace('<section class="appendix">', '<section class="appendix" id="figures">')
  ].join('\n');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
    `<meta name="generator" content="Assay"><title>${escapeHtml(model.title)}</title>` +
    `<style>${fontFaceCss()}</style><style>${printStylesheet(model.options.paper)}</style></head>` +
    `<body class="${classes.join(' ')}">${body}<script>${READY_SCRIPT}</script></body></html>`;
  return { html, annotations: annotationsOf(model) };
}

/** The print job for an article, a project, chosen articles or (with no scope) the whole library. */
export function buildPrintDocument(library: Library, request: PrintRequest): PrintJob {
  const options: PrintOptions = { ...DEFAULT_PRINT_OPTIONS, ...request.options };
  if (options.verdicts && options.verdicts.length === 0) options.verdicts = null;
  const model = gatherPrintModel(library, request, options);
  const { html, annotations } = renderPrintDocument(model);
  const date = model.exportedAt.slice(0, 10);
  return {
    html,
    title: model.kind === 'dossier' ? `${model.title} — dossier` : model.title,
    fileName: `${slug(model.title)}${model.kind === 'dossier' ? '-dossier' : ''}-${date}.pdf`,
    paper: options.paper,
    exportedAt: model.exportedAt,
    annotations
  };
}
