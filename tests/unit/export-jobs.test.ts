import { describe, expect, it } from 'vitest';
import { ExportJobs, type ExportControl } from '../../src/main/services/export';
import { UserError } from '../../src/shared/api';

/** The job bookkeeping on its own, with exports whose steps the test drives. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ExportJobs', () => {
  it('reports progress that never goes backwards, then the result once', async () => {
    const jobs = new ExportJobs<string>();
    const step = gate();
    const id = jobs.start(async ({ onProgress }: ExportControl) => {
      onProgress?.(0.4, 'sheets');
      onProgress?.(0.2, 'write');
      await step.opened;
      return 'written';
    });
    expect(jobs.status(id)).toMatchObject({ state: 'running', fraction: 0, stage: 'evaluate' });
    await settle();
    expect(jobs.status(id)).toMatchObject({ state: 'running', fraction: 0.4, stage: 'write' });
    step.open();
    await settle();
    expect(jobs.status(id)).toEqual({ jobId: id, state: 'done', fraction: 1, stage: 'done', result: 'written' });
    expect(() => jobs.status(id)).toThrow(new UserError('export:unknownJob'));
  });

  it('runs one export at a time', async () => {
    const jobs = new ExportJobs<string>();
    const step = gate();
    const first = jobs.start(async () => (await step.opened, 'a'));
    expect(() => jobs.start(async () => 'b')).toThrow(new UserError('export:busy'));
    step.open();
    await settle();
    // Finished but unread does not block the next one.
    const second = jobs.start(async () => 'b');
    await settle();
    expect(jobs.status(first).result).toBe('a');
    expect(jobs.status(second).result).toBe('b');
  });

  it('cancels through the signal and answers when the export has stopped', async () => {
    const jobs = new ExportJobs<string>();
    const step = gate();
    const id = jobs.start(async ({ signal }: ExportControl) => {
      await step.opened;
      if (signal?.aborted) throw new UserError('export:cancelled');
      return 'written';
    });
    const cancelling = jobs.cancel(id);
    let answered = false;
    void cancelling.then(() => (answered = true));
    await settle();
    expect(answered).toBe(false);
    step.open();
    const final = await cancelling;
    expect(final.state).toBe('cancelled');
    expect(final.result).toBeUndefined();
    expect(final.error).toBeUndefined();
    expect(jobs.status(id).state).toBe('cancelled');
  });

  it('says "done" when the export finished before the cancel arrived', async () => {
    const jobs = new ExportJobs<string>();
    const id = jobs.start(async () => 'written');
    await settle();
    expect(await jobs.cancel(id)).toMatchObject({ state: 'done', result: 'written' });
  });

  it('passes user errors on and hides anything else behind errors:internal, logged', async () => {
    const logged: string[] = [];
    const jobs = new ExportJobs<string>((message) => logged.push(message));
    const worded = jobs.start(async () => {
      throw new UserError('export:writeFailed', { path: '/x', detail: 'EACCES' });
    });
    await settle();
    expect(jobs.status(worded)).toMatchObject({ state: 'failed', error: { code: 'export:writeFailed', params: { path: '/x', detail: 'EACCES' } } });
    const crashed = jobs.start(async () => {
      throw new TypeError('boom');
    });
    await settle();
    expect(jobs.status(crashed)).toMatchObject({ state: 'failed', error: { code: 'errors:internal', params: {} } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('boom');
  });

  it('keeps at most 20 unread finished jobs, dropping the oldest', async () => {
    const jobs = new ExportJobs<number>();
    const ids: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      ids.push(jobs.start(async () => index));
      await settle();
    }
    for (const id of ids.slice(0, 4)) expect(() => jobs.status(id)).toThrow(new UserError('export:unknownJob'));
    for (const [index, id] of ids.slice(4).entries()) expect(jobs.status(id).result).toBe(index + 4);
  });
});
