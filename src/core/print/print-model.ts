// What a printout holds, gathered from the library through the domain modules: the articles with
// their highlights, claims and figures, the charts, and the figures for the appendix. The options
// decide what is left out (notes, claims of other verdicts). Pure reading; nothing is written.
import type { ArticleDetail, Highlight } from '../../shared/domain';
import { AssayError } from '../../shared/errors';
import type { ClaimDetail, EvidenceLink, Figure, Verdict } from '../../shared/evidence';
import type { PrintOptions } from '../../shared/print';
import { getArticle, listArticles } from '../articles/articles';
import { chartWithData, listCharts } from '../charts/charts';
import type { ChartData } from '../../shared/charts/chart-data';
import { getClaim, listClaims } from '../claims/claims';
import type { Library } from '../db/library';
import { getFigure, listFigures } from '../figures/figures';
import { getProject, projectArticleIds, projectItemIds } from '../projects/projects';

/** Past this many rows the appendix says how many more there are instead of listing them. */
export const MAX_APPENDIX_FIGURES = 2000;
const PAGE = 1000;

export interface PrintedHighlight extends Highlight {
  /** 1, 2, … in text order within its article; orphans are numbered after the placed ones. */
  number: number;
  /** The live claims about it that are printed. */
  claims: ClaimDetail[];
}

export interface LinkedFigure {
  link: EvidenceLink;
  figure: Figure;
}

export interface PrintedClaim {
  claim: ClaimDetail;
  /** Its printed highlights, in text order. */
  highlights: PrintedHighlight[];
  figures: LinkedFigure[];
}

export interface PrintedArticle {
  article: ArticleDetail;
  projects: string[];
  highlights: PrintedHighlight[];
  claims: PrintedClaim[];
  /** Figures recorded from a printed highlight (the passage is their source). */
  figuresBySource: Map<string, Figure[]>;
}

export interface PrintedChart {
  id: string;
  title: string;
  data: ChartData | null;
}

export interface PrintModel {
  kind: 'article' | 'dossier';
  /** The dossier's name: the project's, "Library", or "Selected articles". */
  title: string;
  projectName: string | null;
  articles: PrintedArticle[];
  charts: PrintedChart[];
  /** Every figure for the appendix, in the order the printout first mentions them. */
  figures: Figure[];
  /** Figures the appendix leaves out (past MAX_APPENDIX_FIGURES). */
  figuresLeftOut: number;
  options: PrintOptions;
  exportedAt: string;
}

export interface PrintScope {
  articleId?: string;
  articleIds?: string[];
  projectId?: string;
}

function allClaimsOf(library: Library, articleId: string): ClaimDetail[] {
  const claims: ClaimDetail[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = listClaims(library, { articleId, limit: PAGE, offset });
    claims.push(...items.map((item) => getClaim(library, item.id)));
    if (offset + PAGE >= total) break;
  }
  // Oldest first: the order in which they were made.
  return claims.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function figuresOfArticle(library: Library, articleId: string): Figure[] {
  return listFigures(library, { articleId, sort: 'added', direction: 'asc', limit: 100_000, offset: 0 }).items;
}

function tryFigure(library: Library, id: string): Figure | null {
  try {
    return getFigure(library, id);
  } catch (error) {
    if (error instanceof AssayError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * The names of the projects an article is in, in the order the Projects view lists them. Asked
 * per article: listing every project computes their counts, which in a large library took seconds.
 */
function projectsOf(library: Library, articleId: string): string[] {
  const rows = library
    .statement(
      `SELECT p.name FROM project_articles pa JOIN projects p ON p.id = pa.project_id
       WHERE pa.article_id = ? AND p.deleted_at IS NULL ORDER BY p.is_default DESC, p.name COLLATE NOCASE, p.id`
    )
    .all(articleId) as { name: string }[];
  return [...new Set(rows.map((row) => row.name))];
}

function gatherArticle(library: Library, articleId: string, options: PrintOptions): PrintedArticle {
  const article = getArticle(library, articleId);
  const verdictAllowed = (verdict: Verdict) => options.verdicts === null || options.verdicts.includes(verdict);
  const allClaims = allClaimsOf(library, articleId);
  const claimsByHighlight = new Map<string, ClaimDetail[]>();
  for (const claim of allClaims) {
    for (const highlightId of claim.highlightIds) claimsByHighlight.set(highlightId, [...(claimsByHighlight.get(highlightId) ?? []), claim]);
  }
  // With a verdict filter, a highlight stays when it has no claim or a claim that is printed.
  const placed = article.highlights.filter((highlight) => highlight.anchorState !== 'orphaned');
  const orphans = article.highlights.filter((highlight) => highlight.anchorState === 'orphaned');
  const highlights: PrintedHighlight[] = [...placed, ...orphans]
    .filter((highlight) => {
      const claims = claimsByHighlight.get(highlight.id) ?? [];
      return claims.length === 0 || claims.some((claim) => verdictAllowed(claim.verdict));
    })
    .map((highlight, index) => ({
      ...highlight,
      number: index + 1,
      claims: (claimsByHighlight.get(highlight.id) ?? []).filter((claim) => verdictAllowed(claim.verdict))
    }));
  const byId = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  const claims: PrintedClaim[] = allClaims
    .filter((claim) => verdictAllowed(claim.verdict))
    .map((claim) => ({
      claim,
      highlights: claim.highlightIds
        .map((id) => byId.get(id))
        .filter((highlight): highlight is PrintedHighlight => highlight !== undefined)
        .sort((a, b) => a.number - b.number),
      figures: claim.links
        .filter((link) => link.targetKind === 'figure')
        .map((link) => ({ link, figure: tryFigure(library, link.targetId) }))
        .filter((entry): entry is LinkedFigure => entry.figure !== null)
    }));
  const figuresBySource = new Map<string, Figure[]>();
  for (const figure of figuresOfArticle(library, articleId)) {
    if (figure.source.kind !== 'highlight' || !byId.has(figure.source.highlightId)) continue;
    figuresBySource.set(figure.source.highlightId, [...(figuresBySource.get(figure.source.highlightId) ?? []), figure]);
  }
  return { article, projects: projectsOf(library, articleId), highlights, claims, figuresBySource };
}

/** Published first (oldest first), then by title; undated articles last. */
function readingOrder(a: ArticleDetail, b: ArticleDetail): number {
  if (a.publishedAt && b.publishedAt && a.publishedAt !== b.publishedAt) return a.publishedAt.localeCompare(b.publishedAt);
  if (Boolean(a.publishedAt) !== Boolean(b.publishedAt)) return a.publishedAt ? -1 : 1;
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
}

function liveArticleIds(library: Library, ids: string[]): string[] {
  return ids.filter((id) => Boolean(library.statement('SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').get(id)));
}

function allArticleIds(library: Library): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = listArticles(library, { sort: 'added', direction: 'asc', limit: PAGE, offset });
    ids.push(...items.map((item) => item.id));
    if (offset + PAGE >= total) break;
  }
  return ids;
}

function gatherCharts(library: Library, ids: string[]): PrintedChart[] {
  return ids.map((id) => {
    const { chart, data } = chartWithData(library, id);
    return { id, title: chart.title || data.title, data: data.series.length && data.categories.length ? data : null };
  });
}

/** The appendix: every figure the printout mentions, then the scope's other figures. */
function appendixFigures(articles: PrintedArticle[], more: Figure[]): { figures: Figure[]; leftOut: number } {
  const seen = new Map<string, Figure>();
  const add = (figure: Figure) => {
    if (!seen.has(figure.id)) seen.set(figure.id, figure);
  };
  for (const entry of articles) {
    for (const highlight of entry.highlights) {
      for (const claim of entry.claims.filter((printed) => printed.highlights[0]?.id === highlight.id)) claim.figures.forEach((linked) => add(linked.figure));
      (entry.figuresBySource.get(highlight.id) ?? []).forEach(add);
    }
    for (const claim of entry.claims.filter((printed) => printed.highlights.length === 0)) claim.figures.forEach((linked) => add(linked.figure));
  }
  const rest = more
    .filter((figure) => !seen.has(figure.id))
    .sort((a, b) => a.metric.localeCompare(b.metric) || a.entity.localeCompare(b.entity) || a.period.localeCompare(b.period));
  rest.forEach(add);
  const figures = [...seen.values()];
  return { figures: figures.slice(0, MAX_APPENDIX_FIGURES), leftOut: Math.max(0, figures.length - MAX_APPENDIX_FIGURES) };
}

export function gatherPrintModel(library: Library, scope: PrintScope, options: PrintOptions): PrintModel {
  const exportedAt = library.now();
  if (scope.articleId) {
    const article = gatherArticle(library, scope.articleId, options);
    const { figures, leftOut } = appendixFigures([article], []);
    return {
      kind: 'article',
      title: article.article.title,
      projectName: null,
      articles: [article],
      charts: [],
      figures,
      figuresLeftOut: leftOut,
      options,
      exportedAt
    };
  }
  let title: string;
  let projectName: string | null = null;
  let articleIds: string[];
  let chartIds: string[];
  let extraFigures: Figure[];
  if (scope.projectId) {
    const project = getProject(library, scope.projectId);
    title = project.name;
    projectName = project.name;
    articleIds = liveArticleIds(library, projectArticleIds(library, project.id));
    const items = projectItemIds(library, project.id);
    chartIds = items.charts.filter((id) => Boolean(library.statement('SELECT 1 FROM charts WHERE id = ? AND deleted_at IS NULL').get(id)));
    extraFigures = items.figures.map((id) => tryFigure(library, id)).filter((figure): figure is Figure => figure !== null);
  } else if (scope.articleIds?.length) {
    title = 'Selected articles';
    articleIds = [...new Set(scope.articleIds)];
    for (const id of articleIds) getArticle(library, id); // not_found for a wrong id, before any work
    chartIds = [];
    extraFigures = [];
  } else {
    title = 'Library';
    articleIds = allArticleIds(library);
    chartIds = listCharts(library).map((chart) => chart.id);
    extraFigures = listFigures(library, { sort: 'metric', direction: 'asc', limit: MAX_APPENDIX_FIGURES + 1, offset: 0 }).items;
  }
  const articles = articleIds.map((id) => gatherArticle(library, id, options)).sort((a, b) => readingOrder(a.article, b.article));
  const scopeFigures = [...articles.flatMap((entry) => figuresOfArticle(library, entry.article.id)), ...extraFigures];
  const { figures, leftOut } = appendixFigures(articles, scopeFigures);
  return {
    kind: 'dossier',
    title,
    projectName,
    articles,
    charts: gatherCharts(library, chartIds),
    figures,
    figuresLeftOut: leftOut,
    options,
    exportedAt
  };
}
