import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupRows, TableSpec, TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, loadTemplate, TEMPLATES } from '../../src/core/templates';
import { learnTemplate, type LearnResult } from '../../src/core/templates/learn';
import { LEARN_COMMAND } from '../../src/main/cli/learn-command';
import type { CommandContext } from '../../src/main/cli/commands';
import { readPublishedGrids } from '../../src/main/services/templates/learn-read';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { loadPublishedTables, loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';
import { rawXlsx } from '../support/zip';
import { tempFolder } from './helpers/store-fixtures';
import { compoundFile, writeBytes, writeWorkbookFile } from './prior-files';
import { differences, exportedPackage, handMadePackage, resolveVariant, swapColumns } from './template-learn-files';

/**
 * Learning a layout from a published package (issue 12): each seed's package exported with a perturbed template
 * and learned back with the plain built-in as base must print every number of the file again from the seed's facts
 * (the proof), and in fact every cell (the learned template exported again is the same file); the seeds' published
 * tables typed into Excel are learned and proved the same way; bad files are refused with a message and nothing
 * is written.
 */

const bases = Object.values(TEMPLATES);
type Perturbation = { name: string; changes: (base: TemplateSpec) => Record<string, unknown>; check?: (result: LearnResult) => void };

const table = (template: TemplateSpec, id: string): TableSpec => {
  const found = template.tables.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const split = (measure: Record<string, unknown>) => [
  { id: '商品和服务支出', header: '商品和服务支出', cell: { measure: { source: 'budget', ...measure, natures: ['basic'], deptEcon: ['302'] } } },
  { id: '资本性支出', header: '资本性支出', cell: { measure: { source: 'budget', ...measure, natures: ['basic'], deptEcon: ['310'] } } },
];
const unitBlocks = (part: GroupRows, codeColumn: number, nameColumn: number): GroupRows => ({
  ...part,
  group: { dim: 'unit', then: part.group },
  cells: { ...part.cells, unit: part.cells.leaf.map((cell, index) => (index === codeColumn ? { field: 'unitCode' } : index === nameColumn ? { field: 'unitName' } : typeof cell === 'object' && 'field' in cell ? '' : cell)) },
});
const learned = (result: LearnResult, id: string) => table(result.template as TemplateSpec, id);
const innerRows = (spec: TableSpec, id?: string) => {
  const parts = spec.body[0]?.kind === 'numbered' ? spec.body[0].parts : spec.body;
  return parts.find((part): part is GroupRows => part.kind === 'rows' && (id === undefined || part.id === id)) as GroupRows;
};

const PERTURBATIONS: Record<SeedId, Perturbation[]> = {
  'henan-2024': [
    { name: 'zeros print as 0.00', changes: () => ({ money: { zero: '0.00' } }), check: (r) => expect(r.money.zero).toBe('0.00') },
    {
      name: '公用经费 split into 商品和服务支出 and 资本性支出',
      changes: () => ({ tables: { change: { expenditure: { columns: { replace: { 公用经费: split({}) } } }, 'general-budget-expenditure': { columns: { replace: { 公用经费: split({ funds: ['gen'] }) } } } } } }),
      check: (r) => expect(learned(r, 'expenditure').columns).toEqual(expect.arrayContaining(['商品和服务支出', '资本性支出'])),
    },
    {
      name: 'columns reordered',
      changes: (base) => ({ tables: { replace: { 'three-public': swapColumns(table(base, 'three-public'), '因公出国（境）费', '公务接待费'), income: swapColumns(table(base, 'income'), '事业收入', '其他收入') } } }),
      check: (r) => expect(learned(r, 'three-public').columns.indexOf('公务接待费')).toBe(1),
    },
    {
      name: 'tables removed, titles reworded',
      changes: () => ({ tables: { remove: ['state-capital', 'three-public'], change: { 'income-expenditure-summary': { title: '{year}年部门收支预算总表' }, expenditure: { title: '{year}年{departmentName}支出预算总表' } } } }),
      check: (r) => {
        expect(r.removed.sort()).toEqual(['state-capital', 'three-public']);
        expect(learned(r, 'expenditure').title).toBe('{year}年{departmentName}支出预算总表');
      },
    },
    {
      name: '元 instead of 万元',
      changes: (base) => ({ money: { unit: 'yuan' }, tables: { change: Object.fromEntries(base.tables.map((t) => [t.id, { meta: t.meta.map((line) => line.replace('万元', '元')) }])) } }),
      check: (r) => expect(r.money.unit).toBe('yuan'),
    },
    {
      name: 'codes joined into one 科目编码 column',
      changes: () => ({ tables: { change: { expenditure: { columns: { replace: { 类: [{ id: '科目编码', header: '科目编码', cell: '', cells: { 'rows-function': { leaf: { field: 'code' } } } }] }, remove: ['款', '项'] } } } } }),
      check: (r) => expect(innerRows(learned(r, 'expenditure')).cells.leaf[0]).toEqual({ field: 'code' }),
    },
    {
      name: 'rows by unit block',
      changes: (base) => ({ tables: { change: { expenditure: { rows: { replace: { 'rows-function': unitBlocks(innerRows(table(base, 'expenditure'), 'rows-function'), 3, 4) } } } } } }),
      check: (r) => expect(innerRows(learned(r, 'expenditure')).group.dim).toBe('unit'),
    },
  ],
  'hebei-2024': [
    { name: 'zeros print as 0.00', changes: () => ({ money: { zero: '0.00' } }), check: (r) => expect(r.money.zero).toBe('0.00') },
    {
      name: '公用经费 split into 商品和服务支出 and 资本性支出',
      changes: () => ({ tables: { change: { 'general-budget-basic': { columns: { replace: { '5': split({ funds: ['gen', 'carry.gen'] }) } } } } } }),
      check: (r) => expect(learned(r, 'general-budget-basic').columnCount).toBe(7),
    },
    {
      name: 'columns reordered',
      changes: (base) => ({ tables: { replace: { 'three-public': swapColumns(table(base, 'three-public'), '4', '5'), expenditure: swapColumns(table(base, 'expenditure'), '4', '5') } } }),
      check: (r) => expect(learned(r, 'expenditure').columns.indexOf('5')).toBe(4),
    },
    {
      name: 'tables removed, titles reworded',
      changes: () => ({ tables: { remove: ['fixed-assets', 'state-capital'], change: { income: { title: '部门收入预算总表' }, 'fiscal-summary': { title: '{departmentName}财政拨款收支总表' } } } }),
      check: (r) => expect(r.removed.sort()).toEqual(['fixed-assets', 'state-capital']),
    },
    {
      name: '元 instead of 万元',
      changes: (base) => ({
        money: { unit: 'yuan' },
        tables: { change: Object.fromEntries(base.tables.map((t) => [t.id, { meta: t.meta.map((line) => line.replace('万元', '元')), ...(t.id === 'fixed-assets' ? { columns: { headers: { '价值（金额单位：万元）': '价值（金额单位：元）' } } } : {}) }])) },
      }),
      check: (r) => expect(r.money.unit).toBe('yuan'),
    },
    {
      name: 'codes split into 类/款/项',
      changes: () => ({ tables: { change: { expenditure: { columns: { replace: { '1': [{ id: '类', header: '类', cell: { field: 'classCode' } }, { id: '款', header: '款', cell: { field: 'sectionCode' } }, { id: '项', header: '项', cell: { field: 'itemCode' } }] } } } } } }),
      check: (r) => expect(innerRows(learned(r, 'expenditure')).cells.leaf.slice(0, 3)).toEqual([{ field: 'classCode' }, { field: 'sectionCode' }, { field: 'itemCode' }]),
    },
    {
      name: 'rows by unit block',
      changes: (base) => {
        const numbered = table(base, 'expenditure').body[0];
        if (numbered?.kind !== 'numbered') throw new Error('numbered');
        const parts = numbered.parts.map((part) => (part.kind === 'rows' ? unitBlocks(part, 0, 1) : part));
        return { tables: { change: { expenditure: { rows: { replace: { [numbered.id as string]: { ...numbered, parts } } } } } } };
      },
      check: (r) => expect(innerRows(learned(r, 'expenditure')).group.dim).toBe('unit'),
    },
  ],
  'shaanxi-2024': [
    { name: 'zeros print as 0.00', changes: () => ({ money: { zero: '0.00' } }), check: (r) => expect(r.money.zero).toBe('0.00') },
    {
      name: '公用经费 split into 商品和服务支出 and 资本性支出',
      changes: () => ({ tables: { change: Object.fromEntries(['general-budget-expenditure', 'general-budget-basic-function'].map((id) => [id, { columns: { replace: { 公用经费支出: split({}) } } }])) } }),
      // The heading says 商品和服务支出 only; that these are basic expenditure's is what the numbers decide.
      check: (r) => expect(JSON.stringify(learned(r, 'general-budget-expenditure').body)).toContain('"natures":["basic"],"deptEcon":["302"]'),
    },
    {
      name: 'columns reordered',
      changes: (base) => ({ tables: { replace: { 'three-public': swapColumns(table(base, 'three-public'), '会议费', '培训费'), income: swapColumns(table(base, 'income'), '事业收入', '其他收入') } } }),
      check: (r) => expect(learned(r, 'three-public').columns.indexOf('培训费')).toBe(8),
    },
    {
      name: 'tables removed, titles reworded',
      changes: (base) => {
        const catalogue = table(base, 'catalogue').body.find((part) => part.kind === 'tableCatalogue');
        if (catalogue?.kind !== 'tableCatalogue') throw new Error('catalogue');
        const gone = ['three-public', 'procurement'];
        return {
          tables: {
            remove: gone,
            change: {
              catalogue: { rows: { change: { [catalogue.id as string]: { entries: catalogue.entries.filter((entry) => !gone.includes(entry.table)) } } } },
              income: { title: '部门综合预算收入预算总表' },
              expenditure: { title: '{departmentName}部门综合预算支出总表' },
            },
          },
        };
      },
      check: (r) => expect(r.removed.sort()).toEqual(['procurement', 'three-public']),
    },
    {
      name: '万元 instead of 元',
      changes: (base) => ({ money: { unit: 'wan' }, tables: { change: Object.fromEntries(base.tables.map((t) => [t.id, { meta: t.meta.map((line) => line.replace('单位：元', '单位：万元')) }])) } }),
      check: (r) => expect(r.money.unit).toBe('wan'),
    },
    {
      name: 'codes split into 类/款/项',
      changes: () => ({
        tables: {
          change: {
            'general-budget-expenditure': {
              columns: {
                replace: {
                  功能科目编码: ['classCode', 'sectionCode', 'itemCode'].map((field, index) => ({ id: ['类', '款', '项'][index], header: ['类', '款', '项'][index], cell: '', cells: { 'rows-function': { leaf: { field } } } })),
                },
              },
            },
          },
        },
      }),
      check: (r) => expect(innerRows(learned(r, 'general-budget-expenditure')).cells.leaf.slice(0, 3)).toEqual([{ field: 'classCode' }, { field: 'sectionCode' }, { field: 'itemCode' }]),
    },
    {
      name: 'rows by unit block',
      changes: (base) => ({ tables: { change: { 'general-budget-expenditure': { rows: { replace: { 'rows-function': unitBlocks(innerRows(table(base, 'general-budget-expenditure'), 'rows-function'), 0, 1) } } } } } }),
      check: (r) => expect(innerRows(learned(r, 'general-budget-expenditure')).group.dim).toBe('unit'),
    },
  ],
};

/** The proof reproduces every number cell of the file, and the learned layout exported again is the same file. */
async function expectLearnedExactly(seed: SeedId, bytes: Uint8Array, check?: (result: LearnResult) => void): Promise<LearnResult> {
  const workbook = loadSeedWorkbook(seed);
  const sheets = await readPublishedGrids(bytes, 'published.xlsx');
  const result = learnTemplate(sheets, { bases, facts: workbook });
  expect(result.baseId).toBe(seed);
  expect(result.problems).toEqual([]);
  expect(result.template).not.toBeNull();
  const proof = result.proof;
  expect(proof?.numberCells).toBeGreaterThan(300);
  const wrong = proof?.tables.flatMap((tableProof) => tableProof.different.map((cell) => `${cell.cell}: ${cell.published} ≠ ${cell.ours}`));
  expect(wrong).toEqual([]);
  expect(proof?.reproduced).toBe(proof?.numberCells);
  expect(result.tables.filter((entry) => entry.status === 'unmapped').map((entry) => entry.title)).toEqual([]);
  check?.(result);
  // The variant is a file a clerk can keep: it loads on its own with the built-ins.
  const again = loadTemplate(JSON.parse(JSON.stringify(result.variant)), builtinLookup);
  expect(again.ok).toBe(true);
  return result;
}

describe.each(SEED_IDS)('learning %s from its package exported with a perturbed template', (seed) => {
  it('learns the plain package as the built-in itself', async () => {
    const workbook = loadSeedWorkbook(seed);
    const bytes = await exportedPackage(workbook, TEMPLATES[seed] as TemplateSpec);
    const result = await expectLearnedExactly(seed, bytes);
    // Nothing differs from the base but what the export's number formats show (Shaanxi's "0" zeros print as 0.00).
    expect(result.removed).toEqual([]);
    expect(Object.keys(result.variant.tables?.change ?? {}).every((id) => Object.keys(result.variant.tables?.change?.[id] ?? {}).every((key) => key === 'zero'))).toBe(true);
  });

  for (const perturbation of PERTURBATIONS[seed]) {
    it(perturbation.name, async () => {
      const workbook = loadSeedWorkbook(seed);
      const base = TEMPLATES[seed] as TemplateSpec;
      const perturbed = resolveVariant(seed, perturbation.changes(base));
      const bytes = await exportedPackage(workbook, perturbed);
      const result = await expectLearnedExactly(seed, bytes, perturbation.check);
      const published = await readPublishedGrids(bytes, 'published.xlsx');
      expect(await differences(published, await exportedPackage(workbook, result.template as TemplateSpec))).toEqual([]);
    });
  }
});

describe('learning the worked example of docs/templates.md', () => {
  it('gives back the hand-written Henan county variant, change for change', async () => {
    const { format: _format, formatVersion: _version, id: _id, version: _v, name: _name, extends: _base, $schema: _schema, description: _description, ...changes } = JSON.parse(
      readFileSync(new URL('../fixtures/templates/henan-county-variant.json', import.meta.url), 'utf8'),
    );
    const workbook = loadSeedWorkbook('henan-2024');
    const result = await expectLearnedExactly('henan-2024', await exportedPackage(workbook, resolveVariant('henan-2024', changes)));
    const { format: _f, formatVersion: _fv, id: _i, version: _ve, name: _n, extends: _e, ...learnedChanges } = result.variant;
    expect(learnedChanges).toEqual(changes);
  });
});

describe.each(SEED_IDS)('learning %s from its published tables typed into Excel', (seed) => {
  it('reproduces every number the seed publishes', async () => {
    const published = loadPublishedTables(seed);
    const result = await expectLearnedExactly(seed, await handMadePackage(published));
    // The tables the seed does not print are the ones the learned layout leaves out.
    const printed = new Set(published.map((entry) => entry.id.replace(/-[0-9A-Z]{12,}$|-\d+$/, '')));
    for (const id of result.removed) expect(printed.has(id)).toBe(false);
    if (seed === 'shaanxi-2024') expect(result.removed.sort()).toEqual(['expenditure', 'income', 'income-expenditure-summary', 'procurement', 'three-public']);
  });

  it('reads several tables typed on one sheet', async () => {
    const published = loadPublishedTables(seed);
    const pick = { 'henan-2024': ['three-public', 'government-fund', 'state-capital'], 'hebei-2024': ['government-fund', 'state-capital', 'three-public'], 'shaanxi-2024': ['general-budget-expenditure', 'general-budget-basic-function'] }[seed];
    const result = await expectLearnedExactly(seed, await handMadePackage(published, { together: pick }));
    const sheets = new Set(result.tables.filter((entry) => pick.includes(entry.baseTable ?? '')).map((entry) => entry.sheet));
    expect(sheets.size).toBe(1);
  });
});

describe('a published package that is no package', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    folder = tempFolder('template-learn-');
  });
  afterAll(() => folder.remove());

  const context = (out: string[], err: string[]): CommandContext => ({
    io: { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { LANG: 'en_US.UTF-8' }, cwd: folder.dir },
    resolvePath: (path) => join(folder.dir, path),
    printJson: (value) => out.push(JSON.stringify(value)),
  });

  async function refusal(path: string): Promise<UserError> {
    try {
      await LEARN_COMMAND.run([path], { out: 'variant.json' }, context([], []));
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  const worded = (error: UserError) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const text = createI18n(language).t(error.code, error.params);
      expect(text).not.toContain(error.code.replace(/^[^:]+:/, ''));
      expect(text).not.toContain('{{');
    }
  };

  it('refuses a password-protected workbook, an .xls, a damaged file and an empty one, and writes nothing', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const cases: [string, Uint8Array, string][] = [
      ['locked.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'template:learn.encrypted'],
      ['old.xls', compoundFile(['Workbook']), 'template:learn.legacyXls'],
      ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'template:learn.damaged'],
      ['notes.xlsx', new TextEncoder().encode('just some text'), 'template:learn.damaged'],
      ['empty.xlsx', new Uint8Array((await empty.xlsx.writeBuffer()) as ArrayBuffer), 'template:learn.emptyFile'],
    ];
    for (const [name, bytes, code] of cases) {
      writeBytes(folder.dir, name, bytes);
      const error = await refusal(name);
      expect(error.code, name).toBe(code);
      worded(error);
      expect(existsSync(join(folder.dir, 'variant.json'))).toBe(false);
    }
  });

  it('keeps the limits of last year’s import: a hostile merge is refused before the file is loaded', async () => {
    const hostile = rawXlsx([{ name: '表一', rows: [['2024年部门收支预算表'], ['单位：万元'], ['项目', '金额']], after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }]);
    writeBytes(folder.dir, 'hostile.xlsx', new Uint8Array(hostile));
    const error = await refusal('hostile.xlsx');
    expect(error.code).toMatch(/^prior:xlsx\./);
    worded(error);
    expect(existsSync(join(folder.dir, 'variant.json'))).toBe(false);
  });

  it('reads regular files only', async () => {
    mkdirSync(join(folder.dir, 'a-folder.xlsx'));
    expect((await refusal('a-folder.xlsx')).code).toBe('template:learn.notAFile');
    expect((await refusal('missing.xlsx')).code).toBe('cli:fileNotFound');
    expect(existsSync(join(folder.dir, 'variant.json'))).toBe(false);
  });

  it('says per table why a file of other tables cannot be read, and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('值班表');
    sheet.addRows([['2024年春节值班安排表'], ['日期', '值班人员', '联系电话'], ['2月9日', '张三', '13800000000'], ['2月10日', '李四', '13900000000']]);
    const second = book.addWorksheet('物资');
    second.addRows([['办公用品领用登记表'], ['物品', '领用人', '数量'], ['签字笔', '王五', 12]]);
    writeBytes(folder.dir, 'duty.xlsx', new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    const out: string[] = [];
    const err: string[] = [];
    const code = await LEARN_COMMAND.run(['learn', 'duty.xlsx'], { out: 'variant.json' }, context(out, err));
    expect(code).toBe(2);
    expect(existsSync(join(folder.dir, 'variant.json'))).toBe(false);
    const printed = JSON.parse(out.join(''));
    expect(printed.written).toBeNull();
    expect(printed.tables.map((entry: { status: string }) => entry.status)).toEqual(['unmapped', 'unmapped']);
    expect(err.join('')).toContain('2024年春节值班安排表');
    expect(err.join('')).toContain('办公用品领用登记表');
    expect(err.join('')).toContain('Nothing was written');
  });

  it('learns on the command line, proves with last year’s workbook and exits 1 on a number it cannot reproduce', async () => {
    const workbook = loadSeedWorkbook('henan-2024');
    writeWorkbookFile(folder.dir, 'last.budget', workbook);
    const perturbed = resolveVariant('henan-2024', { money: { zero: '0.00' }, tables: { remove: ['state-capital'] } });
    const bytes = await exportedPackage(workbook, perturbed);
    writeBytes(folder.dir, 'published.xlsx', bytes);
    const out: string[] = [];
    const err: string[] = [];
    const ok = await runCliWith(['learn', 'published.xlsx', '--facts', 'last.budget', '--out', 'learned.json'], out, err);
    expect(ok, err.join('')).toBe(0);
    const printed = JSON.parse(out.join(''));
    expect(printed.base).toBe('henan-2024');
    expect(printed.proof.different).toBe(0);
    expect(printed.proof.reproduced).toBe(printed.proof.numberCells);
    expect(printed.removed).toEqual(['state-capital']);
    const written = loadTemplate(readFileSync(join(folder.dir, 'learned.json'), 'utf8'), builtinLookup);
    expect(written.ok).toBe(true);
    // One published number changed by hand: the proof names its cell, the variant is still written, exit 1.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const tampered = book.worksheets.find((ws) => ws.name.includes('部门支出预算表'));
    if (!tampered) throw new Error('no sheet');
    tampered.getCell('F6').value = 6465.31;
    writeFileSync(join(folder.dir, 'tampered.xlsx'), new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    const out2: string[] = [];
    const err2: string[] = [];
    expect(await runCliWith(['learn', 'tampered.xlsx', '--facts', 'last.budget', '--out', 'tampered.json'], out2, err2)).toBe(1);
    const report = JSON.parse(out2.join(''));
    expect(report.proof.different).toBe(1);
    expect(report.proof.tables.flatMap((entry: { different: { cell: string }[] }) => entry.different.map((cell) => cell.cell))).toEqual(["'2024年部门支出预算表'!F6"]);
    expect(err2.join('')).toContain('1 of the');
  });

  /** The command as the CLI runs it (`template learn …`): its options parsed as runCli parses them. */
  async function runCliWith(args: string[], out: string[], err: string[]): Promise<number> {
    const parsed = parseArgs({ args, options: LEARN_COMMAND.options, allowPositionals: true, strict: true });
    return LEARN_COMMAND.run(parsed.positionals, parsed.values as Record<string, string>, context(out, err));
  }
});
