import '../src/main/runtime/require-script-node';
/**
 * Learning benchmark (prints JSON): time to learn a seed-sized package — each seed's package exported with its
 * built-in template and with a perturbed one (zeros 0.00, a table removed, 公用经费 split) — from the .xlsx bytes
 * to the learned variant: reading the sheets as displayed, learning without facts, and learning with the seed's
 * facts (readings decided by the numbers, the variant loaded, the proof over every number cell). Goal: under 2 s
 * per package. Median of 5 runs after one warm-up. Run: node --import tsx bench/learn.bench.ts
 */
import type { TemplateSpec } from '../src/core/tables/spec';
import { builtinLookup, loadTemplate, TEMPLATES } from '../src/core/templates';
import { learnTemplate } from '../src/core/templates/learn';
import { buildXlsx, reportTables } from '../src/main/services/export';
import { readPublishedGrids } from '../src/main/services/templates/learn-read';
import { loadSeedWorkbook, SEED_IDS } from '../tests/support/seeds';

const RUNS = 5;
const GOAL_MS = 2000;
const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function perturbed(seed: string): TemplateSpec {
  const base = TEMPLATES[seed] as TemplateSpec;
  // A table no catalogue lists (Shaanxi's 目录 names most of its tables).
  const listed = new Set(base.tables.flatMap((table) => table.body.flatMap((part) => (part.kind === 'tableCatalogue' ? part.entries.map((entry) => entry.table) : []))));
  const removed = [...base.tables].reverse().find((table) => !listed.has(table.id) && !table.body.some((part) => part.kind === 'tableCatalogue'))?.id ?? '';
  const result = loadTemplate({ format: 'budget-desk-template', formatVersion: 1, id: `${seed}-bench`, version: 1, name: 'bench', extends: seed, money: { zero: '0.00' }, tables: { remove: [removed] } }, builtinLookup);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.template;
}

async function time(action: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const bases = Object.values(TEMPLATES);
const packages: Record<string, unknown>[] = [];
for (const seed of SEED_IDS) {
  const workbook = loadSeedWorkbook(seed);
  for (const [variant, template] of [
    ['built-in', TEMPLATES[seed] as TemplateSpec],
    ['perturbed', perturbed(seed)],
  ] as const) {
    const { bytes } = await buildXlsx(reportTables(workbook, template), {});
    const grids = await readPublishedGrids(bytes, 'published.xlsx');
    // Warm-up: module-level caches (catalogue terms, facts) are built once per process.
    learnTemplate(grids, { bases, facts: workbook });
    const read: number[] = [];
    const blind: number[] = [];
    const proved: number[] = [];
    let proof = learnTemplate(grids, { bases, facts: workbook }).proof;
    for (let run = 0; run < RUNS; run += 1) {
      read.push(await time(() => readPublishedGrids(bytes, 'published.xlsx')));
      blind.push(await time(() => learnTemplate(grids, { bases })));
      proved.push(
        await time(() => {
          proof = learnTemplate(grids, { bases, facts: workbook }).proof;
        }),
      );
    }
    const total = median(read) + median(proved);
    packages.push({
      seed,
      template: variant,
      sheets: grids.length,
      cells: grids.reduce((sum, grid) => sum + grid.rows.reduce((n, row) => n + row.filter((text) => text !== '').length, 0), 0),
      bytes: bytes.byteLength,
      readMs: round(median(read)),
      learnMs: round(median(blind)),
      learnWithProofMs: round(median(proved)),
      totalMs: round(total),
      numberCells: proof?.numberCells ?? 0,
      reproduced: proof?.reproduced ?? 0,
      withinGoal: total < GOAL_MS,
    });
  }
}
console.log(JSON.stringify({ goalMs: GOAL_MS, runs: RUNS, node: process.version, packages }, null, 2));
