import { z } from 'zod';
import { templateDocumentSchema } from './document';

/** The template file format as a JSON Schema document (draft 2020-12), generated from the zod schemas. */
export function templateJsonSchema(): string {
  const schema = z.toJSONSchema(templateDocumentSchema, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' });
  const document = {
    $id: 'https://budget-desk.invalid/template.schema.json',
    title: 'Budget Desk template',
    description: 'A disclosure-package layout: a whole template, or a variant that extends another and lists only what differs (docs/templates.md).',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
