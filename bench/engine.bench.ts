import '../src/main/runtime/require-script-node';
/**
 * Engine benchmark (prints JSON). A generated consolidated workbook of 100 units × 500 lines (50,000 lines)
 * plus 1,000 projects: time to evaluate all tables of each template, to run all checks, and to re-check
 * after one edited amount (p50/p95 over 1,000 random edits). In the same run, the peer — the way clerks
 * work today, a spreadsheet of SUMIFS formulas recalculated by a formula engine (HyperFormula) — does the
 * same pivots and balance checks; it is measured on a 5,000-line workbook (at 50,000 lines one SUMIFS
 * recalculation takes over a minute) and our engine on that same workbook, so the ratio compares like
 * with like. Run: npm run bench
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { applyEdits } from '../src/core/edits';
import type { Workbook } from '../src/core/model';
import { evaluateTemplate } from '../src/core/tables/evaluate';
import { catalogNames } from '../src/core/tables/names';
import { builtinLookup, loadTemplate, TEMPLATES } from '../src/core/templates';
import { checkEngine } from './checks-adapter';
import { mulberry32 } from '../tests/support/random';
import { generateWorkbook } from './generate';
import { buildPeer, peerEdit } from './peer-sumifs';

const round = (value: number) => Math.round(value * 1000) / 1000;

function timeOnce(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function evaluateAll(workbook: Workbook): number {
  const names = catalogNames(workbook);
  let cells = 0;
  for (const template of Object.values(TEMPLATES)) {
    for (const table of evaluateTemplate(workbook, template, names)) cells += table.rows.length * table.columnCount;
  }
  return cells;
}

function measureOurs(workbook: Workbook, edits: number) {
  const names = catalogNames(workbook);
  const perTemplate: Record<string, number> = {};
  for (const template of Object.values(TEMPLATES)) {
    evaluateTemplate(workbook, template, names);
    perTemplate[template.id] = round(median(Array.from({ length: 5 }, () => timeOnce(() => evaluateTemplate(workbook, template, names)))));
  }
  const checks = checkEngine(workbook);
  const fullCheck = median(Array.from({ length: 3 }, () => timeOnce(() => checks.full(workbook))));
  const random = mulberry32(7);
  let current = workbook;
  const session = checks.session(current);
  const editTimes: number[] = [];
  for (let index = 0; index < edits; index += 1) {
    const line = current.budgetLines[Math.floor(random() * current.budgetLines.length)]!;
    const next = { ...line, amount: Math.round(random() * 5_000_000) * 10 };
    editTimes.push(
      timeOnce(() => {
        current = applyEdits(current, [{ op: 'put', collection: 'budgetLines', record: next }]).workbook;
        session.update(current, [{ collection: 'budgetLines', id: next.id }]);
      }),
    );
  }
  return {
    lines: workbook.budgetLines.length,
    projects: workbook.projects.length,
    allTablesMs: perTemplate,
    allChecksMs: round(fullCheck),
    recheckAfterEditMs: { p50: round(percentile(editTimes, 50)), p95: round(percentile(editTimes, 95)), edits },
  };
}

function measurePeer(workbook: Workbook, edits: number) {
  let peer!: ReturnType<typeof buildPeer>;
  const buildMs = timeOnce(() => {
    peer = buildPeer(workbook);
  });
  const random = mulberry32(11);
  const editTimes = Array.from({ length: edits }, () => {
    const line = workbook.budgetLines[Math.floor(random() * workbook.budgetLines.length)]!;
    return timeOnce(() => peerEdit(peer, line.id, Math.round(random() * 5_000_000) * 10));
  });
  return { lines: workbook.budgetLines.length, formulas: peer.formulaCount, buildAndCalculateMs: round(buildMs), recalcAfterEditMs: { p50: round(percentile(editTimes, 50)), p95: round(percentile(editTimes, 95)), edits } };
}

function ensurePeerInstalled() {
  const peerDir = new URL('./peer/', import.meta.url).pathname;
  if (!existsSync(`${peerDir}node_modules/hyperformula`)) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', peerDir], { stdio: 'ignore' });
  }
}

/**
 * What reading a template costs where a clerk waits for it (opening the templates screen, importing a file):
 * JSON.parse, the schema, the variant's overlay and validation, per file; the county variant adds its base.
 */
function measureTemplateLoading() {
  const files: Record<string, URL> = {
    ...Object.fromEntries(Object.keys(TEMPLATES).map((id) => [id, new URL(`../resources/templates/${id}.json`, import.meta.url)])),
    'henan-2024-county (variant)': new URL('../tests/fixtures/templates/henan-county-variant.json', import.meta.url),
  };
  const out: Record<string, { bytes: number; loadAndResolveMs: { p50: number; p95: number } }> = {};
  for (const [name, url] of Object.entries(files)) {
    const text = readFileSync(url, 'utf8');
    const times = Array.from({ length: 30 }, () =>
      timeOnce(() => {
        if (!loadTemplate(text, builtinLookup).ok) throw new Error(`${name} does not load`);
      }),
    );
    out[name] = { bytes: Buffer.byteLength(text), loadAndResolveMs: { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) } };
  }
  return out;
}

ensurePeerInstalled();
const started = performance.now();
const large = generateWorkbook({ units: 100, linesPerUnit: 500, projects: 1000 });
const small = generateWorkbook({ units: 10, linesPerUnit: 500, projects: 100 });
evaluateAll(small);

const ours50k = measureOurs(large, 1000);
const ours5k = measureOurs(small, 200);
const peer5k = measurePeer(small, 15);
const ourAll5k = Object.values(ours5k.allTablesMs).reduce((a, b) => a + b, 0) + ours5k.allChecksMs;

const result = {
  benchmark: 'engine',
  node: process.version,
  targets: { recheckAfterEditP95Ms: 10, allTablesOfATemplateMs: 200 },
  ours: { large: ours50k, small: ours5k, templateFiles: measureTemplateLoading() },
  peer: { name: 'HyperFormula SUMIFS workbook (bench/peer)', small: peer5k },
  ratios: {
    note: 'our time ÷ peer time on the same 5,000-line workbook; below 1 means we are faster',
    fullEvaluation: round(ourAll5k / peer5k.buildAndCalculateMs),
    oneEdit: round(ours5k.recheckAfterEditMs.p50 / peer5k.recalcAfterEditMs.p50),
  },
  meetsTargets: {
    recheckAfterEdit: ours50k.recheckAfterEditMs.p95 < 10,
    allTables: Object.values(ours50k.allTablesMs).every((ms) => ms < 200),
  },
  totalSeconds: round((performance.now() - started) / 1000),
};
console.log(JSON.stringify(result, null, 2));
