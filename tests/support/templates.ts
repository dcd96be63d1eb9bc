import { readFileSync } from 'node:fs';
import type { TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, loadTemplate } from '../../src/core/templates';

/** A template file read from disk and resolved, as a clerk's file is: the shipped ones or a fixture. */
export function templateFromFile(path: string | URL): TemplateSpec {
  const result = loadTemplate(readFileSync(path, 'utf8'), builtinLookup);
  if (!result.ok) throw new Error(`${String(path)}: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.template;
}

/** A built-in template from its file in resources/templates. */
export function shippedTemplate(id: string): TemplateSpec {
  return templateFromFile(new URL(`../../resources/templates/${id}.json`, import.meta.url));
}
