import type { TemplateSpec } from '../tables/spec';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type BaseTemplateDocument } from './document';

/**
 * A resolved template as a whole template file (no `extends`): what `template show` prints, what
 * `template export` writes and what a workbook keeps of a template that is not built in, so the file
 * prints the same package on a machine that lacks the template's base.
 */
export function toBaseDocument(template: TemplateSpec): BaseTemplateDocument {
  const { id, version, name, description, province, year, money, conventions, tables, narrative, glossary, package: pkg } = template;
  return {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id,
    version,
    name,
    ...(description !== undefined ? { description } : {}),
    province,
    year,
    money,
    conventions,
    tables,
    ...(narrative ? { narrative } : {}),
    glossary,
    package: pkg,
  } as BaseTemplateDocument;
}
