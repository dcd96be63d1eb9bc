import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdownTable } from '../../src/core/checks/rule-table';

describe('docs/checks.md', () => {
  it('lists every rule exactly as the code defines it', () => {
    const doc = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    const table = /<!-- rules:begin -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(doc)?.[1];
    expect(table).toBe(rulesMarkdownTable());
  });
});
