import type { z } from 'zod';
import type { TemplateSpec } from '../tables/spec';
import { baseTemplateSchema, TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, variantTemplateSchema, type TemplateDocument } from './document';
import { applyVariant } from './overlay';
import { jsonPath, ProblemList, type TemplateProblem } from './problems';
import { resolveColumnRefs, validateTemplate } from './validate';

export type TemplateResult = { ok: true; template: TemplateSpec; document: TemplateDocument } | { ok: false; problems: TemplateProblem[] };

/** Finds the document a variant extends, by id (built-ins, the bureau's folder, the workbook's own). */
export type BaseLookup = (id: string) => unknown;

/**
 * Reads a template file's text or parsed JSON into a resolved template, or the list of everything wrong
 * with it. Never throws for anything in the file; a broken template is never half-used.
 *
 *   const result = loadTemplate(readFileSync('county.json', 'utf8'), builtinLookup);
 *   if (!result.ok) for (const p of result.problems) console.log(p.path, t(p.messageKey, p.params));
 */
export function loadTemplate(input: unknown, lookup: BaseLookup = () => undefined): TemplateResult {
  return resolve(input, lookup, []);
}

function resolve(input: unknown, lookup: BaseLookup, chain: string[]): TemplateResult {
  const problems = new ProblemList();
  const value = typeof input === 'string' ? parseJson(input, problems) : input;
  if (!problems.empty) return { ok: false, problems: problems.items };
  const document = checkShape(value, problems);
  if (!document) return { ok: false, problems: problems.items };
  let template: TemplateSpec;
  if ('extends' in document) {
    if (chain.includes(document.extends) || document.extends === document.id) {
      return { ok: false, problems: [{ path: 'extends', messageKey: 'template:extendsCycle', params: { chain: [...chain, document.id, document.extends].join(' → ') } }] };
    }
    const base = lookup(document.extends);
    if (base === undefined) return { ok: false, problems: [{ path: 'extends', messageKey: 'template:unknownBase', params: { id: document.extends } }] };
    const resolvedBase = resolve(base, lookup, [...chain, document.id]);
    if (!resolvedBase.ok) {
      // A cycle is this file's problem as much as the base's: say it once, plainly.
      const cycle = resolvedBase.problems.find((problem) => problem.messageKey === 'template:extendsCycle');
      if (cycle) return { ok: false, problems: [cycle] };
      return { ok: false, problems: [{ path: 'extends', messageKey: 'template:brokenBase', params: { id: document.extends, count: resolvedBase.problems.length } }, ...resolvedBase.problems.map((p) => ({ ...p, path: `(${document.extends}) ${p.path}` }))] };
    }
    template = applyVariant(resolvedBase.template, document, problems);
  } else {
    const { $schema: _schema, format: _format, formatVersion: _version, ...spec } = document;
    template = spec as unknown as TemplateSpec;
  }
  // The variant's own mistakes and those of the template it produces are reported together.
  template = resolveColumnRefs(template, problems);
  validateTemplate(template, problems);
  return problems.empty ? { ok: true, template, document } : { ok: false, problems: problems.items };
}

function parseJson(text: string, problems: ProblemList): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.add('(file)', 'template:notJson', { detail: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

function checkShape(value: unknown, problems: ProblemList): TemplateDocument | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== TEMPLATE_FORMAT) {
    problems.add('format', 'template:notATemplate', { format: TEMPLATE_FORMAT });
    return undefined;
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > TEMPLATE_FORMAT_VERSION) {
    problems.add('formatVersion', 'template:newerFormat', { version, supported: TEMPLATE_FORMAT_VERSION });
    return undefined;
  }
  const schema = 'extends' in value ? variantTemplateSchema : baseTemplateSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as TemplateDocument;
  for (const issue of parsed.error.issues) problems.add(jsonPath(issue.path as (string | number)[]), ...describeIssue(issue, value));
  return undefined;
}

/** A zod issue as a message key and its values: the kind of mistake, never zod's English. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): [string, Record<string, string | number>] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? ['template:missingField', {}] : ['template:wrongType', { expected: issue.expected }];
    case 'unrecognized_keys':
      return ['template:unknownField', { keys: issue.keys.join(', ') }];
    case 'invalid_value':
      return ['template:notOneOf', { values: issue.values.map((item) => JSON.stringify(item)).join(', ') }];
    case 'invalid_union': {
      const at = valueAt(root, issue.path);
      const kind = typeof at === 'object' && at !== null ? ((at as { kind?: unknown }).kind ?? (at as { dim?: unknown }).dim) : at;
      if ('discriminator' in issue || kind !== undefined) return ['template:unknownKind', { value: String(kind ?? '') }];
      return ['template:noShapeFits', {}];
    }
    case 'too_small':
      return ['template:tooSmall', { minimum: String(issue.minimum) }];
    case 'too_big':
      return ['template:tooBig', { maximum: String(issue.maximum) }];
    case 'invalid_format':
      return ['template:badFormat', { detail: issue.message }];
    default:
      return ['template:invalid', { detail: issue.message }];
  }
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
