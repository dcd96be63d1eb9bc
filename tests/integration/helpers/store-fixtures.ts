import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BudgetLine, Department, IncomeLine, Project, Unit } from '../../../src/core/model';

/** The crash test's writer makes every BULK_EVERY-th edit a bulk edit of BULK_SIZE extra lines. */
export const BULK_EVERY = 25;
export const BULK_SIZE = 200;

export function tempFolder(prefix = 'store-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `budget-desk-${prefix}`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const department: Department = { code: '036', name: '某市医疗保障局', year: 2025, publishedOn: '' };

export function unit(id: string, overrides: Partial<Unit> = {}): Unit {
  return {
    id,
    code: `036${id.replace(/\D/g, '').padStart(3, '0')}`,
    name: `单位${id}`,
    kind: 'admin',
    authorizedStaff: 20,
    actualStaff: 18,
    retiredStaff: 5,
    ...overrides,
  };
}

export function budgetLine(id: string, overrides: Partial<BudgetLine> = {}): BudgetLine {
  return {
    id,
    unitId: 'u1',
    functionCode: '2101501',
    deptEconCode: '30101',
    govEconCode: '50101',
    nature: 'basic',
    projectId: null,
    fund: 'gen.appropriation',
    amount: 123_456,
    note: '',
    ...overrides,
  };
}

export function incomeLine(id: string, overrides: Partial<IncomeLine> = {}): IncomeLine {
  return { id, unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 500_000, ...overrides };
}

export function project(id: string, overrides: Partial<Project> = {}): Project {
  return {
    id,
    code: '419001240000000004001',
    name: `项目${id}`,
    unitId: 'u1',
    type: 'specificGoal',
    purpose: '保障医保信息系统运行',
    spendingPlan: { march: 25, june: 50.5, october: 80, december: 100 },
    continuing: true,
    procurement: [
      {
        id: `${id}-p1`,
        name: '服务器',
        catalogCode: 'A02010103',
        measureUnit: '台',
        quantity: 2,
        unitPrice: 3_000_000,
        amount: 6_000_000,
        smallFirmShare: 40,
      },
    ],
    performance: {
      goal: '系统全年稳定运行',
      indicators: [
        { id: `${id}-i1`, level1: '产出', level2: '数量', level3: '运维系统数', description: '', value: '≥1个', valueNote: '' },
      ],
    },
    ...overrides,
  };
}

/** Bytes and mtime of every file in a folder, to prove an attempt changed nothing. */
export function folderState(dir: string): Record<string, { sha: string; mtimeMs: number }> {
  const state: Record<string, { sha: string; mtimeMs: number }> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    state[name] = { sha: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
  }
  return state;
}
