import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The Frictionless Data reference validator for JavaScript (devDependency only).
import { Package } from 'datapackage';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/core/money';
import { findTemplate } from '../../src/core/templates';
import { exportOpenData } from '../../src/main/services/export';
import { loadSeedWorkbook, SEED_IDS } from '../support/seeds';

const work = mkdtempSync(join(tmpdir(), 'budget-open-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface FrictionlessResource {
  name: string;
  descriptor: { schema: { fields: { name: string; columnType?: string }[] } };
  read(options: { keyed: true; cast: boolean }): Promise<Record<string, unknown>[]>;
}

describe.each(SEED_IDS)('open data of %s validates as a Frictionless Data Package', (seed) => {
  it('is a valid package whose every resource reads with 0 errors, and the fact table adds up to the lines', async () => {
    const workbook = loadSeedWorkbook(seed);
    const folder = join(work, seed);
    await exportOpenData(workbook, findTemplate(seed)!, folder);
    const pkg = await Package.load(join(folder, 'datapackage.json'));
    expect(pkg.errors.map((error: Error) => error.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const resources = pkg.resources as FrictionlessResource[];
    for (const resource of resources) {
      // Reading with cast checks every value against its field's type; a BOM would break the first header.
      const rows = await resource.read({ keyed: true, cast: true });
      if (rows.length > 0) expect(Object.keys(rows[0]!)[0], resource.name).toBe(resource.descriptor.schema.fields[0]!.name);
    }
    const facts = resources.find((resource) => resource.name === 'budget-lines')!;
    const rows = await facts.read({ keyed: true, cast: false });
    const total = rows.reduce((sum, row) => {
      const parsed = parseMoney(String(row.amount), 'yuan');
      if (!parsed.ok) throw new Error(String(row.amount));
      return sum + parsed.fen;
    }, 0);
    expect(total).toBe(workbook.budgetLines.reduce((sum, line) => sum + line.amount, 0));
    // Only the fact table carries the `value` annotation: display tables pivot and subtotal, a fiscal tool must not add them.
    const valued = resources.filter((resource) => resource.descriptor.schema.fields.some((field) => field.columnType === 'value')).map((resource) => resource.name);
    expect(valued).toEqual(['budget-lines', 'income-lines']);
    for (const resource of resources.filter((candidate) => candidate.name.startsWith('table-'))) {
      expect(resource.descriptor.schema.fields[0]!.name).toBe('row_type');
    }
  });
});
