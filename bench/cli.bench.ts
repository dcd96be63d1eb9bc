import '../src/main/runtime/require-script-node';
/**
 * CLI start-up benchmark (prints JSON): wall time of `info` on generated workbooks, the way `npm run cli`
 * runs it (scripts/cli.mjs → the bundled CLI, counts read by COUNT(*)), against the peer in the same run:
 * the CLI compiled by tsx at start, as `npm run cli` ran before issue 16. Each sample is a fresh process.
 * Run: node_modules/.bin/node --import tsx bench/cli.bench.ts [samples=20] [sizes=500,50000,200000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookStore } from '../src/main/services/store';
import { generateWorkbook } from './generate';

const SAMPLES = Number(process.argv[2] ?? 20);
const SIZES = (process.argv[3] ?? '500,50000,200000').split(',').map(Number);
const TARGET_MS = 300;
const root = join(import.meta.dirname, '..');
const round = (value: number) => Math.round(value * 10) / 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function time(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

function stats(times: number[]) {
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), samples: times.length };
}

const work = mkdtempSync(join(tmpdir(), 'budget-cli-bench-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')]);
  const results = [];
  for (const lines of SIZES) {
    const path = join(work, `w${lines}.budget`);
    const workbook = generateWorkbook({ units: 20, linesPerUnit: Math.max(1, Math.round(lines / 20)), projects: 100 });
    const store = WorkbookStore.create(path, { department: workbook.department });
    store.replaceAll(workbook);
    store.close();
    const bundled: number[] = [];
    const tsx: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      bundled.push(time([join(root, 'scripts/cli.mjs'), 'info', path]));
      tsx.push(time(['--import', 'tsx', join(root, 'src/main/cli/index.ts'), 'info', path]));
    }
    results.push({ lines: workbook.budgetLines.length, fileMB: round(statSync(path).size / 1e6), bundled: stats(bundled), peerTsx: stats(tsx) });
  }
  const usage: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const started = performance.now();
    spawnSync(process.execPath, [join(root, 'scripts/cli.mjs')], { cwd: root });
    usage.push(performance.now() - started);
  }
  const output = {
    bench: 'cli',
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    goal: { infoP95Ms: TARGET_MS },
    usageOnly: stats(usage),
    info: results,
    meetsTargets: { info: Object.fromEntries(results.map((result) => [String(result.lines), result.bundled.p95 <= TARGET_MS])) },
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
