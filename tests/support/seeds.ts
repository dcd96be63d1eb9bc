import { readFileSync } from 'node:fs';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';

export const SEED_IDS = ['henan-2024', 'hebei-2024', 'shaanxi-2024'] as const;
export type SeedId = (typeof SEED_IDS)[number];

export interface PublishedTable {
  id: string;
  number: string;
  title: string;
  meta: string[];
  header: string[][];
  rows: string[][];
  notes: string[];
  empty: boolean;
}

export function seedPath(seed: SeedId, file: string): string {
  return new URL(`../fixtures/seeds/${seed}/${file}`, import.meta.url).pathname;
}

/** The seed's facts, as the fixture's interchange file holds them. */
export function loadSeedWorkbook(seed: SeedId): Workbook {
  const parsed = fromInterchange(JSON.parse(readFileSync(seedPath(seed, 'workbook.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`${seed}/workbook.json: ${JSON.stringify(parsed.issues.slice(0, 5))}`);
  return parsed.workbook;
}

/** The tables the seed publishes, transcribed once. */
export function loadPublishedTables(seed: SeedId): PublishedTable[] {
  return JSON.parse(readFileSync(seedPath(seed, 'tables.json'), 'utf8')).tables;
}
