import functionFile from '../../../resources/catalogs/function-2024.json';
import deptEconFile from '../../../resources/catalogs/dept-econ-2024.json';
import govEconFile from '../../../resources/catalogs/gov-econ-2024.json';
import mappingFile from '../../../resources/catalogs/econ-mapping-2024.json';
import type { CatalogKind, UnitKind } from '../model';
import type { CatalogLevel } from './codes';

/**
 * The built-in catalogues shipped in resources/catalogs (docs/catalogs.md describes them).
 * Shapes of the JSON files; the files themselves are checked against these by the unit tests.
 */
export type SeedId = 'henan-2024' | 'hebei-2024' | 'shaanxi-2024';

/** Which budget a function code's money belongs to when it is not the general budget. */
export type FundHint = 'government' | 'stateCapital';

export interface CatalogFileEntry {
  code: string;
  name: string;
  level: CatalogLevel;
  /** Seeds whose published tables print this code with this name (or an alias). */
  confirmedBy: SeedId[];
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

export const BUILTIN_EDITION = 2024;

export const builtinCatalogFiles: Record<CatalogKind, CatalogFile> = {
  function: functionFile as CatalogFile,
  deptEcon: deptEconFile as CatalogFile,
  govEcon: govEconFile as CatalogFile,
};

export const builtinEconMapping = mappingFile as EconMappingFile;
