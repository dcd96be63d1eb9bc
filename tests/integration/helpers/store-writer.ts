/**
 * Child process for the crash test. Prints "loaded" once its modules are loaded and waits for "go"
 * on stdin (so the test can start the next writer while checking the last one); then opens the
 * workbook and applies numbered edits as fast as it can, printing "ack N" only after edit N has
 * committed, until it is killed. Every 7th edit is also undone and redone; every BULK_EVERY-th
 * adds BULK_SIZE extra lines in the same edit.
 */
import { createInterface } from 'node:readline';
import type { Edit } from '../../../src/core/edits';
import { WorkbookStore } from '../../../src/main/services/store';
import { BULK_EVERY, BULK_SIZE, budgetLine } from './store-fixtures';

console.log('loaded');
await new Promise<void>((resolve) => {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'go') resolve();
  });
});
const store = WorkbookStore.open(process.argv[2] as string);
let n = 1 + Math.max(0, ...store.workbook.budgetLines.map((line) => Number(/^line-(\d+)$/.exec(line.id)?.[1] ?? 0)));
console.log(`ready ${n}`);
for (;;) {
  const edits: Edit[] = [{ op: 'put', collection: 'budgetLines', record: budgetLine(`line-${n}`, { amount: n }) }];
  if (n % BULK_EVERY === 0) {
    for (let k = 0; k < BULK_SIZE; k += 1) {
      edits.push({ op: 'put', collection: 'budgetLines', record: budgetLine(`bulk-${n}-${k}`, { note: '批量'.repeat(20) }) });
    }
  }
  store.apply(edits);
  if (n % 7 === 0) {
    store.undo();
    store.redo();
  }
  console.log(`ack ${n}`);
  n += 1;
}
