import '../src/main/runtime/require-script-node';
/**
 * Grid benchmark (prints JSON). Writes a 50,000-line workbook (bench/generate.ts, every line basic
 * expenditure so that one grid holds them all), starts the browser-mode server on it, opens it in
 * Chromium at 1366×768 and measures: time to the start screen, to the open workbook, to the first
 * rows of the expenditure grid; frame times (p50, p95, max, frames over 16.7 and 50 ms) while
 * scrolling the grid from top to bottom a screen per frame, and five rows per frame over 5,000 rows;
 * and how long an amount typed at row 40,000 takes to show in its cell and in the status bar. In the
 * same run the peer — a plain HTML table of the same 50,000 rows, what a grid without virtualization
 * puts in the DOM — is loaded and scrolled the same way.
 *
 * Needs the built renderer: npm run build:web && node --import tsx bench/grid.bench.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { fundDisplay, natureDisplay } from '../src/core/workbench';
import { formatMoney } from '../src/core/money';
import { WorkbookStore } from '../src/main/services/store';
import { generateWorkbook } from './generate';

const SCREEN_STEP = 1400;
const WHEEL_STEP = 140;
const WHEEL_DISTANCE = 5000 * 28;

const repo = resolve(import.meta.dirname, '..');
const round = (value: number) => Math.round(value * 10) / 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function frameStats(frames: number[]) {
  return {
    frames: frames.length,
    p50Ms: round(percentile(frames, 50)),
    p95Ms: round(percentile(frames, 95)),
    maxMs: round(Math.max(...frames)),
    /** Frames that would miss a 60 Hz display's next refresh. */
    over16_7Ms: frames.filter((frame) => frame > 1000 / 60).length,
    over50Ms: frames.filter((frame) => frame > 50).length,
  };
}

/**
 * Scrolls `selector` down `step` pixels per frame until the bottom or `limit` pixels, and returns the
 * interval between consecutive frames. Chromium runs with the frame-rate limit and vsync off, so a
 * frame starts as soon as the last one is done and the interval is what the frame cost (scroll
 * handlers, React, style, layout, paint, raster). Paced at 60 Hz every interval would read 16.7 ms or
 * a multiple and say nothing about headroom. The scroll range is read once: reading scrollHeight each
 * frame would force a layout a real wheel or scrollbar never does. Kept as source text: tsx would wrap
 * a function literal in helpers the page does not have.
 */
const SCROLL_THROUGH = `(selector, step, limit) => new Promise((done) => {
  const element = document.querySelector(selector);
  const start = element.scrollTop;
  const end = Math.min(element.scrollHeight - element.clientHeight, start + limit);
  const frames = [];
  let last = -1;
  const tick = (now) => {
    if (last >= 0) frames.push(now - last);
    last = now;
    if (element.scrollTop >= end - 1) {
      done({ frames, distance: element.scrollTop - start });
      return;
    }
    element.scrollTop = Math.min(end, element.scrollTop + step);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

interface ScrollRun {
  frames: number[];
  distance: number;
}

async function scrollThrough(page: Page, selector: string, step: number, limit = Number.MAX_SAFE_INTEGER): Promise<ScrollRun> {
  return page.evaluate(`(${SCROLL_THROUGH})(${JSON.stringify(selector)}, ${step}, ${limit})`);
}

type Metrics = Record<string, number>;

async function mainThreadMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

/** Average main-thread milliseconds per frame between two Performance.getMetrics samples. */
function perFrame(before: Metrics, after: Metrics, frames: number) {
  const ms = (name: string) => round((((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / frames);
  return { taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration'), styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration') };
}

/** One scroll pass over `selector`, with the main thread's average cost per frame beside the frame times. */
async function measureScroll(page: Page, cdp: CDPSession, selector: string, step: number, limit?: number) {
  const before = await mainThreadMetrics(cdp);
  const run = await scrollThrough(page, selector, step, limit);
  return { pxPerFrame: step, distancePx: run.distance, frameMs: frameStats(run.frames), mainThreadPerFrameMs: perFrame(before, await mainThreadMetrics(cdp), run.frames.length) };
}

async function startServer(dataDir: string, configDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--print-json', '--port', '0', '--data-dir', dataDir, '--config-dir', configDir], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BUDGET_DESK_LANG: 'zh-CN' },
  });
  const ready = await new Promise<{ url: string }>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => rejectReady(new Error('web server did not start within 30 s')), 30_000);
    child.once('exit', (code) => rejectReady(new Error(`web server exited early (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolveReady(JSON.parse(line) as { url: string });
    });
  });
  return { url: ready.url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) };
}

if (!existsSync(join(repo, 'out/web/index.html'))) {
  process.stderr.write('bench/grid: build the renderer first (npm run build:web)\n');
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'budget-desk-grid-bench-'));
const dataDir = join(root, 'data');
mkdirSync(dataDir);
const workbook = generateWorkbook({ units: 100, linesPerUnit: 500, projects: 0 });
const file = join(dataDir, 'grid-bench.budget');
const writeStarted = performance.now();
const store = WorkbookStore.create(file, { department: workbook.department, entryUnit: 'wan' });
store.replaceAll(workbook);
store.close();
const writeMs = performance.now() - writeStarted;

const server = await startServer(dataDir, join(root, 'config'));
const browser = await chromium.launch({
  executablePath: process.env.BUDGET_DESK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const navigationStarted = performance.now();
  await page.goto(server.url);
  await page.getByRole('heading', { name: '打开预算文件' }).waitFor();
  const startScreenMs = performance.now() - navigationStarted;

  const openStarted = performance.now();
  await page.getByLabel('文件名或路径').fill('grid-bench');
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.getByRole('navigation', { name: '编制内容' }).waitFor();
  const openWorkbookMs = performance.now() - openStarted;

  const gridStarted = performance.now();
  await page.getByRole('navigation', { name: '编制内容' }).getByRole('button', { name: '基本支出', exact: true }).click();
  await page.locator('[data-grid="budgetLines"] [data-row="0"] [data-col="amount"]').waitFor();
  const gridVisibleMs = performance.now() - gridStarted;
  const rows = await page.locator('[data-grid="budgetLines"] [data-kind="record"]').count();
  // The first full check run (reported below) happens once after opening; scroll after it.
  await page.locator('.status-running').waitFor({ state: 'hidden' });
  const recordCount = await page.locator('[data-grid="budgetLines"] .grid-count').innerText();

  // Two passes: a full screen per frame from top to bottom (every visible row is new on every frame,
  // as when the scrollbar is dragged), then five rows per frame (a fast mouse wheel) over 5,000 rows.
  const gridScroller = '[data-grid="budgetLines"] .grid-scroll';
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // BUDGET_DESK_BENCH_PROFILE=file.cpuprofile records the first pass (open it in Chrome's DevTools).
  const profileFile = process.env.BUDGET_DESK_BENCH_PROFILE;
  if (profileFile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  // BUDGET_DESK_BENCH_TRACE=file.json records a Chrome trace of the first pass (Perfetto, chrome://tracing).
  const traceFile = process.env.BUDGET_DESK_BENCH_TRACE;
  if (traceFile) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const topToBottom = await measureScroll(page, cdp, gridScroller, SCREEN_STEP);
  if (traceFile) await browser.stopTracing();
  if (profileFile) writeFileSync(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const renderedRows = await page.locator('[data-grid="budgetLines"] [data-kind="record"]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row'))));
  await page.evaluate(`document.querySelector('${gridScroller}').scrollTop = ${20_000 * 28}`);
  const wheel = await measureScroll(page, cdp, gridScroller, WHEEL_STEP, WHEEL_DISTANCE);

  // Type an amount far down the grid and wait until the cell and the status bar show it.
  await page.evaluate(`document.querySelector('[data-grid="budgetLines"] .grid-scroll').scrollTop = ${39_990 * 28}`);
  const target = page.locator('[data-grid="budgetLines"] [data-row="40000"] [data-col="amount"]');
  await target.click();
  const before = await page.getByTestId('status-expenditure').innerText();
  const editStarted = performance.now();
  await page.keyboard.type('12345.67');
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.querySelector('[data-grid="budgetLines"] [data-row="40000"] [data-col="amount"]')?.textContent === '12,345.67'`);
  const cellUpdatedMs = performance.now() - editStarted;
  await page.waitForFunction(`document.querySelector('[data-testid="status-expenditure"]')?.textContent !== ${JSON.stringify(before)}`);
  const statusUpdatedMs = performance.now() - editStarted;
  await page.getByTestId('status-checks').click();
  await page.locator('.check-panel').waitFor();
  const checkRuns = (await page.evaluate(
    `performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('budget-desk:checks')).map((entry) => ({ name: entry.name.slice(12), ms: entry.duration }))`,
  )) as { name: string; ms: number }[];

  // The peer: the same rows as one plain table, everything in the DOM. BUDGET_DESK_BENCH_PEER=0 skips it.
  const withPeer = process.env.BUDGET_DESK_BENCH_PEER !== '0';
  const peer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const units = new Map(workbook.units.map((unit) => [unit.id, unit.name]));
  const html = withPeer ? [
    '<!doctype html><meta charset="utf-8"><style>body{margin:0;font:13px sans-serif}#s{height:700px;overflow:auto}td{padding:0 8px;height:27px;white-space:nowrap;border:1px solid #eee}</style><div id="s"><table><tbody>',
    ...workbook.budgetLines.map(
      (line) =>
        `<tr><td>${units.get(line.unitId)}</td><td>${line.functionCode}</td><td>${line.deptEconCode}</td><td>${line.govEconCode}</td><td>${natureDisplay(line.nature, 'zh')}</td><td>${fundDisplay(line.fund, 'zh')}</td><td>${formatMoney(line.amount, 'wan')}</td><td>${line.note}</td></tr>`,
    ),
    '</tbody></table></div>',
  ].join('') : '<div id="s"></div>';
  const peerStarted = performance.now();
  await peer.setContent(html, { waitUntil: 'load', timeout: 300_000 });
  await peer.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const peerRenderMs = performance.now() - peerStarted;
  const peerCdp = await peer.context().newCDPSession(peer);
  await peerCdp.send('Performance.enable');
  const peerTopToBottom = withPeer ? await measureScroll(peer, peerCdp, '#s', SCREEN_STEP) : null;
  if (withPeer) await peer.evaluate(`document.querySelector('#s').scrollTop = ${20_000 * 27}`);
  const peerWheel = withPeer ? await measureScroll(peer, peerCdp, '#s', WHEEL_STEP, WHEEL_DISTANCE) : null;

  const result = {
    benchmark: 'grid',
    chromium: browser.version(),
    viewport: '1366x768',
    lines: workbook.budgetLines.length,
    shownInGrid: recordCount,
    domRowsAtOnce: rows,
    writeWorkbookFileMs: round(writeMs),
    ours: {
      startScreenMs: round(startScreenMs),
      openWorkbookMs: round(openWorkbookMs),
      expenditureGridMs: round(gridVisibleMs),
      timeToFirstInteractiveGridMs: round(startScreenMs + openWorkbookMs + gridVisibleMs),
      scrollTopToBottom: { ...topToBottom, lastRenderedRow: Math.max(...renderedRows) },
      scrollWheel: wheel,
      typeAmountAtRow40000: { cellShownMs: round(cellUpdatedMs), statusBarMs: round(statusUpdatedMs) },
      checksInBrowser: {
        fullRunMs: round(checkRuns.find((run) => run.name === 'checks-full')?.ms ?? 0),
        afterEditMs: round(checkRuns.filter((run) => run.name === 'checks-update').reduce((max, run) => Math.max(max, run.ms), 0)),
      },
    },
    peer: withPeer
      ? {
          name: 'plain HTML table with all 50,000 rows in the DOM (no virtualization)',
          renderMs: round(peerRenderMs),
          scrollTopToBottom: peerTopToBottom,
          scrollWheel: peerWheel,
        }
      : null,
    ratios: peerTopToBottom && peerWheel
      ? {
          note: 'ours ÷ peer; below 1 means the grid is faster',
          firstScreen: round((openWorkbookMs + gridVisibleMs) / peerRenderMs),
          scrollTopToBottomFrameP95: round(topToBottom.frameMs.p95Ms / peerTopToBottom.frameMs.p95Ms),
          scrollWheelFrameP95: round(wheel.frameMs.p95Ms / peerWheel.frameMs.p95Ms),
        }
      : null,
    targets: { scrollFrameP95Ms: 16, timeToFirstInteractiveGridMs: 3000 },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
}
