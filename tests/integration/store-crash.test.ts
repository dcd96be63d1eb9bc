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
beforeAll(() => {
  folder = tempFolder('crash-');
});
afterAll(() => {
  folder.remove();
});

describe('crash safety', () => {
  it(`keeps every acknowledged edit and an intact file across ${KILLS} SIGKILLs`, async () => {
    const file = join(folder.dir, 'crash.budget');
    WorkbookStore.create(file, { department }).close();
    const setup = WorkbookStore.open(file);
    setup.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
    setup.close();

    const random = seededRandom(20250101);
    const acked = new Set<number>();
    let lastRevision = 0;
    let killedBeforeReady = 0;
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

      // The file as the killed process left it (with its write-ahead log) must be intact.
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();

      const store = WorkbookStore.open(file);
      const ids = new Set(store.workbook.budgetLines.map((line) => line.id));
      const missing = [...acked].filter((n) => !ids.has(`line-${n}`) || (n % BULK_EVERY === 0 && !ids.has(`bulk-${n}-${BULK_SIZE - 1}`)));
      expect(missing, `round ${round}`).toEqual([]);
      const numbers = store.workbook.budgetLines.flatMap((line) => /^line-(\d+)$/.exec(line.id)?.[1] ?? []).map(Number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(store.revision).toBeGreaterThanOrEqual(lastRevision);
      lastRevision = store.revision;
      store.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`[store-crash] ${KILLS} kills, ${acked.size} acknowledged edits, ${killedBeforeReady} kills before ready, ${seconds.toFixed(1)} s`);
    expect(acked.size).toBeGreaterThan(KILLS);
  }, 90_000);
});
