import { asciiDigits, normalizeName } from './codes';
import type { CatalogCode } from './entry';

/**
 * Ranked search for code pickers. A query is split into digit runs and text runs
 * ("2101 行政" → ["2101", "行政"]); every part must match. Digits match codes (exact, then
 * prefix, then anywhere); text matches the name, then aliases, then the names of the code's
 * parents ("医疗保障 行政运行" finds 2101501). Code-prefix matches outrank name matches;
 * ties keep catalogue order, which is tree order.
 */
export interface SearchIndexEntry {
  entry: CatalogCode;
  name: string;
  aliases: string[];
  parentNames: string[];
}

const NO_MATCH = Number.POSITIVE_INFINITY;

function queryParts(query: string): string[] {
  return asciiDigits(query)
    .split(/\s+/)
    .flatMap((word) => word.match(/\d+|\D+/g) ?? [])
    .map(normalizeName)
    .filter((part) => part !== '');
}

function digitScore(code: string, part: string): number {
  if (code === part) return 0;
  if (code.startsWith(part)) return 1;
  return code.includes(part) ? 7 : NO_MATCH;
}

function textScore(item: SearchIndexEntry, part: string): number {
  if (item.name === part) return 2;
  if (item.name.startsWith(part)) return 3;
  if (item.name.includes(part)) return 4;
  if (item.aliases.some((alias) => alias.includes(part))) return 5;
  return item.parentNames.some((name) => name.includes(part)) ? 6 : NO_MATCH;
}

export function searchIndex(index: readonly SearchIndexEntry[], query: string, limit: number): CatalogCode[] {
  const parts = queryParts(query);
  if (parts.length === 0 || limit <= 0) return [];
  const scored: { score: number; order: number; entry: CatalogCode }[] = [];
  index.forEach((item, order) => {
    let score = 0;
    for (const part of parts) {
      score += /^\d+$/.test(part) ? digitScore(item.entry.code, part) : textScore(item, part);
      if (score === NO_MATCH) return;
    }
    scored.push({ score, order, entry: item.entry });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((hit) => hit.entry);
}
