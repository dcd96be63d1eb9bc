import { describe, expect, it } from 'vitest';
import {
  allFunctionClasses,
  Catalog,
  catalogFor,
  functionAncestors,
  isGovernmentFundFunction,
  isLegalPair,
  legalGovEconCodes,
  lookupDeptEcon,
  lookupFunction,
  lookupGovEcon,
  normalizeName,
  replaceImportedKind,
  searchCodes,
  type CatalogCode,
} from '../../src/core/catalog';
import { builtinCatalogFiles, builtinEconMapping } from '../../src/core/catalog/builtin';
import { levelOf } from '../../src/core/catalog/codes';
import { UNIT_KINDS, type CatalogKind, type UnitKind } from '../../src/core/model';
import { extractSeed, readSeed, SEED_IDS, type SeedExtract, type SeedId } from './catalog-seed-rows';

const seeds = Object.fromEntries(SEED_IDS.map((id) => [id, extractSeed(readSeed(id))])) as Record<SeedId, SeedExtract>;
const KINDS: CatalogKind[] = ['function', 'deptEcon', 'govEcon'];
const catalog = catalogFor();
const namesOf = (entry: CatalogCode) => [entry.name, ...entry.aliases].map(normalizeName);
const codesOf = (list: CatalogCode[]) => list.map((entry) => entry.code);

describe('built-in catalogue files', () => {
  it.each(KINDS)('%s: 2024 edition, codes well formed, unique, in tree order, parents present', (kind) => {
    const file = builtinCatalogFiles[kind];
    expect(file.kind).toBe(kind);
    expect(file.edition).toBe(2024);
    expect(file.source).not.toBe('');
    const codes = file.entries.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const entry of file.entries) {
      expect(levelOf(kind, entry.code), entry.code).toBe(entry.level);
      expect(entry.name.trim(), entry.code).not.toBe('');
      for (const parent of catalog.lookup(kind, entry.code)!.parents) expect(catalog.lookup(kind, parent), `${entry.code} → ${parent}`).toBeDefined();
      for (const seed of entry.confirmedBy) expect(SEED_IDS).toContain(seed);
    }
  });

  it.each(KINDS)('%s: confirmedBy says exactly which seeds print the code with its name', (kind) => {
    for (const entry of builtinCatalogFiles[kind].entries) {
      const names = new Set(namesOf(catalog.lookup(kind, entry.code)!));
      const expected = SEED_IDS.filter((id) => {
        const seed = seeds[id];
        const printed = seed.codes.some((c) => c.kind === kind && c.code === entry.code && names.has(normalizeName(c.name)));
        const listedClass = kind === 'function' && entry.level === 1 && seed.classLabels.some((label) => names.has(normalizeName(label)));
        return printed || listedClass;
      });
      expect(entry.confirmedBy, `${kind} ${entry.code} ${entry.name}`).toEqual(expected);
    }
  });

  it('every mapping pair names known codes and says which seeds print it', () => {
    for (const pair of builtinEconMapping.pairs) {
      expect(lookupDeptEcon(pair.deptEcon)?.level, pair.deptEcon).toBe(2);
      expect(lookupGovEcon(pair.govEcon)?.level, pair.govEcon).toBe(2);
      const expected = SEED_IDS.filter((id) => seeds[id].pairs.some((p) => p.deptEcon === pair.deptEcon && p.govEcon === pair.govEcon));
      expect(pair.confirmedBy, `${pair.deptEcon} → ${pair.govEcon}`).toEqual(expected);
    }
  });

  it('the seeds confirm a useful share of the catalogue', () => {
    const confirmed = (kind: CatalogKind) => builtinCatalogFiles[kind].entries.filter((entry) => entry.confirmedBy.length > 0).length;
    expect(confirmed('function')).toBeGreaterThanOrEqual(50);
    expect(confirmed('deptEcon')).toBeGreaterThanOrEqual(35);
    expect(confirmed('govEcon')).toBeGreaterThanOrEqual(15);
    expect(builtinEconMapping.pairs.filter((pair) => pair.confirmedBy.length > 0).length).toBeGreaterThanOrEqual(45);
  });
});

describe('codes used in the seeds', () => {
  it.each(SEED_IDS)('%s: every code printed in a table resolves, under its national name or a recorded alias', (id) => {
    const { codes } = seeds[id];
    expect(codes.length).toBeGreaterThan(20);
    for (const used of codes) {
      const entry = catalog.lookup(used.kind, used.code);
      expect(entry, `line ${used.line}: ${used.code} ${used.name}`).toBeDefined();
      expect(namesOf(entry!), `line ${used.line}: ${used.code} ${used.name}`).toContain(normalizeName(used.name));
    }
  });

  it.each(SEED_IDS)('%s: every code cited in the narrative resolves', (id) => {
    for (const { code, line } of seeds[id].mentions) {
      const kind: CatalogKind = code.startsWith('2') ? 'function' : code.startsWith('3') ? 'deptEcon' : 'govEcon';
      expect(catalog.lookup(kind, code), `line ${line}: ${code}`).toBeDefined();
    }
  });

  it('finds the narrative citations of the Shaanxi seed', () => {
    expect(new Set(seeds['shaanxi-2024'].mentions.map((m) => m.code))).toEqual(
      new Set(['2080505', '2101101', '2101102', '2101501', '2101502', '2101506', '2210201', '301', '302', '303', '501', '502', '505', '509']),
    );
  });

  it.each([
    ['henan-2024', ['本年支出', '年终结转结余']],
    // Hebei prints a 31st row 人行专用科目 whose class code the catalogue does not claim to know.
    ['hebei-2024', ['人行专用科目']],
    ['shaanxi-2024', ['财政拨款']],
  ] as const)('%s: every 类 row of the 收支总表 resolves by name except %j', (id, unresolved) => {
    const labels = seeds[id].classLabels;
    expect(labels.length).toBeGreaterThan(20);
    const missing = new Set(labels.filter((label) => catalog.findByName('function', label, 1).length !== 1));
    expect([...missing]).toEqual(unresolved);
  });
});

describe('lookups', () => {
  it('resolves codes with name, level and parents', () => {
    expect(lookupFunction('2101501')).toMatchObject({ name: '行政运行', level: 3, parents: ['210', '21015'] });
    expect(lookupFunction('21015')).toMatchObject({ name: '医疗保障管理事务', level: 2, parents: ['210'] });
    expect(lookupDeptEcon('30213')).toMatchObject({ name: '维修（护）费', level: 2, parents: ['302'] });
    expect(lookupGovEcon('50601')).toMatchObject({ name: '资本性支出（一）', aliases: ['资本性支出'] });
  });

  it.each(['', 'abc', '999', '2', '21015019', '2101598', ' 210', '30101 ', '5010'])('answers undefined for %j', (code) => {
    expect(lookupFunction(code)).toBeUndefined();
    expect(lookupDeptEcon(code)).toBeUndefined();
    expect(lookupGovEcon(code)).toBeUndefined();
    expect(functionAncestors(code)).toBeUndefined();
  });

  it('walks a function code up to its 类', () => {
    expect(functionAncestors('2101501')).toEqual(['210', '21015', '2101501']);
    expect(functionAncestors('210')).toEqual(['210']);
  });

  it('lists the 30 类 of the 2024 收支总表 in code order', () => {
    expect(codesOf(allFunctionClasses())).toEqual([
      '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215',
      '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234',
    ]);
    expect(allFunctionClasses().map((c) => c.name)).toContain('资源勘探工业信息等支出');
  });

  it('finds codes by published name, including province and older wordings', () => {
    expect(codesOf(catalog.findByName('function', '城乡社区事务', 1))).toEqual(['212']);
    expect(codesOf(catalog.findByName('function', '医疗卫生与计划生育支出', 1))).toEqual(['210']);
    expect(codesOf(catalog.findByName('deptEcon', '维修(护)费'))).toEqual(['30213']);
    expect(catalog.findByName('function', '行政运行').length).toBeGreaterThan(30);
    expect(catalog.findByName('function', '')).toEqual([]);
  });

  it('lists children in order', () => {
    expect(codesOf(catalog.children('function', '21011'))).toEqual(['2101101', '2101102', '2101103', '2101199']);
    expect(catalog.children('function', '999')).toEqual([]);
  });
});

describe('government-fund function codes', () => {
  it.each(['2120809', '2120899', '21208', '2296002', '22960', '234', '2120898'])('%s belongs to the 基金 budget', (code) => {
    expect(isGovernmentFundFunction(code)).toBe(true);
  });

  it.each(['2101501', '212', '2120101', '229', '223', '22301', 'garbage', ''])('%s does not', (code) => {
    expect(isGovernmentFundFunction(code)).toBe(false);
  });

  it("covers every code of Henan's 政府性基金 table", () => {
    const henan = readSeed('henan-2024').split('\n');
    const start = henan.findIndex((line) => line.includes('政府性基金预算支出预算表') && !line.includes('、'));
    const end = henan.findIndex((line, i) => i > start && line.includes('国有资本经营预算支出预算表'));
    const fundCodes = seeds['henan-2024'].codes.filter((c) => c.kind === 'function' && c.line > start + 1 && c.line < end + 1);
    expect(fundCodes.map((c) => c.code)).toEqual(['2120809', '2120899']);
    for (const used of fundCodes) expect(isGovernmentFundFunction(used.code)).toBe(true);
    expect(catalog.functionFundHint('22301')).toBe('stateCapital');
  });
});

describe('legal economic pairs', () => {
  const kindsOf = (govEcon: string): UnitKind[] =>
    govEcon.startsWith('505') || govEcon.startsWith('506') ? ['institution'] : govEcon.startsWith('509') || govEcon.startsWith('599') ? [...UNIT_KINDS] : ['admin', 'civilServantManaged'];

  it.each(['henan-2024', 'shaanxi-2024'] as const)('%s: every pair the seed prints is legal for the unit kind it implies', (id) => {
    expect(seeds[id].pairs.length).toBeGreaterThan(30);
    for (const pair of seeds[id].pairs) {
      for (const unitKind of kindsOf(pair.govEcon)) {
        expect(isLegalPair(unitKind, pair.deptEcon, pair.govEcon), `line ${pair.line}: ${unitKind} ${pair.deptEcon} → ${pair.govEcon}`).toBe(true);
      }
      for (const unitKind of UNIT_KINDS.filter((k) => !kindsOf(pair.govEcon).includes(k))) {
        expect(isLegalPair(unitKind, pair.deptEcon, pair.govEcon), `${unitKind} ${pair.deptEcon} → ${pair.govEcon}`).toBe(false);
      }
    }
  });

  it('maps an administrative unit to 501/502 and a public institution to 505', () => {
    expect(legalGovEconCodes('admin', '30101')).toEqual(['50101']);
    expect(legalGovEconCodes('institution', '30101')).toEqual(['50501']);
    expect(legalGovEconCodes('admin', '30215')).toEqual(['50202']);
    expect(legalGovEconCodes('institution', '30215')).toEqual(['50502']);
    expect(legalGovEconCodes('admin', '31002')).toEqual(['50306']);
    expect(legalGovEconCodes('institution', '31002')).toEqual(['50601']);
    expect(legalGovEconCodes('institution', '30302')).toEqual(['50905']);
    expect(isLegalPair('admin', '30101', '50501')).toBe(false);
    expect(isLegalPair('institution', '30101', '50101')).toBe(false);
  });

  it('treats a 参公 unit exactly like an administrative one', () => {
    for (const entry of catalog.codes('deptEcon')) {
      expect(legalGovEconCodes('civilServantManaged', entry.code), entry.code).toEqual(legalGovEconCodes('admin', entry.code));
    }
  });

  it('gives every unit kind a legal 政府经济款 for every 款 of 301, 302 and 303', () => {
    for (const unitKind of UNIT_KINDS) {
      for (const entry of catalog.codes('deptEcon').filter((e) => e.level === 2 && /^30[123]/.test(e.code))) {
        const legal = legalGovEconCodes(unitKind, entry.code);
        expect(legal.length, `${unitKind} ${entry.code}`).toBeGreaterThan(0);
        for (const gov of legal) expect(lookupGovEcon(gov), gov).toBeDefined();
      }
    }
  });

  it('answers [] and false for unknown or class-level codes', () => {
    expect(legalGovEconCodes('admin', '30250')).toEqual([]);
    expect(legalGovEconCodes('admin', '301')).toEqual([]);
    expect(legalGovEconCodes('admin', 'x')).toEqual([]);
    expect(isLegalPair('admin', '30101', '59999')).toBe(false);
  });
});

describe('searchCodes', () => {
  it('ranks exact code, then code prefixes in tree order', () => {
    const hits = searchCodes('function', '2101');
    const prefixed = hits.filter((hit) => hit.code.startsWith('2101')).length;
    expect(prefixed).toBeGreaterThan(20);
    expect(hits.slice(0, prefixed).every((hit) => hit.code.startsWith('2101'))).toBe(true);
    expect(codesOf(hits.slice(0, 5))).toEqual(['21011', '2101101', '2101102', '2101103', '2101199']);
    expect(searchCodes('function', '210')[0]!.code).toBe('210');
    expect(searchCodes('deptEcon', '302')[0]!.code).toBe('302');
    expect(searchCodes('function', '２１０')[0]!.code).toBe('210');
  });

  it('puts code prefixes before codes that merely contain the digits', () => {
    const hits = codesOf(searchCodes('function', '2101', undefined, 500));
    const firstInner = hits.findIndex((code) => !code.startsWith('2101'));
    expect(hits[firstInner]).toBe('2082101');
    expect(hits.slice(firstInner).every((code) => !code.startsWith('2101') && code.includes('2101'))).toBe(true);
  });

  it('matches Chinese name fragments: name start before name middle before parent names', () => {
    const hits = codesOf(searchCodes('function', '医疗', undefined, 200));
    expect(hits.slice(0, 4)).toEqual(['21013', '21015', '2101505', '2101506']);
    expect(hits.indexOf('2101301')).toBeGreaterThan(hits.indexOf('2101506'));
    expect(hits.indexOf('2101501')).toBeGreaterThan(hits.indexOf('2101301'));
    expect(searchCodes('deptEcon', '办公')[0]!.code).toBe('30201');
  });

  it('narrows with several words, digits and text together', () => {
    expect(searchCodes('function', '医疗保障 行政运行')[0]!.code).toBe('2101501');
    const mixed = codesOf(searchCodes('function', '2101行政'));
    expect(mixed.slice(0, 3)).toEqual(['21011', '2101101', '2101501']);
    expect(mixed.every((code) => code.startsWith('2101'))).toBe(true);
    expect(codesOf(searchCodes('function', '城乡社区事务'))).toContain('212');
  });

  it('returns nothing for an empty or unmatched query and honours the limit', () => {
    expect(searchCodes('function', '   ')).toEqual([]);
    expect(searchCodes('function', '不存在的科目')).toEqual([]);
    expect(searchCodes('function', '行政运行', undefined, 3)).toHaveLength(3);
  });
});

describe('a catalogue with an imported list', () => {
  const imported = [
    { kind: 'function' as const, code: '2101598', name: '医保新设项目' },
    { kind: 'function' as const, code: '2101501', name: '行政运行（新）' },
    { kind: 'deptEcon' as const, code: '30250', name: '新经济科目' },
    { kind: 'function' as const, code: '12', name: 'ignored: malformed' },
  ];
  const extended = catalogFor(imported);

  it('adds new codes with their parents and keeps the built-in name as an alias', () => {
    expect(extended.lookupFunction('2101598')).toMatchObject({ name: '医保新设项目', level: 3, parents: ['210', '21015'], imported: true, confirmedBy: [] });
    expect(extended.functionAncestors('2101598')).toEqual(['210', '21015', '2101598']);
    expect(extended.lookupFunction('2101501')).toMatchObject({ name: '行政运行（新）', aliases: ['行政运行'], imported: true });
    expect(extended.lookupFunction('12')).toBeUndefined();
    expect(extended.searchCodes('function', '新设')[0]!.code).toBe('2101598');
    expect(lookupFunction('2101598')).toBeUndefined();
  });

  it('applies the class rules to an imported 部门经济款', () => {
    expect(extended.legalGovEconCodes('institution', '30250')).toEqual(['50502']);
    expect(extended.legalGovEconCodes('admin', '30250')).toEqual([]);
    expect(lookupFunction('2101598', extended)?.name).toBe('医保新设项目');
  });

  it('replaces an earlier import of the same kind only', () => {
    const next = replaceImportedKind(imported, 'function', [{ kind: 'function', code: '2101597', name: '另一个' }]);
    expect(next).toEqual([
      { kind: 'deptEcon', code: '30250', name: '新经济科目' },
      { kind: 'function', code: '2101597', name: '另一个' },
    ]);
  });

  it('is built once per entries array', () => {
    expect(catalogFor(imported)).toBe(extended);
    expect(catalogFor([])).toBe(catalogFor());
    expect(new Catalog(imported)).not.toBe(extended);
  });
});
