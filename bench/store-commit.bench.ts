import '../src/main/runtime/require-script-node';
/**
 * Commit-cost benchmark for the workbook file (prints JSON): what one acknowledged edit costs, fsync
 * included, for each way of keeping the `.budget` file complete on its own (docs/workbook-file.md,
 * "Durability"). Every mode runs the store's own write path — writeChanges, the undo step, the revision
 * bump, in one transaction under locking_mode=EXCLUSIVE and synchronous=FULL — on a copy of the same
 * generated workbook, in a folder on the disk os.tmpdir() is on (not tmpfs: fsync must cost what it costs):
 *
 * - `wal`                 the file format before issue 15: committed edits wait in the -wal (the file alone lacks them)
 * - `wal+checkpoint`      WAL, and wal_checkpoint(TRUNCATE) after every commit
 * - `delete`, `truncate`, `persist`   a rollback journal; the edit is in the main file when the commit returns
 *
 * Beside them, `after.storeApply` measures WorkbookStore.apply end to end (validation, applyEdits, the
 * commit) as the store ships (`delete`), on the same workbook. Run:
 * node_modules/.bin/node --import tsx bench/store-commit.bench.ts [lines=5000] [edits=300]
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Edit } from '../src/core/edits';
import type { BudgetLine, Workbook } from '../src/core/model';
import { WorkbookStore } from '../src/main/services/store';
import { appendStep, readUndoPosition } from '../src/main/services/store/undo-log';
import { writeChanges } from '../src/main/services/store/write-changes';
import { mulberry32 } from '../tests/support/random';
import { generateWorkbook } from './generate';

const LINES = Number(process.argv[2] ?? 5000);
const EDITS = Number(process.argv[3] ?? 300);
const MODES = ['wal', 'wal+checkpoint', 'delete', 'truncate', 'persist'] as const;
type Mode = (typeof MODES)[number];

const round = (value: number) => Math.round(value * 1000) / 1000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function summary(times: number[]) {
  const mean = times.reduce((sum, time) => sum + time, 0) / Math.max(1, times.length);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), mean: round(mean), edits: times.length };
}

/** The edits a clerk makes most: one amount changed in place. */
function amountEdits(lines: readonly BudgetLine[], count: number, seed: number): Edit[][] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const line = lines[Math.floor(random() * lines.length)] as BudgetLine;
    return [{ op: 'put', collection: 'budgetLines', record: { ...line, amount: Math.round(random() * 5_000_000) * 10 } }];
  });
}

interface ModeRun {
  mode: Mode;
  path: string;
  db: Database.Database;
  commit(edit: Edit[]): void;
  times: number[];
}

/** A copy of the workbook opened as the store opens it, in `mode`: its commit is the store's. */
function openMode(mode: Mode, template: string, folder: string, workbook: Workbook): ModeRun {
  const path = join(folder, `${mode.replace('+', '-')}.budget`);
  copyFileSync(template, path);
  const db = new Database(path, { fileMustExist: true });
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN EXCLUSIVE; COMMIT');
  db.pragma(`journal_mode = ${mode.startsWith('wal') ? 'WAL' : mode.toUpperCase()}`);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  let undo = readUndoPosition(db);
  const bump = db.prepare('UPDATE state SET revision = revision + 1 WHERE id = 1');
  const committedAt = new Date().toISOString();
  const transaction = db.transaction((edit: Edit[]) => {
    writeChanges(db, workbook, edit);
    const position = appendStep(db, undo, edit, edit, committedAt);
    bump.run();
    return position;
  });
  return {
    mode,
    path,
    db,
    times: [],
    commit(edit) {
      undo = transaction.immediate(edit);
      if (mode === 'wal+checkpoint') db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

/**
 * All modes edit in turn (edit 1 in every mode, then edit 2 …), and the store as it ships with them,
 * so that whatever else the machine is doing meanwhile weighs on every one alike.
 */
function measure(template: string, folder: string, edits: Edit[][], workbook: Workbook) {
  const runs = MODES.map((mode) => openMode(mode, template, folder, workbook));
  const storePath = join(folder, 'store.budget');
  copyFileSync(template, storePath);
  const store = WorkbookStore.open(storePath);
  const storeTimes: number[] = [];
  try {
    for (const edit of edits) {
      for (const run of runs) {
        const started = performance.now();
        run.commit(edit);
        run.times.push(performance.now() - started);
      }
      const started = performance.now();
      store.apply(edit);
      storeTimes.push(performance.now() - started);
    }
  } finally {
    store.close();
  }
  const modes = Object.fromEntries(runs.map((run) => [run.mode, { ...summary(run.times), walBytesAtEnd: fileSize(`${run.path}-wal`) }]));
  for (const run of runs) run.db.close();
  return { modes: modes as Record<Mode, ReturnType<typeof summary> & { walBytesAtEnd: number }>, store: summary(storeTimes) };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const folder = mkdtempSync(join(tmpdir(), 'budget-desk-bench-store-'));
try {
  const started = performance.now();
  const workbook = generateWorkbook({ units: 20, linesPerUnit: Math.max(1, Math.round(LINES / 20)), projects: 100 });
  const template = join(folder, 'template.budget');
  const seedStore = WorkbookStore.create(template, { department: workbook.department });
  seedStore.replaceAll(workbook);
  seedStore.close();
  const edits = amountEdits(workbook.budgetLines, EDITS, 15);
  const { modes, store } = measure(template, folder, edits, workbook);
  const result = {
    benchmark: 'store-commit',
    node: process.version,
    sqlite: (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    folder: tmpdir(),
    lines: workbook.budgetLines.length,
    target: { p95MsPerEdit: 10 },
    note: 'ms per committed one-line edit, fsync included; "wal" is the format before issue 15 (the file alone lacks committed edits)',
    before: { mode: 'wal', ...modes.wal },
    modes,
    after: { mode: 'delete', commit: modes.delete, storeApply: store },
    meetsTarget: store.p95 < 10,
    totalSeconds: round((performance.now() - started) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
