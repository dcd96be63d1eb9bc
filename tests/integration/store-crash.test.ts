import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../src/main/services/store';
import { startHelper, type Child } from './helpers/store-child';
import { BULK_EVERY, BULK_SIZE, department, tempFolder, unit } from './helpers/store-fixtures';
import { mulberry32 as seededRandom } from '../support/random';


const KILLS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let folder: ReturnType<typeof tempFolder>;
let copies: ReturnType<typeof tempFolder>;
beforeAll(() => {
  folder = tempFolder('crash-');
  copies = tempFolder('crash-copies-');
});
afterAll(() => {
  folder.remove();
  copies.remove();
});

function readIfThere(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

/** integrity_check of the file (with `journal` beside it, when given) in a folder of its own, leaving the original alone. */
function integrity(path: string, journal: Buffer | null): string {
  const scratch = tempFolder('crash-check-');
  try {
    const copy = join(scratch.dir, 'check.budget');
    copyFileSync(path, copy);
    if (journal) writeFileSync(`${copy}-journal`, journal);
    try {
      const db = new Database(copy);
      try {
        return String(db.pragma('integrity_check', { simple: true }));
      } finally {
        db.close();
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  } finally {
    scratch.remove();
  }
}

function missingEdits(store: WorkbookStore, acked: Set<number>): number[] {
  const ids = new Set(store.workbook.budgetLines.map((line) => line.id));
  return [...acked].filter((n) => !ids.has(`line-${n}`) || (n % BULK_EVERY === 0 && !ids.has(`bulk-${n}-${BULK_SIZE - 1}`)));
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit and an intact file across ${KILLS} SIGKILLs; after each, the file alone is complete`, async () => {
    const file = join(folder.dir, 'crash.budget');
    WorkbookStore.create(file, { department }).close();
    const setup = WorkbookStore.open(file);
    setup.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
    setup.close();

    const random = seededRandom(20250101);
    const acked = new Set<number>();
    let lastRevision = 0;
    let killedBeforeReady = 0;
    let interruptedCommits = 0;
    let tornAlone = 0;
    const started = performance.now();
    // Writers are started ahead of time (they load their modules, then wait for "go"), so that
    // their start-up overlaps with the rounds before them.
    const ahead = [startHelper('store-writer.ts', [file]), startHelper('store-writer.ts', [file])];
    let spawned = ahead.length;
    for (let round = 0; round < KILLS; round += 1) {
      const child = ahead.shift() as Child;
      await child.waitFor(/^loaded$/);
      child.process.stdin.write('go\n');
      if (random() < 0.15) {
        // Somewhere in start-up: taking over the stale lock, checking, recovering, loading.
        await sleep(random() * 60);
      } else {
        await child.waitFor(/^ready /);
        await sleep(random() * 120);
      }
      child.process.kill('SIGKILL');
      const exit = await child.exited;
      if (spawned < KILLS) {
        ahead.push(startHelper('store-writer.ts', [file]));
        spawned += 1;
      }
      expect(exit.signal, child.stderr()).toBe('SIGKILL');
      if (!child.lines.some((line) => line.startsWith('ready'))) killedBeforeReady += 1;
      for (const line of child.lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked.add(Number(match[1]));
      }

      // The file format keeps no write-ahead log: nothing committed lives beside the file.
      expect(existsSync(`${file}-wal`), `round ${round}`).toBe(false);
      const journal = readIfThere(`${file}-journal`);
      // A journal whose header is not zeroed belongs to a commit the kill interrupted (not acknowledged).
      const interrupted = journal !== null && journal.subarray(0, 8).some((byte) => byte !== 0);
      if (interrupted) interruptedCommits += 1;

      // The file as the killed process left it, with SQLite's journal, must be intact (checked in a copy).
      expect(integrity(file, journal), `round ${round}`).toBe('ok');

      // The file alone — copied as a clerk copies it, without anything beside it — holds every acknowledged edit.
      const alone = join(copies.dir, `round-${round}.budget`);
      copyFileSync(file, alone);
      const aloneCheck = integrity(alone, null);
      if (aloneCheck === 'ok') {
        const copy = WorkbookStore.open(alone);
        expect(missingEdits(copy, acked), `round ${round}: the file alone`).toEqual([]);
        copy.close();
      } else {
        // Only possible when the kill fell among the page writes of a commit in flight, which the journal undoes.
        expect(interrupted, `round ${round}: the file alone is damaged (${aloneCheck}) without an interrupted commit`).toBe(true);
        tornAlone += 1;
      }

      const store = WorkbookStore.open(file);
      expect(missingEdits(store, acked), `round ${round}`).toEqual([]);
      const numbers = store.workbook.budgetLines.flatMap((line) => /^line-(\d+)$/.exec(line.id)?.[1] ?? []).map(Number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(store.revision).toBeGreaterThanOrEqual(lastRevision);
      lastRevision = store.revision;
      store.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[store-crash] ${KILLS} kills, ${acked.size} acknowledged edits, ${killedBeforeReady} kills before ready, ` +
        `${interruptedCommits} interrupted commits, ${tornAlone} copies of the file alone torn by one, ${seconds.toFixed(1)} s`,
    );
    expect(acked.size).toBeGreaterThan(KILLS);
  }, 90_000);
});
