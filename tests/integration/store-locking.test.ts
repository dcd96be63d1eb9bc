import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../src/main/services/store';
import { processStart, thisMachine } from '../../src/main/services/store/lock-file';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { startHelper, type Child } from './helpers/store-child';
import { department, folderState, tempFolder, unit } from './helpers/store-fixtures';

let folder: ReturnType<typeof tempFolder>;
let file: string;
const children: Child[] = [];

beforeEach(() => {
  folder = tempFolder('locking-');
  file = join(folder.dir, 'shared.budget');
  const store = WorkbookStore.create(file, { department });
  store.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
  store.close();
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  folder.remove();
});

function refusal(run: () => unknown): UserError {
  try {
    const store = run() as WorkbookStore;
    store.close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

async function holdInChild(): Promise<Child> {
  const child = startHelper('store-holder.ts', ['hold', file]);
  children.push(child);
  await child.waitFor(/^ready /);
  return child;
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

describe('one writer', () => {
  it('refuses a second opener in another process, naming this holder, until it closes', async () => {
    const store = WorkbookStore.open(file);
    const child = startHelper('store-holder.ts', ['try', file]);
    children.push(child);
    const line = await child.waitFor(/^(refused|opened)/);
    const { code, params } = JSON.parse(line.replace(/^refused /, '')) as { code: string; params: Record<string, string | number> };
    expect(code).toBe('store:locked');
    expect(params).toMatchObject({ pid: process.pid, host: hostname() });
    expect(params.lockFile).toBe(`${file}.lock`);
    expect(createI18n('zh-CN').t(code, params)).toBe(
      `这个文件已在别处打开（进程 ${process.pid}，主机 ${hostname()}），请先在那里关闭。如果那里的程序已无响应，结束该进程后即可打开；锁文件是 ${file}.lock。`,
    );
    store.close();

    const again = startHelper('store-holder.ts', ['try', file]);
    children.push(again);
    expect(await again.waitFor(/^(refused|opened)/)).toBe('opened');
  });

  it('is refused while another process holds the file, and opens once it closes', async () => {
    const child = await holdInChild();
    const before = folderState(folder.dir);
    const error = refusal(() => WorkbookStore.open(file));
    expect(error.code).toBe('store:locked');
    expect(error.params).toMatchObject({ pid: child.process.pid, host: hostname() });
    expect(folderState(folder.dir)).toEqual(before);
    // inspect still answers while the file is held.
    expect(WorkbookStore.inspect(file).department).toEqual(department);

    child.process.stdin.write('close\n');
    await child.waitFor(/^closed$/);
    await child.exited;
    expect(existsSync(`${file}.lock`)).toBe(false);
    const store = WorkbookStore.open(file);
    expect(store.workbook.units.map((u) => u.id)).toEqual(['u1']);
    store.close();
  });

  it("still refuses through SQLite's exclusive lock when the lock file was deleted under a live holder", async () => {
    await holdInChild();
    unlinkSync(`${file}.lock`);
    const before = folderState(folder.dir);
    const error = refusal(() => WorkbookStore.open(file));
    expect(error.code).toBe('store:locked');
    expect(error.params.context).toBe('unknownHolder');
    expect(folderState(folder.dir)).toEqual(before);
    expect(createI18n('zh-CN').t(error.code, error.params)).toBe(
      `这个文件已在别处打开，请先在那里关闭。如果找不到打开它的程序，关闭或重启那台电脑后即可打开；锁文件是 ${file}.lock。`,
    );
  });

  it('refuses a second open within the same process', () => {
    const first = WorkbookStore.open(file);
    const error = refusal(() => WorkbookStore.open(file));
    expect(error.code).toBe('store:locked');
    expect(error.params).toMatchObject({ pid: process.pid });
    // A different spelling of the same path is the same file.
    expect(refusal(() => WorkbookStore.open(join(folder.dir, '.', 'shared.budget'))).code).toBe('store:locked');
    first.apply([{ op: 'put', collection: 'units', record: unit('u2') }]);
    first.close();
    const second = WorkbookStore.open(file);
    expect(second.workbook.units).toHaveLength(2);
    second.close();
  });

  it('takes over a stale lock left by a dead process on this host', () => {
    const pid = deadPid();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: '2024-01-01T00:00:00.000Z', token: 'old' }));
    const store = WorkbookStore.open(file);
    const lock = JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    store.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock naming this process when this process does not have the file open', () => {
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: '', token: 'leftover' }));
    WorkbookStore.open(file).close();
  });

  it('takes over a lock whose pid now belongs to another process (the pid was reused)', async () => {
    // A live process with the pid the lock names, but started after the lock was taken.
    const other = startHelper('store-holder.ts', ['idle', file]);
    children.push(other);
    await other.waitFor(/^idle /);
    const pid = other.process.pid as number;
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid, host: hostname(), since: '2024-01-01T00:00:00.000Z', token: 'old', machine: thisMachine(), started: `${processStart(pid)}-earlier` }),
    );
    const store = WorkbookStore.open(file);
    expect((JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    store.close();
    // A lock written before start times were recorded (no "started"): SQLite's lock decides, and it is free.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: '2024-01-01T00:00:00.000Z', token: 'older' }));
    WorkbookStore.open(file).close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over an empty or garbled lock file when nobody holds the workbook, and refuses it while someone does', async () => {
    for (const text of ['', '{"pid":', '\u0000\u0000\u0000', 'not a lock']) {
      writeFileSync(`${file}.lock`, text);
      WorkbookStore.open(file).close();
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
    await holdInChild();
    writeFileSync(`${file}.lock`, '');
    const error = refusal(() => WorkbookStore.open(file));
    expect(error.params).toMatchObject({ context: 'unknownHolder', lockFile: `${file}.lock` });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe('');
  });

  it('takes over a lock written under an earlier host name of this machine', () => {
    if (thisMachine() === '') return;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: 'old-name-of-this-pc', since: '2024-01-01T00:00:00.000Z', token: 'x', machine: thisMachine(), started: '' }));
    WorkbookStore.open(file).close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("takes over another host's lock when SQLite's lock is free, and refuses it, naming the lock file, while the file is held", async () => {
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: 'clerk-pc-02', since: '2024-01-01T00:00:00.000Z', token: 'x', machine: 'f'.repeat(32) }));
    WorkbookStore.open(file).close();
    expect(existsSync(`${file}.lock`)).toBe(false);

    // The same lock while a holder really has the file open (on a share both machines reach).
    await holdInChild();
    const lock = JSON.stringify({ pid: 4242, host: 'clerk-pc-02', since: '2024-01-01T00:00:00.000Z', token: 'y', machine: 'f'.repeat(32) });
    writeFileSync(`${file}.lock`, lock);
    const before = folderState(folder.dir);
    const error = refusal(() => WorkbookStore.open(file));
    expect(error.code).toBe('store:locked');
    expect(error.params).toMatchObject({ pid: 4242, host: 'clerk-pc-02', lockFile: `${file}.lock` });
    expect(folderState(folder.dir)).toEqual(before);
    for (const language of ['zh-CN', 'en'] as const) expect(createI18n(language).t(error.code, error.params)).toContain(`${file}.lock`);
  });
});
