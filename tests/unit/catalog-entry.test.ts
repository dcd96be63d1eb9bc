import { describe, expect, it } from 'vitest';
import { BUILTIN_EDITION, catalogFor, catalogForWorkbook, editionFor, planCatalogImport, workbookEdition } from '../../src/core/catalog';
import { BUILTIN_EDITIONS, builtinCatalogFiles, builtinEconMapping, type CatalogFile } from '../../src/core/catalog/builtin';
import { checkCatalogForWorkbook, runChecks } from '../../src/core/checks';
import { applyEdits as applyWithInverse, type Edit } from '../../src/core/edits';
import { emptyWorkbook, UNIT_KINDS, type BudgetLine, type CatalogKind, type IncomeLine, type UnitKind, type Workbook } from '../../src/core/model';
import { budgetLineCodec } from '../../src/core/workbench/budget-lines';
import type { CellContext } from '../../src/core/workbench/cells';
import { incomeLineCodec } from '../../src/core/workbench/income-lines';
import { planCommit } from '../../src/core/workbench/rows';

/**
 * "Never block the clerk on our own lists": a well-formed code the catalogue does not list is saved
 * and flagged, the built-in economic lists are complete, and the year's edition is chosen (or the
 * latest one used, saying so).
 */

/** A county 司法局 (justice bureau), 2025: its lines live under 204 06 司法. */
function justiceBureau(year = 2025): Workbook {
  const empty = emptyWorkbook({ code: '041', name: '示范县司法局', year, publishedOn: '' });
  return applyEdits(empty, [
    { op: 'put', collection: 'units', record: { id: 'u1', code: '041001', name: '示范县司法局', kind: 'admin', authorizedStaff: 20, actualStaff: 18, retiredStaff: 3 } },
    { op: 'put', collection: 'units', record: { id: 'u2', code: '041002', name: '示范县公证处', kind: 'institution', authorizedStaff: 6, actualStaff: 6, retiredStaff: 0 } },
  ]);
}

const ctxFor = (workbook: Workbook): CellContext => ({
  catalog: catalogForWorkbook(workbook),
  units: workbook.units,
  projects: workbook.projects,
  entryUnit: workbook.settings.entryUnit,
  language: 'zh',
});
const codec = budgetLineCodec({ natures: ['basic', 'operating', 'remitUpward', 'subsidyAffiliates'] });
const defaults: Partial<BudgetLine> = { nature: 'basic', projectId: null, fund: 'gen.appropriation' };
const applyEdits = (workbook: Workbook, edits: Edit[]): Workbook => applyWithInverse(workbook, edits).workbook;
let counter = 0;
const newId = () => `line${(counter += 1)}`;

/** Types rows into the expenditure grid as a clerk does; answers what is saved and what stays a draft. */
function typeRows(workbook: Workbook, rows: Record<string, string>[]) {
  const changes = rows.map((texts, index) => ({ key: `draft-${index}`, record: null, texts }));
  const plan = planCommit(codec, ctxFor(workbook), changes, new Map(), defaults, newId);
  const saved = applyEdits(workbook, plan.puts.map((record) => ({ op: 'put', collection: 'budgetLines', record }) as Edit));
  const drafts = [...plan.drafts.entries()].filter(([, draft]) => draft !== null);
  return { plan, saved, drafts };
}

describe('a 司法局 enters its budget', () => {
  it('saves lines under 2040601 and its neighbours, with the only legal 政府经济 code filled in', () => {
    const rows = [
      { unitId: '041001', functionCode: '2040601 行政运行', deptEconCode: '30101', amount: '120' },
      { unitId: '041001', functionCode: '2040604', deptEconCode: '30201', amount: '8' },
      { unitId: '041001', functionCode: '2040610 社区矫正', deptEconCode: '30227', amount: '15' },
      { unitId: '041002', functionCode: '2040650', deptEconCode: '30101', amount: '30' },
    ];
    const { plan, saved, drafts } = typeRows(justiceBureau(), rows);
    expect(drafts).toEqual([]);
    expect(plan.puts.map((line) => [line.functionCode, line.deptEconCode, line.govEconCode])).toEqual([
      ['2040601', '30101', '50101'],
      ['2040604', '30201', '50201'],
      ['2040610', '30227', '50205'],
      ['2040650', '30101', '50501'],
    ]);
    // The catalogue knows these codes: no finding about them.
    const findings = runChecks(saved, checkCatalogForWorkbook).filter((finding) => finding.ruleId.endsWith('Unknown'));
    expect(findings).toEqual([]);
    expect(catalogForWorkbook(saved).functionAncestors('2040601')).toEqual(['204', '20406', '2040601']);
  });

  it('saves a mistyped or unlisted code at once, with a warning on its cell, never as a draft', () => {
    const rows: Record<string, string>[] = [
      // 2040601 typed as 2040061: a code of an unlisted 款 20400.
      { unitId: '041001', functionCode: '2040061', deptEconCode: '30101', amount: '120' },
      // A 项 the Ministry may add during the year.
      { unitId: '041001', functionCode: '2040697 新设司法项目', deptEconCode: '30299', govEconCode: '50299', amount: '2' },
      // An economic 款 we do not list.
      { unitId: '041001', functionCode: '2040601', deptEconCode: '30298', govEconCode: '50299', amount: '1' },
    ];
    const { plan, saved, drafts } = typeRows(justiceBureau(), rows);
    expect(drafts).toEqual([]);
    expect(plan.puts.map((line) => line.functionCode)).toEqual(['2040061', '2040697', '2040601']);
    const findings = runChecks(saved, checkCatalogForWorkbook).filter((finding) => finding.location.entity === 'budgetLine');
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.params.code, finding.params.row])).toEqual([
      ['line.functionUnknown', 'warning', '2040061', 1],
      ['line.functionUnknown', 'warning', '2040697', 2],
      ['line.deptEconUnknown', 'warning', '30298', 3],
    ]);
    expect(findings[0]?.location.tables).toEqual([{ tableId: 'budgetLines', rowKey: plan.puts[0]?.id, column: 'functionCode' }]);
  });

  it('does not call 政府性基金 money on an unlisted 款 an error: which budget it belongs to is unknown', () => {
    const workbook = applyEdits(justiceBureau(), [
      { op: 'put', collection: 'incomeLines', record: { id: 'i1', unitId: 'u1', fund: 'fund.regular', functionCode: null, amount: 1_000_000 } satisfies IncomeLine },
    ]);
    const { saved, drafts } = typeRows(workbook, [{ unitId: '041001', functionCode: '2049801', deptEconCode: '30201', fund: '政府性基金预算拨款', amount: '1' }]);
    expect(drafts).toEqual([]);
    const ids = runChecks(saved, checkCatalogForWorkbook).map((finding) => finding.ruleId);
    expect(ids).toContain('line.functionUnknown');
    expect(ids).not.toContain('line.fundMoneyOnGeneralFunction');
  });

  it('still marks text that is no code of the column: wrong length, letters, another classification', () => {
    const { plan, drafts } = typeRows(justiceBureau(), [
      { unitId: '041001', functionCode: '204060', deptEconCode: '30101', amount: '1' },
      { unitId: '041001', functionCode: '2O40601', deptEconCode: '30101', amount: '1' },
      { unitId: '041001', functionCode: '2040601', deptEconCode: '50101', amount: '1' },
    ]);
    expect(plan.puts).toEqual([]);
    expect(drafts.map(([, draft]) => Object.entries(draft!.problems).map(([field, problem]) => `${field} ${problem.key}`))).toEqual([
      ['functionCode workbench:problem.code.malformed.function'],
      ['functionCode workbench:problem.code.malformed.function'],
      ['deptEconCode workbench:problem.code.malformed.deptEcon'],
    ]);
  });

  it('saves an income line broken down to an unlisted 款 with a warning', () => {
    const workbook = justiceBureau();
    const plan = planCommit(incomeLineCodec, ctxFor(workbook), [{ key: 'd', record: null, texts: { unitId: '041001', fund: '财政拨款', functionCode: '20498', amount: '5' } }], new Map(), {}, newId);
    expect(plan.puts).toHaveLength(1);
    const saved = applyEdits(workbook, [{ op: 'put', collection: 'incomeLines', record: plan.puts[0]! }]);
    expect(runChecks(saved, checkCatalogForWorkbook).filter((finding) => finding.ruleId === 'income.functionUnknown').map((finding) => finding.params.code)).toEqual(['20498']);
  });
});

describe('editions chosen by budget year', () => {
  it('uses the year’s own edition when built in, else the latest one before the year, and says which', () => {
    expect(editionFor(2024)).toEqual({ requested: 2024, edition: 2024, builtIn: true });
    expect(editionFor(2027)).toEqual({ requested: 2027, edition: BUILTIN_EDITION, builtIn: false });
    expect(editionFor(2019)).toEqual({ requested: 2019, edition: BUILTIN_EDITIONS[0]!.edition, builtIn: false });
    expect(catalogFor([], 2027).edition).toBe(BUILTIN_EDITION);
    expect(catalogFor([], 2027)).toBe(catalogFor([], 2030));
  });

  it('never makes entry depend on the year: a 2027 workbook takes the same codes', () => {
    const workbook = justiceBureau(2027);
    expect(workbookEdition(workbook)).toEqual({ requested: 2027, edition: 2024, builtIn: false });
    const { drafts, saved } = typeRows(workbook, [{ unitId: '041001', functionCode: '2040601', deptEconCode: '30101', amount: '1' }]);
    expect(drafts).toEqual([]);
    const notices = runChecks(saved, checkCatalogForWorkbook).filter((finding) => finding.ruleId === 'catalog.editionFallback');
    expect(notices).toEqual([
      {
        ruleId: 'catalog.editionFallback',
        severity: 'info',
        messageKey: 'checks:catalogEditionFallback',
        params: { year: 2027, edition: 2024 },
        location: { entity: 'workbook', field: 'catalogEdition' },
      },
    ]);
    expect(runChecks(justiceBureau(2024), checkCatalogForWorkbook).map((finding) => finding.ruleId)).not.toContain('catalog.editionFallback');
  });
});

describe('an imported list, planned before it is applied', () => {
  it('says what it adds and renames, keeps the other kinds and replaces earlier imports of a code', () => {
    const existing = [
      { kind: 'deptEcon' as const, code: '30298', name: '新经济科目' },
      { kind: 'function' as const, code: '2040697', name: '旧的名字' },
    ];
    const plan = planCatalogImport(
      existing,
      [
        { kind: 'function', code: '204', name: '公共安全支出' },
        { kind: 'function', code: '2040601', name: '行政运行（司法）' },
        { kind: 'function', code: '2040697', name: '新设司法项目' },
        { kind: 'function', code: '2040696', name: '另一个新项目' },
        { kind: 'function', code: 'x', name: 'ignored' },
      ],
      catalogFor(existing),
    );
    expect(plan.added).toEqual([{ kind: 'function', code: '2040696', name: '另一个新项目', level: 3 }]);
    expect(plan.renamed).toEqual([
      { kind: 'function', code: '2040601', from: '行政运行', to: '行政运行（司法）' },
      { kind: 'function', code: '2040697', from: '旧的名字', to: '新设司法项目' },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.next).toEqual([
      { kind: 'deptEcon', code: '30298', name: '新经济科目' },
      { kind: 'function', code: '2040697', name: '新设司法项目' },
      { kind: 'function', code: '204', name: '公共安全支出' },
      { kind: 'function', code: '2040601', name: '行政运行（司法）' },
      { kind: 'function', code: '2040696', name: '另一个新项目' },
    ]);
  });
});

// ---------------------------------------------------------------- the built-in files

const classesOf = (file: CatalogFile) => file.entries.filter((entry) => entry.level === 1).map((entry) => entry.code);
const kuanOf = (file: CatalogFile, cls: string) => file.entries.filter((entry) => entry.level === 2 && entry.code.startsWith(cls)).map((entry) => entry.code);

/** Which 政府经济 类 a 部门经济 类 maps to, per unit kind (财预〔2017〕98号 对应关系). */
const CLASS_MAP: Record<'admin' | 'institution', Record<string, string[]>> = {
  admin: { '301': ['501'], '302': ['502'], '303': ['509'], '307': ['511'], '309': ['504'], '310': ['503'], '311': ['507', '508'], '312': ['507', '508'], '313': ['510'], '399': ['599'] },
  institution: { '301': ['505'], '302': ['505'], '303': ['509'], '307': ['511'], '309': ['506'], '310': ['506'], '311': ['507', '508'], '312': ['507', '508'], '313': ['510'], '399': ['599'] },
};
const mapKind = (kind: UnitKind) => (kind === 'institution' ? 'institution' : 'admin');

describe('the economic classifications are complete', () => {
  const dept = builtinCatalogFiles.deptEcon;
  const gov = builtinCatalogFiles.govEcon;
  const catalog = catalogFor();

  it('lists every 类 of both classifications', () => {
    expect(classesOf(dept)).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
    expect(classesOf(gov)).toEqual(['501', '502', '503', '504', '505', '506', '507', '508', '509', '510', '511', '512', '513', '514', '599']);
  });

  it('lists the 款 of every 类, except the few whose numbering the authors could not confirm', () => {
    const empty = (file: CatalogFile) => classesOf(file).filter((cls) => kuanOf(file, cls).length === 0);
    expect(empty(dept)).toEqual(['313']);
    expect(empty(gov)).toEqual(['510', '513']);
    expect(kuanOf(dept, '301')).toHaveLength(13);
    expect(kuanOf(dept, '302')).toHaveLength(27);
    expect(kuanOf(dept, '303')).toHaveLength(11);
    expect(kuanOf(dept, '309')).toHaveLength(12);
    expect(kuanOf(dept, '310')).toHaveLength(16);
    expect(kuanOf(dept, '399')).toEqual(['39906', '39907', '39908', '39909', '39910', '39999']);
    expect(kuanOf(gov, '504')).toEqual(['50401', '50402', '50403', '50404', '50405', '50499']);
  });

  it('gives every unit kind a legal 政府经济款 for every listed 部门经济款, of the 类 the national table maps it to', () => {
    for (const unitKind of UNIT_KINDS) {
      for (const entry of dept.entries.filter((e) => e.level === 2)) {
        const legal = catalog.legalGovEconCodes(unitKind, entry.code);
        expect(legal.length, `${unitKind} ${entry.code} ${entry.name}`).toBeGreaterThan(0);
        for (const code of legal) {
          expect(catalog.lookupGovEcon(code)?.level, code).toBe(2);
          expect(CLASS_MAP[mapKind(unitKind)][entry.code.slice(0, 3)], `${unitKind} ${entry.code} → ${code}`).toContain(code.slice(0, 3));
        }
      }
    }
  });

  it('lists each pair once, 参公 with 行政, and says where each comes from', () => {
    const seen = new Set<string>();
    for (const pair of builtinEconMapping.pairs) {
      for (const unitKind of pair.unitKinds) {
        const key = `${unitKind} ${pair.deptEcon} ${pair.govEcon}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
      expect(pair.unitKinds.includes('admin'), `${pair.deptEcon} → ${pair.govEcon}`).toBe(pair.unitKinds.includes('civilServantManaged'));
      if (pair.confirmedBy.length > 0) expect(pair.source).toBe(`seed:${pair.confirmedBy[0]!.replace(/-2024$/, '')}`);
      else expect(['mof-2024', 'inferred']).toContain(pair.source);
      if (pair.source === 'inferred') expect(pair.note, `${pair.deptEcon} → ${pair.govEcon}`).toBeTruthy();
    }
  });
});

describe('every built-in entry records its source', () => {
  it.each(['function', 'deptEcon', 'govEcon'] as CatalogKind[])('%s', (kind) => {
    for (const entry of builtinCatalogFiles[kind].entries) {
      const expected = entry.confirmedBy.length > 0 ? `seed:${entry.confirmedBy[0]!.replace(/-2024$/, '')}` : 'mof-2024';
      expect(entry.source, `${entry.code} ${entry.name}`).toBe(expected);
      expect(catalogFor().lookup(kind, entry.code)?.source).toBe(expected);
    }
  });

  it('lists every 类 of the 功能分类 and the 款 of the classes a department budget uses', () => {
    const fn = builtinCatalogFiles.function;
    // No 款 stated: 社会保险基金 (its own budget), 预备费 (none), transfers and debt (not department budgets), 234.
    expect(classesOf(fn).filter((cls) => kuanOf(fn, cls).length === 0)).toEqual(['209', '227', '230', '231', '232', '233', '234']);
    expect(kuanOf(fn, '204')).toEqual(['20401', '20402', '20403', '20404', '20405', '20406', '20407', '20408', '20409', '20410', '20499']);
    for (const code of ['2040201', '2040601', '2060101', '2070101', '2110101', '2140101', '2150501', '2200101', '2240101']) {
      expect(catalogFor().lookupFunction(code)?.name, code).toBe('行政运行');
    }
  });
});
