import functionFile2024 from '../../../resources/catalogs/function-2024.json';
import deptEconFile2024 from '../../../resources/catalogs/dept-econ-2024.json';
import govEconFile2024 from '../../../resources/catalogs/gov-econ-2024.json';
import mappingFile2024 from '../../../resources/catalogs/econ-mapping-2024.json';
import type { CatalogKind, UnitKind } from '../model';
import type { CatalogLevel } from './codes';

/**
 * The built-in catalogues shipped in resources/catalogs (docs/catalogs.md describes them), one set
 * per edition. Shapes of the JSON files; the files themselves are checked against these by the unit tests.
 */
export type SeedId = 'henan-2024' | 'hebei-2024' | 'shaanxi-2024';

/** Which budget a function code's money belongs to when it is not the general budget. */
export type FundHint = 'government' | 'stateCapital';

/**
 * Where a built-in entry comes from: "seed:henan" (… hebei, shaanxi) when that seed's published
 * tables print the code with this name (the first seed of `confirmedBy`); "mof-2024" when it is
 * taken from the Ministry of Finance's list of that year as the authors could state it with
 * certainty and no seed prints it.
 */
export type CatalogSource = `mof-${number}` | `seed:${'henan' | 'hebei' | 'shaanxi'}`;

export interface CatalogFileEntry {
  code: string;
  name: string;
  level: CatalogLevel;
  /** Seeds whose published tables print this code with this name (or an alias). */
  confirmedBy: SeedId[];
  source: CatalogSource;
  /** Other names the code is published under (older names, province wording). */
  aliases?: string[];
  fund?: FundHint;
}

export interface CatalogFile {
  kind: CatalogKind;
  edition: number;
  title: string;
  source: string;
  confirmedByMeans: string;
  entries: CatalogFileEntry[];
}

export interface EconPair {
  deptEcon: string;
  govEcon: string;
  unitKinds: UnitKind[];
  confirmedBy: SeedId[];
  /** As for entries, or "inferred": the authors' inference, with a `note` saying why (both candidates listed where two fit). */
  source: CatalogSource | 'inferred';
  note?: string;
}

/** For a 部门经济款 with no listed pair: units of these kinds may use `govEcon` for any 款 of the 类. */
export interface EconClassRule {
  deptEconClass: string;
  govEcon: string;
  unitKinds: UnitKind[];
}

export interface EconMappingFile {
  edition: number;
  title: string;
  source: string;
  classRules: EconClassRule[];
  pairs: EconPair[];
}

/** One edition of the built-in lists: the three classifications and their mapping. */
export interface BuiltinEdition {
  edition: number;
  files: Record<CatalogKind, CatalogFile>;
  mapping: EconMappingFile;
}

/** Every built-in edition, oldest first. A new edition is one more entry here (docs/catalogs.md). */
export const BUILTIN_EDITIONS: readonly BuiltinEdition[] = [
  {
    edition: 2024,
    files: {
      function: functionFile2024 as CatalogFile,
      deptEcon: deptEconFile2024 as CatalogFile,
      govEcon: govEconFile2024 as CatalogFile,
    },
    mapping: mappingFile2024 as EconMappingFile,
  },
];

const LATEST = BUILTIN_EDITIONS[BUILTIN_EDITIONS.length - 1] as BuiltinEdition;

/** The newest built-in edition. */
export const BUILTIN_EDITION = LATEST.edition;

/** The newest edition's files (the lists code names are printed from when no edition is asked for). */
export const builtinCatalogFiles: Record<CatalogKind, CatalogFile> = LATEST.files;

export const builtinEconMapping: EconMappingFile = LATEST.mapping;

/** Which built-in edition serves a budget year, and whether it is that year's own. */
export interface EditionChoice {
  /** The year asked for (a workbook's settings.catalogEdition, which defaults to its budget year). */
  requested: number;
  /** The built-in edition used. */
  edition: number;
  /** True when the year's own edition is built in. */
  builtIn: boolean;
}

/**
 * The edition for a budget year: the year's own when built in; otherwise the latest built-in
 * edition not after the year (the newest list the Ministry had issued by then), or the oldest one
 * for a year before every built-in edition. Never refuses a year: entry must not depend on it.
 */
export function editionFor(year: number | undefined): EditionChoice {
  if (year === undefined || !Number.isFinite(year)) return { requested: BUILTIN_EDITION, edition: BUILTIN_EDITION, builtIn: true };
  const own = BUILTIN_EDITIONS.find((candidate) => candidate.edition === year);
  if (own) return { requested: year, edition: own.edition, builtIn: true };
  const before = BUILTIN_EDITIONS.filter((candidate) => candidate.edition < year);
  const chosen = before[before.length - 1] ?? (BUILTIN_EDITIONS[0] as BuiltinEdition);
  return { requested: year, edition: chosen.edition, builtIn: false };
}

/** The built-in lists of an edition (as chosen by editionFor). */
export function builtinEdition(edition: number): BuiltinEdition {
  return BUILTIN_EDITIONS.find((candidate) => candidate.edition === edition) ?? LATEST;
}
