import { expect } from 'vitest';
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

/** A cell where our table and the published one differ for a reason the fixture README records. */
export interface KnownDifference {
  row: number;
  column: number;
  ours: string;
  published: string;
}

/**
 * Our body rows equal the published ones exactly, except the listed cells — and those differ in
 * exactly the recorded way, so the assertion still fails if anything else drifts.
 */
export function expectRowsMatchPublished(rows: string[][], published: string[][], differences: readonly KnownDifference[] = []): void {
  const expectedRows = published.map((row) => [...row]);
  for (const difference of differences) {
    expect(rows[difference.row]?.[difference.column]).toBe(difference.ours);
    expect(expectedRows[difference.row]?.[difference.column]).toBe(difference.published);
    expectedRows[difference.row]![difference.column] = difference.ours;
  }
  expect(rows).toEqual(expectedRows);
}
