import { z } from 'zod';
import { interchangeSchema } from './interchange';

/** The interchange format as a JSON Schema document (draft 2020-12), generated from the zod schema. */
export function interchangeJsonSchema(): string {
  const schema = z.toJSONSchema(interchangeSchema, { target: 'draft-2020-12' });
  const document = {
    $id: 'https://budget-desk.invalid/interchange.schema.json',
    title: 'Budget Desk workbook interchange format',
    description: 'A complete, exact form of one department-year budget workbook. Amounts are 元 strings with two decimals.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
