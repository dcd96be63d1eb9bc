import type { CatalogKind } from '../model';
import type { CatalogSource, FundHint, SeedId } from './builtin';
import type { CatalogLevel } from './codes';

/** One code of a catalogue as callers see it. */
export interface CatalogCode {
  kind: CatalogKind;
  code: string;
  name: string;
  level: CatalogLevel;
  /** Codes above this one, outermost first: 2101501 → ['210', '21015']. */
  parents: string[];
  /** Other names the code is published under; includes the built-in name when an import renamed it. */
  aliases: string[];
  /** Seeds whose published tables print this code with this name or an alias; empty for imported codes. */
  confirmedBy: SeedId[];
  /** Where the entry comes from: the built-in file's `source` ("mof-2024", "seed:henan" …), or "import". */
  source: CatalogSource | 'import';
  /** This code's own fund hint (not inherited); see Catalog.isGovernmentFundFunction for the inherited answer. */
  fund: FundHint | null;
  /** True when the workbook's imported list contains this code. */
  imported: boolean;
}
