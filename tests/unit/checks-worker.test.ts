import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, runChecks } from '../../src/core/checks';
import type { Edit } from '../../src/core/edits';
import type { Workbook } from '../../src/core/model';
import { applyPatch, workbookPatch } from '../../src/core/patch';
import { changedBetween } from '../../src/core/workbench';
import { createChecksHost, type ChecksReply, type ChecksRequest } from '../../src/renderer/state/checks-host';
import { mulberry32 } from '../support/random';
import { BASIC_GROUP, baseWorkbook, budgetLine, edit, incomeLine, PROJECT, WAN } from './checks-builders';

const FUNDS = ['gen.appropriation', 'carry.gen', 'fund.regular', 'unit.other'];

/** One random edit of the kinds a clerk makes: amounts, codes, inserted and deleted rows, singletons. */
function randomEdit(workbook: Workbook, random: () => number, serial: number): Edit[] {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const line = workbook.budgetLines.length > 0 ? pick(workbook.budgetLines) : undefined;
  switch (Math.floor(random() * 8)) {
    case 0:
    case 1:
      return line ? [{ op: 'put', collection: 'budgetLines', record: { ...line, amount: Math.round(random() * 40) * WAN } }] : [];
    case 2:
      return line ? [{ op: 'put', collection: 'budgetLines', record: { ...line, fund: pick(FUNDS), functionCode: pick(['2101501', '2101502', '21015']) } }] : [];
    case 3:
      return line ? [{ op: 'delete', collection: 'budgetLines', id: line.id }] : [];
    case 4: {
      const record = budgetLine(`n${serial}`, { unitId: pick(['u1', 'u2']), amount: Math.round(random() * 20) * WAN });
      return [{ op: 'put', collection: 'budgetLines', record, at: Math.floor(random() * (workbook.budgetLines.length + 1)) }];
    }
    case 5:
      return [{ op: 'put', collection: 'incomeLines', record: incomeLine(`i${serial}`, pick(['u1', 'u2']), Math.round(random() * 30) * WAN, pick(FUNDS)) }];
    case 6:
      return [{ op: 'put', collection: 'projects', record: { ...PROJECT, id: `p${serial}`, name: `项目${serial}` } }];
    default:
      return [
        { op: 'set', key: 'texts', value: { ...workbook.texts, other: `说明${serial}` } },
        { op: 'set', key: 'basicProcurement', value: workbook.basicProcurement.length > 0 ? [] : [BASIC_GROUP] },
      ];
  }
}

function startingWorkbook(): Workbook {
  const lines: Edit[] = Array.from({ length: 40 }, (_, index) => ({
    op: 'put',
    collection: 'budgetLines',
    record: budgetLine(`x${index}`, { unitId: index % 2 === 0 ? 'u1' : 'u2', amount: (index + 1) * WAN }),
  }));
  return edit(baseWorkbook(), lines);
}

describe('workbook patch', () => {
  it('turns the old workbook into the new one after every step of a random edit sequence, keeping untouched records', () => {
    const random = mulberry32(4242);
    let workbook = startingWorkbook();
    for (let step = 0; step < 300; step += 1) {
      const next = edit(workbook, randomEdit(workbook, random, step));
      const parts = changedBetween(workbook, next);
      const patch = workbookPatch(workbook, next);
      // The parts an incremental session is told are the ones changedBetween finds.
      expect(patch?.parts).toEqual(parts);
      // Through structuredClone, as a worker receives it.
      const patched = applyPatch(workbook, structuredClone(patch!));
      expect(patched).toEqual(next);
      const before = new Map(workbook.budgetLines.map((record) => [record.id, record]));
      for (const record of patched.budgetLines) {
        const changed = parts!.some((part) => part.collection === 'budgetLines' && part.id === record.id);
        if (!changed) expect(record).toBe(before.get(record.id));
      }
      workbook = next;
    }
  });

  it('sends only the changed records, and the order only when rows came or went', () => {
    const workbook = startingWorkbook();
    const amount = edit(workbook, [{ op: 'put', collection: 'budgetLines', record: { ...workbook.budgetLines[5]!, amount: 1 } }]);
    const amountPatch = workbookPatch(workbook, amount)!;
    expect(amountPatch.collections.budgetLines).toEqual({ records: [amount.budgetLines[5]] });
    const deleted = edit(workbook, [{ op: 'delete', collection: 'budgetLines', id: 'x7' }]);
    const deletePatch = workbookPatch(workbook, deleted)!;
    expect(deletePatch.collections.budgetLines?.records).toEqual([]);
    expect(deletePatch.collections.budgetLines?.order).toEqual(deleted.budgetLines.map((line) => line.id));
  });

  it('is null when more records changed than the limit, so the page sends the whole workbook', () => {
    const workbook = startingWorkbook();
    const all = { ...workbook, budgetLines: workbook.budgetLines.map((line) => ({ ...line, amount: line.amount + 1 })) };
    expect(workbookPatch(workbook, all, 10)).toBeNull();
    expect(workbookPatch(workbook, all)?.parts).toHaveLength(workbook.budgetLines.length);
    expect(workbookPatch(workbook, { ...workbook })?.parts).toEqual([]);
  });

  it('refuses a patch that names a record neither side holds', () => {
    const workbook = startingWorkbook();
    expect(() => applyPatch(workbook, { parts: [], singletons: {}, collections: { budgetLines: { records: [], order: ['nope'] } } })).toThrow(/nope/);
  });
});

describe('checks host (the worker side)', () => {
  it('gives a full run’s findings after every patch it is sent', () => {
    const random = mulberry32(777);
    const host = createChecksHost();
    let workbook = startingWorkbook();
    const send = (request: ChecksRequest): ChecksReply => structuredClone(host.handle(structuredClone(request)));
    const first = send({ type: 'reset', seq: 1, workbook, options: {} });
    expect(first).toMatchObject({ type: 'findings', seq: 1, full: true, lines: workbook.budgetLines.length });
    expect(first.type === 'findings' && first.findings).toEqual(runChecks(workbook, checkCatalogForWorkbook));
    let sawFindings = false;
    for (let step = 0; step < 150; step += 1) {
      const next = edit(workbook, randomEdit(workbook, random, step));
      const reply = send({ type: 'update', seq: step + 2, patch: workbookPatch(workbook, next)! });
      expect(reply.type).toBe('findings');
      if (reply.type !== 'findings') return;
      expect(reply.seq).toBe(step + 2);
      expect(reply.full).toBe(false);
      expect(reply.findings).toEqual(runChecks(next, checkCatalogForWorkbook));
      sawFindings ||= reply.findings.length > 0;
      workbook = next;
    }
    expect(sawFindings).toBe(true);
  });

  it('answers an update it cannot apply with a failure and forgets its copy, so the page resets it', () => {
    const host = createChecksHost();
    expect(host.handle({ type: 'update', seq: 1, patch: { parts: [], singletons: {}, collections: {} } })).toMatchObject({ type: 'failed', seq: 1 });
    const workbook = startingWorkbook();
    host.handle({ type: 'reset', seq: 2, workbook, options: {} });
    const broken = host.handle({ type: 'update', seq: 3, patch: { parts: [], singletons: {}, collections: { budgetLines: { records: [], order: ['ghost'] } } } });
    expect(broken).toMatchObject({ type: 'failed', seq: 3 });
    expect(host.handle({ type: 'update', seq: 4, patch: { parts: [], singletons: {}, collections: {} } })).toMatchObject({ type: 'failed', message: 'update before reset' });
  });
});
