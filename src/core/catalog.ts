import type { CatalogEntry, CatalogKind, UnitKind, Workbook } from './model';
import { BUILTIN_EDITION, builtinEdition, editionFor, type BuiltinEdition, type EditionChoice, type FundHint } from './catalog/builtin';
import { isWellFormedCode, levelOf, normalizeName, parentCodes } from './catalog/codes';
import type { CatalogCode } from './catalog/entry';
import { searchIndex, type SearchIndexEntry } from './catalog/search';

export type { CatalogCode } from './catalog/entry';
export type { CatalogLevel } from './catalog/codes';
export type { CatalogSource, EconPair, EditionChoice, FundHint, SeedId } from './catalog/builtin';
export { BUILTIN_EDITION, BUILTIN_EDITIONS, editionFor } from './catalog/builtin';
export { isWellFormedCode, levelOf, normalizeName, parentCodes } from './catalog/codes';
export { planCatalogImport, type AddedCode, type CatalogImportPlan, type RenamedCode } from './catalog/import-plan';

/**
 * The classification catalogues a workbook's codes are checked against: the built-in lists of
 * one edition (resources/catalogs; the newest unless told) extended by the list the clerk
 * imported into the workbook (`workbook.catalogEntries`). An imported name replaces the built-in
 * one, which is kept as an alias. Every lookup of an unknown code answers undefined (or an empty
 * list), never throws. A code the catalogue does not know is still a code a line may carry: the
 * checks flag it, nothing refuses it.
 */
export class Catalog {
  /** The built-in edition the lists come from. */
  readonly edition: number;
  private readonly builtin: BuiltinEdition;
  private readonly byCode: Record<CatalogKind, Map<string, CatalogCode>>;
  private readonly ordered: Record<CatalogKind, CatalogCode[]>;
  private readonly indexes: Partial<Record<CatalogKind, SearchIndexEntry[]>> = {};
  private readonly nameIndexes: Partial<Record<CatalogKind, Map<string, CatalogCode[]>>> = {};
  /** unit kind → 部门经济款 → 政府经济款 listed for it. */
  private readonly pairs = new Map<UnitKind, Map<string, string[]>>();

  constructor(imported: readonly CatalogEntry[] = [], edition: number = BUILTIN_EDITION) {
    this.builtin = builtinEdition(edition);
    this.edition = this.builtin.edition;
    const codes = (kind: CatalogKind) => builtinCodes(this.builtin, kind);
    this.byCode = { function: codes('function'), deptEcon: codes('deptEcon'), govEcon: codes('govEcon') };
    for (const entry of imported) this.addImported(entry);
    const sorted = (kind: CatalogKind) => [...this.byCode[kind].values()].sort((a, b) => compareCodes(a.code, b.code));
    this.ordered = { function: sorted('function'), deptEcon: sorted('deptEcon'), govEcon: sorted('govEcon') };
    for (const pair of this.builtin.mapping.pairs) {
      for (const unitKind of pair.unitKinds) {
        const byDept = this.pairs.get(unitKind) ?? new Map<string, string[]>();
        byDept.set(pair.deptEcon, [...(byDept.get(pair.deptEcon) ?? []), pair.govEcon]);
        this.pairs.set(unitKind, byDept);
      }
    }
  }

  lookup(kind: CatalogKind, code: string): CatalogCode | undefined {
    const codes: Map<string, CatalogCode> | undefined = this.byCode[kind];
    return codes?.get(code);
  }

  lookupFunction(code: string): CatalogCode | undefined {
    return this.lookup('function', code);
  }

  lookupDeptEcon(code: string): CatalogCode | undefined {
    return this.lookup('deptEcon', code);
  }

  lookupGovEcon(code: string): CatalogCode | undefined {
    return this.lookup('govEcon', code);
  }

  /** Every code of a kind in tree order (类, its 款, their 项, next 类 …). */
  codes(kind: CatalogKind): readonly CatalogCode[] {
    return this.ordered[kind];
  }

  /** The codes directly under `code`, in order. */
  children(kind: CatalogKind, code: string): CatalogCode[] {
    return this.ordered[kind].filter((entry) => entry.parents[entry.parents.length - 1] === code);
  }

  /** '2101501' → ['210', '21015', '2101501']; undefined when the code is not in the catalogue. */
  functionAncestors(code: string): string[] | undefined {
    if (!this.byCode.function.has(code)) return undefined;
    return [...parentCodes('function', code), code];
  }

  /** The 类 rows every 收支总表 lists, in code order (201 一般公共服务支出 … 234). */
  allFunctionClasses(): CatalogCode[] {
    return this.ordered.function.filter((entry) => entry.level === 1);
  }

  /**
   * The 政府经济款 a unit of this kind may pair with a 部门经济款: the listed pairs, or for a
   * 款 with none listed (e.g. imported from a newer list) the class rules. [] for unknown codes.
   */
  legalGovEconCodes(unitKind: UnitKind, deptEconCode: string): string[] {
    if (!this.byCode.deptEcon.has(deptEconCode) || levelOf('deptEcon', deptEconCode) !== 2) return [];
    const listed = this.pairs.get(unitKind)?.get(deptEconCode);
    if (listed) return [...listed];
    return this.builtin.mapping.classRules
      .filter((rule) => rule.unitKinds.includes(unitKind) && deptEconCode.startsWith(rule.deptEconClass))
      .map((rule) => rule.govEcon);
  }

  isLegalPair(unitKind: UnitKind, deptEconCode: string, govEconCode: string): boolean {
    return this.legalGovEconCodes(unitKind, deptEconCode).includes(govEconCode);
  }

  /** The fund hint of a function code or of the nearest code above it that has one. */
  functionFundHint(code: string): FundHint | null {
    const chain = [code, ...parentCodes('function', code).reverse()];
    for (const candidate of chain) {
      const hint = this.byCode.function.get(candidate)?.fund;
      if (hint) return hint;
    }
    return null;
  }

  /** Does money on this function code belong to the 政府性基金 budget (212 08 …, 229 60 …)? */
  isGovernmentFundFunction(code: string): boolean {
    return isWellFormedCode('function', code) && this.functionFundHint(code) === 'government';
  }

  /** Codes whose name or alias equals `name` (compared as normalizeName does), optionally at one level. */
  findByName(kind: CatalogKind, name: string, level?: CatalogCode['level']): CatalogCode[] {
    const found = this.nameIndexOf(kind).get(normalizeName(name)) ?? [];
    return level === undefined ? [...found] : found.filter((entry) => entry.level === level);
  }

  /** Ranked matches for a picker: digit prefixes ("2101") or name fragments ("医疗 行政运行"). */
  searchCodes(kind: CatalogKind, query: string, limit = 50): CatalogCode[] {
    return searchIndex(this.searchIndexOf(kind), query, limit);
  }

  private searchIndexOf(kind: CatalogKind): SearchIndexEntry[] {
    const existing = this.indexes[kind];
    if (existing) return existing;
    const built = this.ordered[kind].map((entry) => ({
      entry,
      name: normalizeName(entry.name),
      aliases: entry.aliases.map(normalizeName),
      parentNames: entry.parents.flatMap((code) => {
        const parent = this.byCode[kind].get(code);
        return parent ? [normalizeName(parent.name)] : [];
      }),
    }));
    this.indexes[kind] = built;
    return built;
  }

  private nameIndexOf(kind: CatalogKind): Map<string, CatalogCode[]> {
    const existing = this.nameIndexes[kind];
    if (existing) return existing;
    const index = new Map<string, CatalogCode[]>();
    for (const entry of this.ordered[kind]) {
      for (const name of new Set([entry.name, ...entry.aliases].map(normalizeName))) {
        if (name !== '') index.set(name, [...(index.get(name) ?? []), entry]);
      }
    }
    this.nameIndexes[kind] = index;
    return index;
  }

  private addImported(entry: CatalogEntry): void {
    const level = levelOf(entry.kind, entry.code);
    const name = entry.name.trim();
    if (level === undefined || name === '') return;
    const codes = this.byCode[entry.kind];
    const known = codes.get(entry.code);
    if (known) {
      const renamed = normalizeName(known.name) !== normalizeName(name);
      const aliases = renamed ? [known.name, ...known.aliases] : known.aliases;
      codes.set(entry.code, {
        ...known,
        name,
        aliases: aliases.filter((alias, i) => normalizeName(alias) !== normalizeName(name) && aliases.indexOf(alias) === i),
        imported: true,
      });
      return;
    }
    codes.set(entry.code, {
      kind: entry.kind,
      code: entry.code,
      name,
      level,
      parents: parentCodes(entry.kind, entry.code),
      aliases: [],
      confirmedBy: [],
      source: 'import',
      fund: null,
      imported: true,
    });
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function builtinCodes(edition: BuiltinEdition, kind: CatalogKind): Map<string, CatalogCode> {
  const codes = new Map<string, CatalogCode>();
  for (const entry of edition.files[kind].entries) {
    codes.set(entry.code, {
      kind,
      code: entry.code,
      name: entry.name,
      level: entry.level,
      parents: parentCodes(kind, entry.code),
      aliases: [...(entry.aliases ?? [])],
      confirmedBy: [...entry.confirmedBy],
      source: entry.source,
      fund: entry.fund ?? null,
      imported: false,
    });
  }
  return codes;
}

/**
 * The workbook's catalogEntries after importing a list of one kind: the new list replaces the
 * earlier import of that kind and leaves the other kinds alone.
 */
export function replaceImportedKind(existing: readonly CatalogEntry[], kind: CatalogKind, imported: readonly CatalogEntry[]): CatalogEntry[] {
  return [...existing.filter((entry) => entry.kind !== kind), ...imported.filter((entry) => entry.kind === kind)];
}

const NO_IMPORTS: readonly CatalogEntry[] = [];
/** Per edition: imported entries array → its catalogue. */
const catalogs = new Map<number, WeakMap<readonly CatalogEntry[], Catalog>>();

/**
 * The catalogue for a workbook's imported entries (the built-in one for none), from the built-in
 * edition that serves `year` (editionFor; the newest when no year is given). Cached per edition
 * and array, so calling it on every render with the same `workbook.catalogEntries` is cheap.
 */
export function catalogFor(imported: readonly CatalogEntry[] = NO_IMPORTS, year?: number): Catalog {
  const edition = editionFor(year).edition;
  const key = imported.length === 0 ? NO_IMPORTS : imported;
  let byEntries = catalogs.get(edition);
  if (!byEntries) {
    byEntries = new WeakMap();
    catalogs.set(edition, byEntries);
  }
  let catalog = byEntries.get(key);
  if (!catalog) {
    catalog = new Catalog(key, edition);
    byEntries.set(key, catalog);
  }
  return catalog;
}

/** The catalogue a workbook's codes are checked against: its catalogue edition (budget year) and its imports. */
export function catalogForWorkbook(workbook: Pick<Workbook, 'catalogEntries' | 'settings'>): Catalog {
  return catalogFor(workbook.catalogEntries, workbook.settings.catalogEdition);
}

/** Which built-in edition serves the workbook, and whether it is the year's own (when not, say so). */
export function workbookEdition(workbook: Pick<Workbook, 'settings'>): EditionChoice {
  return editionFor(workbook.settings.catalogEdition);
}

// The same questions as free functions; without a catalogue argument they ask the built-in one.

export function lookupFunction(code: string, catalog: Catalog = catalogFor()): CatalogCode | undefined {
  return catalog.lookupFunction(code);
}

export function lookupDeptEcon(code: string, catalog: Catalog = catalogFor()): CatalogCode | undefined {
  return catalog.lookupDeptEcon(code);
}

export function lookupGovEcon(code: string, catalog: Catalog = catalogFor()): CatalogCode | undefined {
  return catalog.lookupGovEcon(code);
}

export function functionAncestors(code: string, catalog: Catalog = catalogFor()): string[] | undefined {
  return catalog.functionAncestors(code);
}

export function allFunctionClasses(catalog: Catalog = catalogFor()): CatalogCode[] {
  return catalog.allFunctionClasses();
}

export function legalGovEconCodes(unitKind: UnitKind, deptEconCode: string, catalog: Catalog = catalogFor()): string[] {
  return catalog.legalGovEconCodes(unitKind, deptEconCode);
}

export function isLegalPair(unitKind: UnitKind, deptEcon: string, govEcon: string, catalog: Catalog = catalogFor()): boolean {
  return catalog.isLegalPair(unitKind, deptEcon, govEcon);
}

export function isGovernmentFundFunction(code: string, catalog: Catalog = catalogFor()): boolean {
  return catalog.isGovernmentFundFunction(code);
}

export function searchCodes(kind: CatalogKind, query: string, catalog: Catalog = catalogFor(), limit = 50): CatalogCode[] {
  return catalog.searchCodes(kind, query, limit);
}
