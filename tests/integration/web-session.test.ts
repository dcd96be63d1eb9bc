import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWebSession, writeWebSession } from '../../src/main/web/web-session';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'budget-web-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('browser mode’s remembered address', () => {
  it('keeps port and token for the next run, readable by its owner only', () => {
    expect(readWebSession(dir)).toBeNull();
    writeWebSession(dir, { port: 41_377, token: 'abcdefghijklmnopqrstuvwxyz_-0123' });
    expect(readWebSession(dir)).toEqual({ port: 41_377, token: 'abcdefghijklmnopqrstuvwxyz_-0123' });
    expect(statSync(join(dir, 'web-session.json')).mode & 0o777).toBe(0o600);
  });

  it('ignores a file that is not ours: damaged, a short token, a port out of range, extra fields', () => {
    for (const text of ['{', '{"port":0,"token":"abcdefghijklmnopqrstuvwxyz"}', '{"port":80,"token":"short"}', '{"port":80,"token":"abcdefghijklmnopqrstuvwxyz","x":1}']) {
      writeFileSync(join(dir, 'web-session.json'), text);
      expect(readWebSession(dir), text).toBeNull();
    }
  });
});
