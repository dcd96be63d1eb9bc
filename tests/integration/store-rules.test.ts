import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/core/edits';
import { fromInterchange, MAX_AMOUNT_FEN, MAX_WORKBOOK_FEN, toInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { WorkbookStore } from '../../src/main/services/store';
import { apiMethods, UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { budgetLine, department, project, tempFolder, unit } from './helpers/store-fixtures';

/**
 * One rule set for what a workbook may hold: the API's schema, the store and the interchange
 * format accept and refuse the same things, so every workbook the app holds can be exported and
 * imported again, and every total is exact.
 */

let folder: ReturnType<typeof tempFolder>;
let store: WorkbookStore;

beforeEach(() => {
  folder = tempFolder('rules-');
  store = WorkbookStore.create(join(folder.dir, 'rules.budget'), { department });
  store.apply([
    { op: 'put', collection: 'units', record: unit('u1') },
    { op: 'put', collection: 'projects', record: project('p1') },
  ]);
});

afterEach(() => {
  store.close();
  folder.remove();
});

/** What each of the three says about a workbook with these edits applied. */
function verdicts(edits: Edit[]): { api: boolean; store: string; interchange: string } {
  const api = apiMethods['workbook.edit'].args.safeParse({ edits }).success;
  let stored = 'ok';
  const before = structuredClone(store.workbook);
  try {
    store.apply(edits);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    stored = `${error.code}${error.params.context ? `_${error.params.context}` : ''}`;
  }
  const candidate = stored === 'ok' ? store.workbook : applyInMemory(before, edits);
  if (stored === 'ok') store.undo();
  expect(store.workbook).toEqual(before);
  const document = toInterchange(candidate);
  const parsed = fromInterchange(JSON.parse(JSON.stringify(document)));
  return { api, store: stored, interchange: parsed.ok ? 'ok' : parsed.issues[0]!.message };
}

/** The workbook as the edits would make it, for asking the interchange format about it. */
function applyInMemory(workbook: Workbook, edits: Edit[]): Workbook {
  const next = structuredClone(workbook);
  for (const edit of edits) {
    if (edit.op === 'put' && edit.collection === 'budgetLines') next.budgetLines = [...next.budgetLines.filter((line) => line.id !== edit.record.id), edit.record];
  }
  return next;
}

describe('one rule set for the API, the store and the interchange format', () => {
  it('bounds an amount at MAX_AMOUNT_FEN in all three: beyond it is refused, at it is exact and round-trips', () => {
    const line = (amount: number) => [{ op: 'put', collection: 'budgetLines', record: budgetLine('b1', { amount }) }] as Edit[];
    const refused = verdicts(line(Number.MAX_SAFE_INTEGER));
    expect(refused.api).toBe(false);
    expect(refused.store).toBe('store:invalidEdit');
    expect(refused.interchange).not.toBe('ok');
    expect(verdicts(line(-(MAX_AMOUNT_FEN + 1))).store).toBe('store:invalidEdit');
    expect(verdicts(line(MAX_AMOUNT_FEN))).toEqual({ api: true, store: 'ok', interchange: 'ok' });
    expect(verdicts(line(-MAX_AMOUNT_FEN))).toEqual({ api: true, store: 'ok', interchange: 'ok' });
    store.apply(line(MAX_AMOUNT_FEN));
    const again = fromInterchange(JSON.parse(JSON.stringify(toInterchange(store.workbook))));
    expect(again.ok && again.workbook).toEqual(store.workbook);
    expect(toInterchange(store.workbook).budgetLines[0]?.amount).toBe('999999999999.99');
  });

  it('lets a line name a project whatever its nature (a check finding, not a refusal), and refuses an unknown project, in both', () => {
    const basicNamingProject = [{ op: 'put', collection: 'budgetLines', record: budgetLine('b1', { nature: 'basic', projectId: 'p1' }) }] as Edit[];
    expect(verdicts(basicNamingProject)).toEqual({ api: true, store: 'ok', interchange: 'ok' });
    const projectWithout = [{ op: 'put', collection: 'budgetLines', record: budgetLine('b2', { nature: 'project', projectId: null }) }] as Edit[];
    expect(verdicts(projectWithout)).toEqual({ api: true, store: 'ok', interchange: 'ok' });
    const unknown = [{ op: 'put', collection: 'budgetLines', record: budgetLine('b3', { nature: 'project', projectId: 'nope' }) }] as Edit[];
    const verdict = verdicts(unknown);
    expect(verdict.store).toBe('store:invalidEdit_reference');
    expect(verdict.interchange).toBe('unknown project "nope"');
  });

  it('keeps every total exact: the amounts may not add up beyond MAX_WORKBOOK_FEN', () => {
    const lines = (count: number, amount: number): Edit[] =>
      Array.from({ length: count }, (_, n) => ({ op: 'put', collection: 'budgetLines', record: budgetLine(`big-${n}`, { amount }) }));
    // Nine lines at the cap: 899,999,999,999,991 分, summed exactly.
    store.apply(lines(9, MAX_AMOUNT_FEN));
    expect(store.workbook.budgetLines.reduce((sum, line) => sum + line.amount, 0)).toBe(899_999_999_999_991);
    const error = (() => {
      try {
        store.apply(lines(11, MAX_AMOUNT_FEN));
      } catch (caught) {
        return caught as UserError;
      }
      return null;
    })();
    expect(error?.code).toBe('store:invalidEdit');
    expect(error?.params.context).toBe('tooLarge');
    expect(createI18n('zh-CN').t(error!.code, error!.params)).toContain('10,000,000,000,000');
    expect(store.workbook.budgetLines).toHaveLength(9);
    const document = toInterchange({ ...store.workbook, budgetLines: [...store.workbook.budgetLines, budgetLine('one-more', { amount: MAX_AMOUNT_FEN })] });
    const parsed = fromInterchange(JSON.parse(JSON.stringify(document)));
    expect(parsed.ok).toBe(false);
    expect(MAX_WORKBOOK_FEN).toBeLessThan(Number.MAX_SAFE_INTEGER / 8);
  });

  it('refuses text with a lone surrogate, which the file would keep as U+FFFD', () => {
    const error = (() => {
      try {
        store.apply([{ op: 'put', collection: 'units', record: unit('u1', { name: '单位\ud800' }) }]);
      } catch (caught) {
        return caught as UserError;
      }
      return null;
    })();
    expect(error?.params).toMatchObject({ context: 'illFormedText', target: 'units/u1', field: 'name' });
    expect(store.workbook.units[0]?.name).toBe('单位u1');
    // A well-formed pair (an emoji, a rare character beyond the BMP) is fine.
    store.apply([{ op: 'put', collection: 'units', record: unit('u1', { name: '单位𠀀' }) }]);
    store.close();
    store = WorkbookStore.open(join(folder.dir, 'rules.budget'));
    expect(store.workbook.units[0]?.name).toBe('单位𠀀');
  });

  it('refuses two procurement groups of one id, as the interchange format does', () => {
    const item = { id: 'g-1', name: '复印纸', catalogCode: 'A05040101', measureUnit: '箱', quantity: 1, unitPrice: 100, amount: 100, smallFirmShare: 0 };
    const group = { id: 'g', unitId: 'u1', name: '公用类项目1', budget: 100, listedAfter: null, items: [item] };
    expect(() => store.apply([{ op: 'set', key: 'basicProcurement', value: [group, { ...group }] }])).toThrow(expect.objectContaining({ code: 'store:invalidEdit' }));
    expect(store.workbook.basicProcurement).toEqual([]);
  });
});
