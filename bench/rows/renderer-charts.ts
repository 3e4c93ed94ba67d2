// Charts of many figures as the user sees them: the real host (`assay serve`) on the benchmark
// library, driven by Debian's Chromium with the e2e flags. A saved line chart of 100,000 figures is
// opened in the Charts view (time to the chart's first drawn frame), hovered across (mousemove →
// the frame that shows the updated tooltip) and zoomed and panned (wheel or drag → the frame that
// shows the redrawn plot). A chart of 1,000,000 points cannot come through the contract today (see
// the notes of its row); it is drawn in the same Chromium from Assay's own option builder and the
// bundled ECharts, to show whether the drawing side copes.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHost, stopHost } from '../../e2e/browser-mode-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import type { Library } from '../../src/core/db/library';
import { insertFigure, validateFigure } from '../../src/core/figures/figures';
import { finishRow, openRaw, type BenchContext, type BenchGroup } from '../context';
import { summarize, type RowResult, type Summary } from '../measure';
import { ensureRendererBuilt, KEEP_NAMES_SHIM } from './renderer';

/** A metric of its own, so the group's figures never mix with the generated library's. */
const LINE_METRIC = 'daily separation output';
const LINE_ENTITY = 'Baotou separation plant';
/** The chart of a million points: ten plants, each with 100,000 daily figures (10,000 in --small). */
const LARGE_METRIC = 'daily separation output, ten plants';
const LARGE_ENTITIES = Array.from({ length: 10 }, (_, index) => `Separation plant ${index + 1}`);
/** Every this many figures, one is taken from a highlight of the library (with its quote). */
const FROM_HIGHLIGHT_EVERY = 100;
/** A yardstick for interaction frames (issue 8 sets no number for charts): reported, not judged. */
const YARDSTICK_MS = 50;
const VIEWPORT = { width: 1280, height: 860 };

type ChartWindow = Window & {
  __assayChart: ChartMarks;
  __assayFrames?: FrameSample[];
  __assayFrameProbe?: { kind: string };
};

interface ChartMarks {
  /** Navigation start → the first frame after ECharts finished drawing the chart. */
  drawnAt?: number;
  painted?: number;
  call?: { start: number; end: number; transferKb: number };
  domContentLoaded?: number;
}

interface FrameSample {
  kind: string;
  /** Input event → the first requestAnimationFrame after the screen changed. */
  raf: number;
  /** Input event → after that frame (a task queued from the rAF callback). */
  frame: number;
}

/** Records when the chart is first drawn (ChartCanvas counts ECharts' finished renders in data-drawn). */
function installChartMarks(): void {
  const marks: ChartMarks = {};
  (window as unknown as ChartWindow).__assayChart = marks;
  const observer = new MutationObserver(() => {
    if (marks.drawnAt !== undefined || !document.querySelector('.chart-canvas[data-drawn]')) return;
    marks.drawnAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const afterFrame = new MessageChannel();
      afterFrame.port1.onmessage = () => {
        marks.painted = performance.now();
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        marks.domContentLoaded = navigation?.domContentLoadedEventEnd;
        const call = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/charts.get')) as PerformanceResourceTiming | undefined;
        if (call) marks.call = { start: call.startTime, end: call.responseEnd, transferKb: call.transferSize / 1024 };
      };
      afterFrame.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
}

/**
 * Frame latency of pointer input on the chart: from the input event's timestamp to the first frame
 * after the screen changed for it. A hover changes the tooltip (its DOM); a wheel or drag step makes
 * ECharts draw the zoomed plot (a finished render, counted in data-drawn). Each input is measured
 * once, from its own timestamp; an input that changes nothing is not sampled.
 */
function installFrameProbe(): void {
  const win = window as unknown as ChartWindow;
  // Installed again after the chart is drawn anew (e.g. after going back to it): keep the samples.
  const samples: FrameSample[] = (win.__assayFrames ??= []);
  win.__assayFrameProbe ??= { kind: 'hover' };
  const canvas = document.querySelector('.chart-canvas')!;
  let pending: { t0: number; seen: boolean; kind: string } | null = null;
  const start = (event: Event) => {
    pending = { t0: event.timeStamp, seen: false, kind: win.__assayFrameProbe!.kind };
  };
  canvas.addEventListener('mousemove', start, true);
  canvas.addEventListener('wheel', start, true);
  new MutationObserver((records) => {
    const current = pending;
    if (!current || current.seen) return;
    const tooltipChanged = records.some((record) =>
      (record.target instanceof Element ? record.target : record.target.parentElement)?.closest('.chart-tooltip')
    );
    const redrawn = records.some((record) => record.attributeName === 'data-drawn');
    if (current.kind === 'hover' ? !tooltipChanged : !redrawn) return;
    current.seen = true;
    requestAnimationFrame(() => {
      const raf = performance.now() - current.t0;
      const afterFrame = new MessageChannel();
      afterFrame.port1.onmessage = () => samples.push({ kind: current.kind, raf, frame: performance.now() - current.t0 });
      afterFrame.port2.postMessage(null);
    });
  }).observe(canvas, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * Hover → provenance shown: a large chart's points come without provenance, which the tooltip fetches
 * (charts.pointDetails). Measured from the mousemove event to the first moment the tooltip names the
 * point's source (no longer "Source …"), whether it was fetched or already known.
 */
function installDetailProbe(): void {
  const win = window as unknown as { __assayDetail?: number[] };
  const samples = (win.__assayDetail ??= []);
  const canvas = document.querySelector('.chart-canvas')!;
  let movedAt: number | null = null;
  canvas.addEventListener('mousemove', (event) => (movedAt = event.timeStamp), true);
  new MutationObserver(() => {
    if (movedAt === null) return;
    const text = document.querySelector('.chart-tooltip')?.textContent ?? '';
    if (!text.includes('Source') || text.includes('Source …')) return;
    samples.push(performance.now() - movedAt);
    movedAt = null;
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** Waits until the tooltip shows a point's provenance rather than "…". */
async function provenanceShown(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !(document.querySelector('.chart-tooltip')?.textContent ?? 'Source …').includes('Source …'), null, { timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * Inserts `count` daily figures of one metric and entity (or `count` per entity, for several), with
 * core's own validation and INSERT, in one transaction.
 */
function addLineFigures(library: Library, count: number, metric = LINE_METRIC, entities = [LINE_ENTITY]): { highlightSourced: number } {
  const highlightIds = (
    library.db.prepare('SELECT id FROM highlights WHERE deleted_at IS NULL ORDER BY rowid LIMIT ?').all(Math.ceil(count / FROM_HIGHLIGHT_EVERY)) as { id: string }[]
  ).map((row) => row.id);
  const firstDay = Date.UTC(1750, 0, 1);
  let highlightSourced = 0;
  library.db.transaction(() => {
    for (const [entityIndex, entity] of entities.entries())
    for (let index = 0; index < count; index += 1) {
      const fromHighlight = highlightIds.length > 0 && index % FROM_HIGHLIGHT_EVERY === FROM_HIGHLIGHT_EVERY / 2;
      const figure = validateFigure(library, {
        metric,
        entity,
        // A seasonal wave with noise: LTTB has shape to keep.
        value: Math.round(700 + entityIndex * 150 + Math.sin(index / 365.25 * 2 * Math.PI) * 120 + Math.sin(index / 9000 + entityIndex) * 250 + ((index * 7919 + entityIndex) % 97)),
        unit: 't',
        qualifier: 'exact',
        period: new Date(firstDay + index * 86_400_000).toISOString().slice(0, 10),
        highlightId: fromHighlight ? highlightIds[(highlightSourced++) % highlightIds.length] : null,
        citation: fromHighlight ? undefined : { title: 'Daily plant output register', publisher: 'Assay benchmark data', edition: '2026' }
      });
      insertFigure(library, figure, randomUUID());
    }
  })();
  return { highlightSourced };
}

async function newChartPage(browser: Browser): Promise<{ browserContext: BrowserContext; page: Page }> {
  const browserContext = await browser.newContext({ viewport: VIEWPORT });
  await browserContext.addInitScript({ content: KEEP_NAMES_SHIM });
  await browserContext.addInitScript(installChartMarks);
  return { browserContext, page: await browserContext.newPage() };
}

async function chartMarks(page: Page): Promise<ChartMarks> {
  return page.evaluate(() => (window as unknown as ChartWindow).__assayChart);
}

async function jsHeapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

/** The plot area on screen: the chart element minus the margins the option leaves (title, notes). */
async function plotBox(page: Page): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const box = (await page.locator('.chart-canvas').boundingBox())!;
  return { left: box.x + 80, right: box.x + box.width - 40, top: box.y + box.height * 0.3, bottom: box.y + box.height * 0.7 };
}

function frameSummary(samples: FrameSample[], kind: string): { raf: Summary; frame: Summary } {
  const chosen = samples.filter((sample) => sample.kind === kind);
  return { raf: summarize(chosen.map((sample) => sample.raf)), frame: summarize(chosen.map((sample) => sample.frame)) };
}

const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;

/** The in-page drawing of a large chart: Assay's option builder and ECharts, bundled for the page. */
async function millionPointBundle(context: BenchContext): Promise<string> {
  const entry = `
    import * as echarts from 'echarts';
    import { buildChartOption, chartSize } from './src/shared/charts/build-option';
    window.__assayDrawLarge = (seriesCount, perSeries) => new Promise((resolve) => {
      const started = performance.now();
      const categories = new Array(perSeries);
      const first = Date.UTC(1750, 0, 1);
      for (let index = 0; index < perSeries; index += 1) categories[index] = new Date(first + index * 86400000).toISOString().slice(0, 10);
      const series = [];
      for (let s = 0; s < seriesCount; s += 1) {
        const points = new Array(perSeries);
        for (let index = 0; index < perSeries; index += 1) {
          const value = Math.round(700 + s * 150 + Math.sin(index / 365.25 * 2 * Math.PI) * 120 + Math.sin(index / 9000 + s) * 250 + ((index * 7919 + s) % 97));
          points[index] = {
            value,
            figureId: 'f' + s + '-' + index, entity: 'Plant ' + (s + 1), metric: 'daily separation output', period: categories[index],
            figureValue: value, figureHigh: null, unit: 't', qualifier: 'exact', sourceLabel: 'Daily plant output register (2026)',
            quote: null, articleId: null, highlightId: null, citation: null, doubtful: false, doubts: [], competing: false
          };
        }
        series.push({ id: 'plant-' + s, name: 'Plant ' + (s + 1), stack: null, variant: null, points });
      }
      const data = {
        chartId: null, title: 'Daily separation output, ' + seriesCount + ' plants, 1750–2023', subtitle: null, type: 'line',
        orientation: 'vertical', encoding: { category: 'period', series: 'entity' }, series, categories, unit: 't',
        valueAxisLabel: 'Daily separation output (t)', categoryAxisLabel: null, sourceLine: 'Source: Daily plant output register (2026)',
        notes: [], figureCount: seriesCount * perSeries, doubtfulCount: 0, competingCount: 0
      };
      const dataBuilt = performance.now();
      const size = chartSize(data, { width: 860 });
      const option = buildChartOption(data, size);
      // As ChartCanvas does: the tooltip is found by its class.
      option.tooltip = { ...option.tooltip, className: 'chart-tooltip' };
      const optionBuilt = performance.now();
      const element = document.createElement('div');
      element.className = 'chart-canvas';
      element.style.width = size.width + 'px';
      element.style.height = size.height + 'px';
      document.body.style.margin = '20px';
      document.body.append(element);
      const chart = echarts.init(element, null, { renderer: 'canvas' });
      let drawn = 0;
      chart.on('finished', () => {
        drawn += 1;
        element.dataset.drawn = String(drawn);
        if (drawn > 1) return;
        const finished = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({
            dataMs: dataBuilt - started, optionMs: optionBuilt - dataBuilt, setOptionMs: setOptionDone - optionBuilt,
            finishedMs: finished - optionBuilt, paintedMs: performance.now() - optionBuilt
          });
          channel.port2.postMessage(null);
        });
      });
      chart.setOption(option, { notMerge: true });
      const setOptionDone = performance.now();
    });
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: context.projectRoot, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent'
  });
  return result.outputFiles[0].text;
}

interface LargeDrawTimes {
  dataMs: number;
  optionMs: number;
  setOptionMs: number;
  finishedMs: number;
  paintedMs: number;
}

export const rendererChartsGroup: BenchGroup = {
  id: 'renderer-charts',
  title: 'renderer: charts of many figures (browser mode)',
  async run(context) {
    ensureRendererBuilt(context);
    const lineCount = context.small ? 10_000 : 100_000;
    const openIterations = context.small ? 2 : 3;
    const hoverMoves = context.small ? 60 : 150;
    const wheelSteps = context.small ? 8 : 12;
    const panSteps = context.small ? 20 : 40;
    const largeSeries = 10;
    const largePerSeries = context.small ? 10_000 : 100_000;
    const screenshotDir = join(context.workDir, 'screenshots');
    mkdirSync(screenshotDir, { recursive: true });

    // The figures, with core's validation and INSERT, and the chart through the contract.
    const { library, dispatcher } = context.session();
    let started = performance.now();
    const { highlightSourced } = addLineFigures(library, lineCount);
    const insertSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const chart = dispatcher.call('charts.create', { type: 'line', title: '', selection: { metric: LINE_METRIC }, showCompeting: true, sort: 'auto', orientation: 'auto' });
    const createMs = performance.now() - started;
    started = performance.now();
    const answer = dispatcher.call('charts.get', { id: chart.id });
    const getMs = performance.now() - started;
    started = performance.now();
    const payloadMb = JSON.stringify({ ok: true, result: answer }).length / 1024 / 1024;
    const serialiseMs = performance.now() - started;
    const pointsDrawn = answer.data.figureCount;
    context.log(`  ${lineCount.toLocaleString('en')} figures added in ${insertSeconds.toFixed(1)} s; charts.create ${ms(createMs)}, charts.get ${ms(getMs)} (${payloadMb.toFixed(1)} MB of JSON, serialised in ${ms(serialiseMs)})`);
    // A chart of ten plants' daily figures, a million points in all (100,000 in --small), saved
    // through the contract and then opened in the app like the one above.
    started = performance.now();
    addLineFigures(library, largePerSeries, LARGE_METRIC, LARGE_ENTITIES);
    const largeInsertSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const largeChart = dispatcher.call('charts.create', { type: 'line', title: '', selection: { metric: LARGE_METRIC }, showCompeting: true, sort: 'auto', orientation: 'auto' });
    const largeCreateMs = performance.now() - started;
    started = performance.now();
    let largeAnswer: unknown = dispatcher.call('charts.get', { id: largeChart.id });
    const largeGetMs = performance.now() - started;
    started = performance.now();
    const largePayloadMb = JSON.stringify({ ok: true, result: largeAnswer }).length / 1024 / 1024;
    const largeSerialiseMs = performance.now() - started;
    largeAnswer = null;
    context.log(`  ${(largeSeries * largePerSeries).toLocaleString('en')} figures added in ${largeInsertSeconds.toFixed(1)} s; charts.create ${ms(largeCreateMs)}, charts.get ${ms(largeGetMs)} (${largePayloadMb.toFixed(1)} MB of JSON, serialised in ${ms(largeSerialiseMs)})`);
    // The host opens the library itself.
    context.closeSession();

    const { host, url } = await startHost(context.workPath, { timeoutMs: 60_000 });
    let browser: Browser | null = null;
    const rows: RowResult[] = [];
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      const chartUrl = `${url}#/charts/${encodeURIComponent(chart.id)}`;

      // Open the saved chart from its address: a fresh browser context (empty cache) per sample.
      const openTimes: number[] = [];
      const openMarks: ChartMarks[] = [];
      let page: Page | null = null;
      for (let i = 0; i < openIterations + 1; i += 1) {
        const opened = await newChartPage(browser);
        page = opened.page;
        await page.goto(chartUrl);
        await page.waitForFunction(() => (window as unknown as ChartWindow).__assayChart.painted !== undefined, null, { timeout: 180_000 });
        const marks = await chartMarks(page);
        if (i > 0) {
          openTimes.push(marks.painted!);
          openMarks.push(marks);
        }
        if (i < openIterations) await opened.browserContext.close();
      }
      const chartPage = page!;
      const heapAfterOpen = await jsHeapMb(chartPage);
      await chartPage.locator('.chart-stage').screenshot({ path: join(screenshotDir, `line-${lineCount}.png`) });

      // Hover across the plot, left to right, 50 ms apart (a steady hand); each move changes the tooltip.
      await chartPage.evaluate(installFrameProbe);
      await chartPage.evaluate(installDetailProbe);
      const plot = await plotBox(chartPage);
      const y = (plot.top + plot.bottom) / 2;
      for (let step = 0; step <= hoverMoves; step += 1) {
        await chartPage.mouse.move(plot.left + ((plot.right - plot.left) * step) / hoverMoves, y);
        await chartPage.waitForTimeout(50);
      }
      const tooltip = chartPage.locator('.chart-tooltip');
      await provenanceShown(chartPage);
      const tooltipText = await tooltip.innerText();
      const detailLatency = summarize(await chartPage.evaluate(() => (window as unknown as { __assayDetail?: number[] }).__assayDetail ?? []));
      await chartPage.locator('.chart-stage').screenshot({ path: join(screenshotDir, `line-${lineCount}-hover.png`) });

      // Provenance of a sampled point: find a point taken from a highlight (its tooltip quotes it), click it.
      let quoted: { period: string; text: string } | null = null;
      await chartPage.evaluate(() => ((window as unknown as ChartWindow).__assayFrameProbe!.kind = 'provenance'));
      for (let step = 0; step <= 200 && !quoted; step += 1) {
        await chartPage.mouse.move(plot.left + ((plot.right - plot.left) * step) / 200, y);
        await provenanceShown(chartPage);
        const text = (await tooltip.textContent()) ?? '';
        const period = /· (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
        if (period && text.includes('“')) quoted = { period, text };
      }
      let clickCheck = 'no highlight-sourced point came under the pointer, so the click was not checked';
      if (quoted) {
        await chartPage.mouse.down();
        await chartPage.mouse.up();
        await chartPage.waitForURL(/#\/article\/[^/]+\/highlight\/[^/]+$/, { timeout: 30_000 }).catch(() => undefined);
        const opened = /#\/article\/[^/]+\/highlight\/([^/]+)$/.exec(chartPage.url());
        const raw = openRaw(context.workPath);
        const figure = opened
          ? (raw.prepare('SELECT period FROM figures WHERE metric = ? AND highlight_id = ? AND period = ?').get(LINE_METRIC, decodeURIComponent(opened[1]), quoted.period) as { period: string } | undefined)
          : undefined;
        raw.close();
        clickCheck = figure
          ? `the tooltip of a sampled point taken from a highlight (period ${quoted.period}) showed its quote; clicking opened that highlight in the reader, the source of that very figure`
          : `MISMATCH: the tooltip showed period ${quoted.period}, but the click led to ${chartPage.url().split('#')[1] ?? 'nowhere'}`;
        await chartPage.goBack();
        await chartPage.waitForFunction(() => document.querySelector('.chart-canvas[data-drawn]') !== null, null, { timeout: 180_000 });
        await chartPage.evaluate(installFrameProbe);
      }

      // Zoom in with the wheel over the middle of the plot, then pan by dragging.
      const centre = { x: (plot.left + plot.right) / 2, y };
      await chartPage.mouse.move(centre.x, centre.y);
      await chartPage.evaluate(() => ((window as unknown as ChartWindow).__assayFrameProbe!.kind = 'zoom'));
      for (let step = 0; step < wheelSteps; step += 1) {
        await chartPage.mouse.wheel(0, -240);
        await chartPage.waitForTimeout(250);
      }
      await chartPage.evaluate(() => ((window as unknown as ChartWindow).__assayFrameProbe!.kind = 'pan'));
      await chartPage.mouse.down();
      for (let step = 1; step <= panSteps; step += 1) {
        await chartPage.mouse.move(centre.x - step * 8, centre.y);
        await chartPage.waitForTimeout(100);
      }
      await chartPage.mouse.up();
      await chartPage.waitForTimeout(300);
      const frames = await chartPage.evaluate(() => (window as unknown as ChartWindow).__assayFrames ?? []);
      await chartPage.mouse.move(centre.x, centre.y + 5);
      await chartPage.waitForTimeout(300);
      await chartPage.locator('.chart-stage').screenshot({ path: join(screenshotDir, `line-${lineCount}-zoomed.png`) });
      await chartPage.context().close();

      // The million-point chart opened in the app, from its address (one sample: it is slow to make).
      const million = await newChartPage(browser);
      const millionStarted = performance.now();
      let millionMarks: ChartMarks | null = null;
      let millionError: string | null = null;
      let millionHover: Summary | null = null;
      let millionTooltip = '';
      try {
        await million.page.goto(`${url}#/charts/${encodeURIComponent(largeChart.id)}`);
        await million.page.waitForFunction(() => (window as unknown as ChartWindow).__assayChart.painted !== undefined, null, { timeout: 600_000 });
        millionMarks = await chartMarks(million.page);
        await million.page.locator('.chart-stage').screenshot({ path: join(screenshotDir, `line-${largeSeries * largePerSeries}-app.png`) });
        await million.page.evaluate(installDetailProbe);
        const millionPlot = await plotBox(million.page);
        for (let step = 0; step <= 30; step += 1) {
          await million.page.mouse.move(millionPlot.left + ((millionPlot.right - millionPlot.left) * step) / 30, (millionPlot.top + millionPlot.bottom) / 2);
          await provenanceShown(million.page);
          await million.page.waitForTimeout(50);
        }
        millionTooltip = (await million.page.locator('.chart-tooltip').innerText().catch(() => '')).replace(/\s+/g, ' ');
        millionHover = summarize(await million.page.evaluate(() => (window as unknown as { __assayDetail?: number[] }).__assayDetail ?? []));
        await million.page.locator('.chart-stage').screenshot({ path: join(screenshotDir, `line-${largeSeries * largePerSeries}-app-hover.png`) });
      } catch (error) {
        millionError = error instanceof Error ? error.message : String(error);
      }
      const millionWall = performance.now() - millionStarted;
      const millionHeap = await jsHeapMb(million.page).catch(() => NaN);
      await million.browserContext.close();

      // 1,000,000 points drawn in the same Chromium from Assay's option builder.
      const bundle = await millionPointBundle(context);
      const largeContext = await browser.newContext({ viewport: VIEWPORT });
      await largeContext.addInitScript({ content: KEEP_NAMES_SHIM });
      const largePage = await largeContext.newPage();
      await largePage.goto('about:blank');
      await largePage.addScriptTag({ content: bundle });
      const heapBefore = await jsHeapMb(largePage);
      const largeStarted = performance.now();
      let largeTimes: LargeDrawTimes | null = null;
      let largeError: string | null = null;
      try {
        largeTimes = await largePage.evaluate(
          ([seriesCount, perSeries]) =>
            (window as unknown as { __assayDrawLarge(s: number, p: number): Promise<LargeDrawTimes> }).__assayDrawLarge(seriesCount, perSeries),
          [largeSeries, largePerSeries] as const
        );
      } catch (error) {
        largeError = error instanceof Error ? error.message : String(error);
      }
      const largeWall = performance.now() - largeStarted;
      const heapLarge = await jsHeapMb(largePage).catch(() => NaN);
      await largePage.screenshot({ path: join(screenshotDir, `line-${largeSeries * largePerSeries}.png`) });
      // Hover on the million-point chart too: the tooltip must still follow the pointer.
      let largeHover: { raf: Summary; frame: Summary } | null = null;
      if (largeTimes) {
        await largePage.evaluate(installFrameProbe);
        const box = (await largePage.locator('.chart-canvas').boundingBox())!;
        for (let step = 0; step <= 40; step += 1) {
          await largePage.mouse.move(box.x + 80 + ((box.width - 120) * step) / 40, box.y + box.height / 2);
          await largePage.waitForTimeout(50);
        }
        largeHover = frameSummary(await largePage.evaluate(() => (window as unknown as ChartWindow).__assayFrames ?? []), 'hover');
        await largePage.screenshot({ path: join(screenshotDir, `line-${largeSeries * largePerSeries}-hover.png`) });
      }
      await largeContext.close();
      context.log(`  screenshots in ${screenshotDir}${context.small ? '' : ''}`);

      // ── rows ─────────────────────────────────────────────────────────────────────────────
      const open = summarize(openTimes);
      const median = (pick: (marks: ChartMarks) => number | undefined) => summarize(openMarks.map((marks) => pick(marks) ?? NaN)).p50;
      const hover = frameSummary(frames, 'hover');
      const zoom = frameSummary(frames, 'zoom');
      const pan = frameSummary(frames, 'pan');
      const count = lineCount.toLocaleString('en');
      const yardstick = `Issue 8 sets no number for charts; ${YARDSTICK_MS} ms p95 per interaction frame is reported as a yardstick (3 frames at 60 Hz), not judged.`;
      rows.push(
        finishRow({
          id: 'renderer-chart-line-open',
          operation: `renderer: open a saved line chart of ${count} figures (navigation start → chart drawn)`,
          unit: 'ms',
          n: open.n,
          p50: open.p50,
          p95: open.p95,
          targets: [],
          notes: [
            `${count} daily figures of one metric and entity (1750 onwards; ${highlightSourced} taken from highlights, with their quotes, the rest cited from a report) inserted with core's validateFigure/insertFigure in ${insertSeconds.toFixed(1)} s; the chart made with charts.create (${ms(createMs)} in core). A new browser context per sample after one warm-up; from navigation start to the first frame after ECharts' first finished render (ChartCanvas counts them in data-drawn). Issue 8 sets no target.`,
            `Median timeline: DOMContentLoaded ${ms(median((marks) => marks.domContentLoaded))}, charts.get requested ${ms(median((marks) => marks.call?.start))} and answered ${ms(median((marks) => marks.call?.end))} (${(median((marks) => marks.call?.transferKb) / 1024).toFixed(1)} MB), chart drawn ${ms(median((marks) => marks.drawnAt))}, painted ${ms(open.p50)}; from the charts.get request to the painted chart (opening it from the list of charts, without starting the app) ${ms(median((marks) => (marks.call ? marks.painted! - marks.call.start : undefined)))}.`,
            `In core alone (the dispatcher, no HTTP): charts.get takes ${ms(getMs)} for ${pointsDrawn.toLocaleString('en')} points and its answer is ${payloadMb.toFixed(1)} MB of JSON (serialised in ${ms(serialiseMs)}). JS heap of the page after drawing: ${heapAfterOpen.toFixed(0)} MB.`
          ],
          details: { open, openMarks, insertSeconds, createMs, getMs, payloadMb, serialiseMs, heapAfterOpenMb: heapAfterOpen, highlightSourced }
        }),
        finishRow({
          id: 'renderer-chart-line-hover',
          operation: `renderer: hover across the line chart of ${count} figures (mousemove → frame with the tooltip updated)`,
          unit: 'ms',
          n: hover.raf.n,
          p50: hover.raf.p50,
          p95: hover.raf.p95,
          targets: [],
          notes: [
            `${hoverMoves + 1} mouse moves left to right across the plot, 50 ms apart; each measured from the mousemove event's timestamp to the first requestAnimationFrame after the tooltip's DOM changed (moves that changed nothing are not sampled). Including that frame's rendering: p50 ${ms(hover.frame.p50)}, p95 ${ms(hover.frame.p95)}. ${yardstick}`,
            `The line is sampled (LTTB) and drawn without symbols, so the tooltip follows the axis and describes the nearest drawn point with its value, unit, period and source; the last one read “${tooltipText.replace(/\s+/g, ' ').slice(0, 160)}”.`,
            `Provenance: ${clickCheck}. The chart comes in the compact form (values, figure row ids and flags, no provenance per point); a hovered point's provenance is fetched with charts.pointDetails and kept: mousemove → tooltip naming the source and quote p50 ${ms(detailLatency.p50)}, p95 ${ms(detailLatency.p95)} (n ${detailLatency.n}; the tooltip shows the value and "Source …" until then).`
          ],
          details: { hover, clickCheck, detailLatency }
        }),
        finishRow({
          id: 'renderer-chart-line-zoom',
          operation: `renderer: zoom (wheel) and pan (drag) the line chart of ${count} figures (input → frame with the plot redrawn)`,
          unit: 'ms',
          n: zoom.raf.n + pan.raf.n,
          p50: summarize(frames.filter((sample) => sample.kind !== 'hover').map((sample) => sample.raf)).p50,
          p95: summarize(frames.filter((sample) => sample.kind !== 'hover').map((sample) => sample.raf)).p95,
          targets: [],
          notes: [
            `${wheelSteps} wheel steps (zoom in, 250 ms apart) over the middle of the plot, then a drag of ${panSteps} moves 100 ms apart; each input measured from its event's timestamp to the first requestAnimationFrame after ECharts finished the redraw. Wheel: p50 ${ms(zoom.raf.p50)}, p95 ${ms(zoom.raf.p95)} (n ${zoom.raf.n}); drag: p50 ${ms(pan.raf.p50)}, p95 ${ms(pan.raf.p95)} (n ${pan.raf.n}). ${yardstick}`,
            'The chart zooms with an inside dataZoom throttled to 50 ms, so an input waits up to 50 ms by design before the redraw starts; LTTB samples the visible window again at each redraw.'
          ],
          details: { zoom, pan }
        })
      );
      const largeCount = (largeSeries * largePerSeries).toLocaleString('en');
      rows.push(
        finishRow({
          id: 'renderer-chart-million-open',
          operation: `renderer: open a saved line chart of ${largeCount} figures in the app (navigation start → chart drawn)`,
          unit: 'ms',
          n: millionMarks ? 1 : 0,
          p50: millionMarks?.painted ?? NaN,
          p95: millionMarks?.painted ?? NaN,
          targets: [],
          status: millionMarks ? 'measured' : 'failed',
          notes: [
            `${LARGE_ENTITIES.length} plants × ${largePerSeries.toLocaleString('en')} daily figures inserted with core's validateFigure/insertFigure in one transaction in ${largeInsertSeconds.toFixed(1)} s; charts.create ${ms(largeCreateMs)} in core. In core alone charts.get takes ${ms(largeGetMs)} and answers ${largePayloadMb.toFixed(1)} MB of JSON (compact form: per series arrays of values, figure row ids and flags; serialised in ${ms(largeSerialiseMs)}).`,
            millionMarks
              ? `One sample in a new browser context: DOMContentLoaded ${ms(millionMarks.domContentLoaded ?? NaN)}, charts.get requested ${ms(millionMarks.call?.start ?? NaN)} and answered ${ms(millionMarks.call?.end ?? NaN)} (${((millionMarks.call?.transferKb ?? NaN) / 1024).toFixed(1)} MB over HTTP), chart drawn ${ms(millionMarks.drawnAt ?? NaN)}, painted ${ms(millionMarks.painted ?? NaN)}. JS heap of the page ${millionHeap.toFixed(0)} MB.`
              : `Failed after ${ms(millionWall)}: ${millionError}`,
            millionHover
              ? `Hover → tooltip with the point's provenance (fetched with charts.pointDetails): p50 ${ms(millionHover.p50)}, p95 ${ms(millionHover.p95)} (n ${millionHover.n}); the last read “${millionTooltip.slice(0, 160)}”.`
              : 'Not hovered.'
          ],
          details: { millionMarks, largeInsertSeconds, largeCreateMs, largeGetMs, largePayloadMb, largeSerialiseMs, millionHover, millionHeapMb: millionHeap }
        })
      );
      rows.push(
        finishRow({
          id: 'renderer-chart-large-draw',
          operation: `renderer: draw a line chart of ${largeCount} points (${largeSeries} series; option built → chart drawn)`,
          unit: 'ms',
          n: largeTimes ? 1 : 0,
          p50: largeTimes?.paintedMs ?? NaN,
          p95: largeTimes?.paintedMs ?? NaN,
          targets: [],
          status: largeTimes ? 'measured' : 'failed',
          notes: [
            largeTimes
              ? `Completed in the same Chromium (no crash, no timeout): ChartData of ${largeCount} points with per-point provenance made in the page in ${ms(largeTimes.dataMs)}, buildChartOption ${ms(largeTimes.optionMs)}, setOption ${ms(largeTimes.setOptionMs)}, ECharts finished ${ms(largeTimes.finishedMs)} after the option was built, painted ${ms(largeTimes.paintedMs)} (wall clock from the benchmark ${ms(largeWall)}). JS heap ${heapBefore.toFixed(0)} MB before, ${heapLarge.toFixed(0)} MB after.`
              : `Failed after ${ms(largeWall)}: ${largeError}`,
            largeHover ? `Hovering it: mousemove → frame with the tooltip updated p50 ${ms(largeHover.raf.p50)}, p95 ${ms(largeHover.raf.p95)} (n ${largeHover.raf.n}).` : 'Not hovered.',
            `Drawn outside the app (about:blank, Assay's buildChartOption and the bundled ECharts 6, as ChartCanvas calls them), with a provenance object per point: the drawing side alone. The app itself opens a chart of as many points (renderer-chart-million-open), in the compact form.`
          ],
          details: { largeTimes, largeWall, heapBeforeMb: heapBefore, heapAfterMb: heapLarge, largeHover }
        })
      );
    } finally {
      await browser?.close();
      await stopHost(host);
    }

    // Leave the work copy as the other groups expect it: without this group's figures and chart.
    const raw = openRaw(context.workPath);
    raw.prepare('DELETE FROM charts WHERE id IN (?, ?)').run(chart.id, largeChart.id);
    raw.prepare('DELETE FROM figures WHERE metric IN (?, ?)').run(LINE_METRIC, LARGE_METRIC);
    raw.close();
    return rows;
  }
};
