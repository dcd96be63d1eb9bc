/**
 * Child process for the locking tests. `hold <file>`: opens the workbook, prints "ready", and
 * closes it when stdin says "close" (or ends). `try <file>`: tries to open and prints the outcome.
 * `idle`: a live process that holds nothing (its pid stands for a reused one).
 */
import { createInterface } from 'node:readline';
import { WorkbookStore } from '../../../src/main/services/store';
import { UserError } from '../../../src/shared/api';

const [mode, file] = process.argv.slice(2) as [string, string];

if (mode === 'idle') {
  // Any live process: holds nothing, waits until killed.
  console.log(`idle ${process.pid}`);
  setInterval(() => {}, 60_000);
} else if (mode === 'try') {
  try {
    WorkbookStore.open(file).close();
    console.log('opened');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.log(`refused ${JSON.stringify({ code: error.code, params: error.params })}`);
  }
} else {
  const store = WorkbookStore.open(file);
  console.log(`ready ${process.pid}`);
  const input = createInterface({ input: process.stdin });
  const finish = () => {
    store.close();
    console.log('closed');
    process.exit(0);
  };
  input.on('line', (line) => {
    if (line.trim() === 'close') finish();
  });
  input.on('close', finish);
}
