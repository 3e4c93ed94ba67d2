// The figures view in browser mode on the generated figures (200,000 at full size): how long the
// virtualised table takes to show its first rows, how smoothly it scrolls under the wheel, and how
// long a jump (dragging the scrollbar, End) takes until the rows at the new place are painted.
// The real host (`assay serve`) and Debian's Chromium, as in renderer.ts.
import { startHost, stopHost } from '../../e2e/browser-mode-host';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { finishRow, type BenchContext, type BenchGroup } from '../context';
import { summarize, type Summary } from '../measure';
import { ensureRendererBuilt, KEEP_NAMES_SHIM } from './renderer';

interface OpenMarks {
  /** The first figures.list request: start and response end, from navigation start. */
  callStart?: number;
  callEnd?: number;
  domContentLoaded?: number;
  rowsAt?: number;
  rowsPainted?: number;
}

/** One scroll position change, timed in the page. */
export interface JumpSample {
  /** The scroll position asked for, as a share of the table (1 = the end). */
  at: number;
  /** Scroll → the first frame whose rows are those of the new position (still placeholders, maybe). */
  placed: number;
  /** Scroll → the first frame in which every row in view shows its figure. */
  painted: number;
  /** figures.list calls made for this jump: from the scroll to the request, and the request's duration. */
  calls: { requestedAfter: number; duration: number }[];
}

export interface WheelResult {
  /** Intervals between consecutive animation frames while the wheel turned. */
  frameIntervals: number[];
  /** Frames in which at least one row in view was still a placeholder. */
  framesWithPlaceholders: number;
  /** From the last wheel event to the first frame with every row in view filled in. */
  settled: number;
  rowsTravelled: number;
}

type RowsInView = 'filled' | 'placeholders' | 'missing';

type FiguresWindow = Window & {
  __assayFigures: OpenMarks;
  __assayRowsInView: () => RowsInView;
  __assayFrames?: { stop: () => { intervals: number[]; placeholderFrames: number } };
};

/**
 * Records, from navigation start, when the first figure rows exist and when they are painted; and
 * installs the check the scroll probes use. Init scripts run whatever the page's CSP says (the app
 * forbids eval), and functions given to addInitScript are serialised alone, so all of it is here.
 */
function installFigureProbes(): void {
  const marks: OpenMarks = {};
  (window as unknown as FiguresWindow).__assayFigures = marks;
  // Whether every row in view at the scroll position is in the DOM and shows a figure. Row height
  // and count come from the page (the spacer is rows × row height), not from the source.
  (window as unknown as FiguresWindow).__assayRowsInView = () => {
    const body = document.querySelector('.figure-grid-body') as HTMLElement;
    const grid = document.querySelector('[role="grid"][aria-label="Figures"]') as HTMLElement;
    const total = Number(grid.getAttribute('aria-rowcount')) - 1;
    const spacer = body.querySelector('.figure-grid-spacer') as HTMLElement;
    const rowHeight = spacer.offsetHeight / Math.max(1, total);
    const first = Math.floor(body.scrollTop / rowHeight);
    const last = Math.min(total - 1, Math.ceil((body.scrollTop + body.clientHeight) / rowHeight) - 1);
    let state: RowsInView = 'filled';
    for (let index = first; index <= last; index += 1) {
      const row = spacer.querySelector(`[aria-rowindex="${index + 2}"]`);
      if (!row) return 'missing';
      if (row.classList.contains('loading')) state = 'placeholders';
    }
    return state;
  };
  const observer = new MutationObserver(() => {
    if (marks.rowsAt !== undefined || !document.querySelector('.figure-row:not(.loading)')) return;
    marks.rowsAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.rowsPainted = performance.now();
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const call = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/figures.list')) as PerformanceResourceTiming | undefined;
      marks.domContentLoaded = navigation?.domContentLoadedEventEnd;
      marks.callStart = call?.startTime;
      marks.callEnd = call?.responseEnd;
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function waitForFilledRows(page: Page, timeoutMs: number): Promise<number> {
  return page.evaluate(
    (limit) =>
      new Promise<number>((resolve, reject) => {
        const state = (window as unknown as FiguresWindow).__assayRowsInView;
        const started = performance.now();
        const check = () => {
          if (state() === 'filled') resolve(performance.now() - started);
          else if (performance.now() - started > limit) reject(new Error('the rows in view were not filled in time'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    timeoutMs
  );
}

/** Sets the scroll position and times, frame by frame, until the rows there are painted. */
async function jump(page: Page, at: number): Promise<JumpSample> {
  return page.evaluate(
    (share) =>
      new Promise<JumpSample>((resolve, reject) => {
        const state = (window as unknown as FiguresWindow).__assayRowsInView;
        const body = document.querySelector('.figure-grid-body') as HTMLElement;
        const callsBefore = performance.getEntriesByType('resource').length;
        const t0 = performance.now();
        body.scrollTop = share * (body.scrollHeight - body.clientHeight);
        let placed: number | null = null;
        const frame = () => {
          const now = performance.now();
          const current = state();
          if (placed === null && current !== 'missing') placed = now - t0;
          if (current === 'filled') {
            const calls = (performance.getEntriesByType('resource').slice(callsBefore) as PerformanceResourceTiming[])
              .filter((entry) => entry.name.includes('/api/figures.list'))
              .map((entry) => ({ requestedAfter: entry.startTime - t0, duration: entry.responseEnd - entry.startTime }));
            resolve({ at: share, placed: placed ?? now - t0, painted: now - t0, calls });
          } else if (now - t0 > 60_000) reject(new Error(`rows at ${share} were not painted within 60 s`));
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    at
  );
}

/** Turns the wheel over the table, recording every frame interval and whether rows were missing. */
async function wheel(page: Page, events: number, deltaY: number, gapMs: number): Promise<WheelResult> {
  const box = (await page.locator('.figure-grid-body').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const startTop = await page.locator('.figure-grid-body').evaluate((element) => element.scrollTop);
  await page.evaluate(() => {
    const state = (window as unknown as FiguresWindow).__assayRowsInView;
    const intervals: number[] = [];
    let placeholderFrames = 0;
    let last = performance.now();
    let running = true;
    const frame = (now: number) => {
      if (!running) return;
      intervals.push(now - last);
      last = now;
      if (state() !== 'filled') placeholderFrames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(frame);
    });
    (window as unknown as FiguresWindow).__assayFrames = {
      stop: () => {
        running = false;
        return { intervals, placeholderFrames };
      }
    };
  });
  for (let i = 0; i < events; i += 1) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(gapMs);
  }
  const { intervals, placeholderFrames } = await page.evaluate(() => (window as unknown as FiguresWindow).__assayFrames!.stop());
  const settled = await waitForFilledRows(page, 60_000);
  const endTop = await page.locator('.figure-grid-body').evaluate((element) => element.scrollTop);
  const rowHeight = await page.locator('.figure-row').first().evaluate((element) => element.getBoundingClientRect().height);
  return { frameIntervals: intervals, framesWithPlaceholders: placeholderFrames, settled, rowsTravelled: Math.round((endTop - startTop) / rowHeight) };
}

/** Deterministic jump targets: the middle, both ends, and spread-out places between. */
export function jumpTargets(count: number): number[] {
  const fixed = [0.5, 1, 0, 0.1, 0.9, 0.25, 0.75, 1, 0.33, 0.66];
  const targets = fixed.slice(0, count);
  for (let i = targets.length; i < count; i += 1) targets.push(Number(((i * 0.618034) % 1).toFixed(4)));
  return targets;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function describeSummary(summary: Summary): string {
  return `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, max ${ms(summary.max)}`;
}

/** The contract call the table pages with, on Assay's own connection, at a few depths and orders. */
function contractTimings(context: BenchContext, total: number): { label: string; summary: Summary }[] {
  const { dispatcher } = context.session();
  const samples = context.small ? 5 : 9;
  const depths: [string, number][] = [
    ['first page', 0],
    ['middle', Math.floor(total / 2 / 200) * 200],
    ['last page', Math.max(0, Math.floor((total - 1) / 200) * 200)]
  ];
  const orders: { sort: 'metric' | 'added' | 'value'; direction: 'asc' | 'desc' }[] = [
    { sort: 'metric', direction: 'asc' },
    { sort: 'added', direction: 'desc' },
    { sort: 'value', direction: 'desc' }
  ];
  const results: { label: string; summary: Summary }[] = [];
  for (const order of orders) {
    for (const [name, offset] of depths) {
      const times: number[] = [];
      for (let i = 0; i < samples + 1; i += 1) {
        const started = performance.now();
        dispatcher.call('figures.list', { ...order, limit: 200, offset });
        if (i > 0) times.push(performance.now() - started);
      }
      results.push({ label: `${order.sort} ${order.direction}, ${name}`, summary: summarize(times) });
    }
  }
  const facets: number[] = [];
  for (let i = 0; i < samples + 1; i += 1) {
    const started = performance.now();
    dispatcher.call('figures.facets', {});
    if (i > 0) facets.push(performance.now() - started);
  }
  results.push({ label: 'figures.facets', summary: summarize(facets) });
  return results;
}

export const rendererFiguresGroup: BenchGroup = {
  id: 'renderer-figures',
  title: 'renderer: the figures table (browser mode)',
  async run(context) {
    ensureRendererBuilt(context);
    const figureCount = context.manifest.evidence.figures;
    const figuresLabel = figureCount.toLocaleString('en');
    // The host opens the library itself; our own connection would only hold pages in memory.
    context.closeSession();
    const { host, url } = await startHost(context.workPath, { timeoutMs: 60_000 });
    let browser: Browser | null = null;
    const openIterations = context.small ? 3 : 5;
    const jumps = context.small ? 10 : 20;
    const viewport = { width: 1280, height: 860 };
    const openTimes: number[] = [];
    const openMarks: OpenMarks[] = [];
    let wheelResult: WheelResult;
    const jumpSamples: JumpSample[] = [];
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      // Open the figures view straight from its address: a fresh browser context per sample.
      let page: Page | null = null;
      for (let i = 0; i < openIterations + 1; i += 1) {
        const browserContext = await browser.newContext({ viewport });
        await browserContext.addInitScript({ content: KEEP_NAMES_SHIM });
        await browserContext.addInitScript(installFigureProbes);
        page = await browserContext.newPage();
        await page.goto(`${url}#/figures`);
        await page.waitForFunction(() => (window as unknown as FiguresWindow).__assayFigures.rowsPainted !== undefined, null, { timeout: 120_000 });
        if (i > 0) {
          const marks = await page.evaluate(() => (window as unknown as FiguresWindow).__assayFigures);
          openTimes.push(marks.rowsPainted!);
          openMarks.push(marks);
        }
        if (i < openIterations) await browserContext.close();
      }
      const table = page!;
      if (process.env.ASSAY_BENCH_SCREENSHOT) await table.screenshot({ path: process.env.ASSAY_BENCH_SCREENSHOT });

      // A fast wheel: 300 px every 16 ms for 150 events (about 1,300 rows in 2.4 s), twice.
      await waitForFilledRows(table, 60_000);
      const first = await wheel(table, 150, 300, 16);
      const second = await wheel(table, 150, 300, 16);
      wheelResult = {
        frameIntervals: [...first.frameIntervals, ...second.frameIntervals],
        framesWithPlaceholders: first.framesWithPlaceholders + second.framesWithPlaceholders,
        settled: Math.max(first.settled, second.settled),
        rowsTravelled: first.rowsTravelled + second.rowsTravelled
      };

      // Jumps, as dragging the scrollbar or pressing End does: one scrollTop change each.
      for (const target of jumpTargets(jumps)) {
        jumpSamples.push(await jump(table, target));
        await table.waitForTimeout(300);
      }
      if (process.env.ASSAY_BENCH_SCREENSHOT) await table.screenshot({ path: process.env.ASSAY_BENCH_SCREENSHOT.replace(/\.png$/, '-end.png') });
      await table.context().close();
    } finally {
      await browser?.close();
      await stopHost(host);
    }

    const contract = contractTimings(context, figureCount);
    context.closeSession();

    const open = summarize(openTimes);
    const median = (pick: (marks: OpenMarks) => number | undefined) => summarize(openMarks.map((marks) => pick(marks) ?? NaN)).p50.toFixed(0);
    const frames = summarize(wheelResult.frameIntervals);
    const longFrames = wheelResult.frameIntervals.filter((interval) => interval > 50).length;
    const painted = summarize(jumpSamples.map((sample) => sample.painted));
    const placed = summarize(jumpSamples.map((sample) => sample.placed));
    const calls = jumpSamples.flatMap((sample) => sample.calls);
    const callDurations = summarize(calls.map((call) => call.duration));
    const firstRequest = summarize(jumpSamples.filter((sample) => sample.calls.length > 0).map((sample) => Math.min(...sample.calls.map((call) => call.requestedAfter))));
    const toEnd = summarize(jumpSamples.filter((sample) => sample.at === 1).map((sample) => sample.painted));
    const contractNote = contract.map(({ label, summary }) => `${label} ${ms(summary.p50)}`).join('; ');

    return [
      finishRow({
        id: 'renderer-figures-open',
        operation: `renderer: open the figures view on ${figuresLabel} figures (navigation start → first rows painted)`,
        unit: 'ms',
        n: open.n,
        p50: open.p50,
        p95: open.p95,
        targets: [],
        notes: [
          `A new browser context (empty HTTP cache) per sample, after one warm-up, opening #/figures directly; from navigation start to the first requestAnimationFrame after the first row showing a figure is in the DOM. Not a row of issue 8 (no target).`,
          `Median timeline from navigation start: DOMContentLoaded (bundle run) ${median((marks) => marks.domContentLoaded)} ms, first figures.list requested ${median((marks) => marks.callStart)} ms and answered ${median((marks) => marks.callEnd)} ms, rows painted ${open.p50.toFixed(0)} ms.`
        ],
        details: { open, marks: openMarks }
      }),
      finishRow({
        id: 'renderer-figures-scroll',
        operation: `renderer: scroll the ${figuresLabel}-row figures table (wheel; frame intervals)`,
        unit: 'ms',
        n: frames.n,
        p50: frames.p50,
        p95: frames.p95,
        targets: [],
        notes: [
          `Two fast wheel scrolls over the table, each 150 wheel events of 300 px 16 ms apart (${wheelResult.rowsTravelled.toLocaleString('en')} rows travelled in all); every interval between consecutive animation frames while the wheel turned is a sample (16.7 ms is a frame at 60 Hz). Issue 8 sets no target.`,
          `${longFrames} of ${frames.n} frames took over 50 ms (longest ${ms(frames.max)}); in ${wheelResult.framesWithPlaceholders} frames (${((wheelResult.framesWithPlaceholders / Math.max(1, frames.n)) * 100).toFixed(0)}%) some row in view was still a placeholder, because pages of 200 figures are fetched only when the scroll pauses (60 ms) or every 250 ms while it goes on, two at a time. After the last wheel event the rows in view were all filled within ${ms(wheelResult.settled)}.`
        ],
        details: { frames, longFrames, framesWithPlaceholders: wheelResult.framesWithPlaceholders, settledMs: wheelResult.settled, rowsTravelled: wheelResult.rowsTravelled }
      }),
      finishRow({
        id: 'renderer-figures-jump',
        operation: `renderer: jump in the ${figuresLabel}-row figures table (scrollbar drag or End → rows there painted)`,
        unit: 'ms',
        n: painted.n,
        p50: painted.p50,
        p95: painted.p95,
        targets: [],
        notes: [
          `${painted.n} jumps (scrollTop set once: the middle, the end twice, the start, and places between), each timed in the page from the scroll to the first animation frame in which every row in view shows its figure. Jumps to the end: ${describeSummary(toEnd)}. Issue 8 sets no target.`,
          `Where the time goes: the rows of the new position are drawn as placeholders after ${describeSummary(placed)}; the first figures.list request leaves after ${ms(firstRequest.p50)} (p50; the table asks at once when it has not asked for 250 ms, as here, and otherwise waits 60 ms for the scroll to settle) and takes ${describeSummary(callDurations)} over HTTP (${calls.length} requests for ${painted.n} jumps; pages seen before are cached); the rest is React rendering the rows in view.`,
          `The same call on Assay's own connection (figures.list, 200 rows, p50): ${contractNote}.`
        ],
        details: { painted, placed, toEnd, callDurations, firstRequest, samples: jumpSamples, contract }
      })
    ];
  }
};
