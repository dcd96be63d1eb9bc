import type { z } from 'zod';
import { calendarDate, fenAmount, indicatorSchema, modelSchemas } from '../interchange';
import type { Fen } from '../money';
import type { Indicator, ProcurementItem, Project, Unit, Workbook } from '../model';

/**
 * Path cells ({ "path": "project.code" }) read any fact the model holds. A path is a scope object's name
 * and the field names below it, as the interchange format spells them; the fields are not listed by hand
 * but read off the model's zod schemas (interchange.ts), so a field added to the model is reachable
 * without touching the engine. Records take the rest of the path as their key
 * (`priorYear.figures.sanGong.reception`, `texts.blocks.workTasks`); lists are not single values.
 */

/** The objects a path may start from. */
export type PathRoot = WorkbookRoot | RowRoot;

/** Always there: the workbook's singletons. */
export const WORKBOOK_ROOTS = ['department', 'settings', 'departmentPerformance', 'texts', 'assets', 'priorYear'] as const;
type WorkbookRoot = (typeof WORKBOOK_ROOTS)[number];

/** There only where the row stands for one: a unit, a project, an indicator, a task, a procurement item. */
export const ROW_ROOTS = ['unit', 'project', 'indicator', 'task', 'item'] as const;
export type RowRoot = (typeof ROW_ROOTS)[number];

/** The row objects a generated row stands for (the table's project stands in for `project` when absent). */
export interface RowScope {
  unit?: Unit;
  project?: Project;
  indicator?: Indicator;
  task?: Workbook['departmentPerformance']['tasks'][number];
  item?: ProcurementItem;
}

const departmentPerformance = modelSchemas.departmentPerformance;

const ROOT_SCHEMAS: Record<PathRoot, z.ZodType> = {
  department: modelSchemas.department,
  settings: modelSchemas.settings,
  departmentPerformance,
  texts: modelSchemas.texts,
  assets: modelSchemas.assets,
  priorYear: modelSchemas.priorYear,
  unit: modelSchemas.unit,
  project: modelSchemas.project,
  indicator: indicatorSchema,
  task: departmentPerformance.shape.tasks.element,
  item: modelSchemas.project.shape.procurement.element,
};

/** What a path's value is, which decides how it prints. */
export type PathLeaf = 'text' | 'money' | 'date' | 'number' | 'boolean' | 'enum';

export type PathInfo =
  | { ok: true; root: PathRoot; leaf: PathLeaf; values?: readonly string[] }
  /** `at` is the longest valid prefix (or "" for an unknown root); `fields` what may follow it. */
  | { ok: false; at: string; fields: string[] };

const infos = new Map<string, PathInfo>();

/** Whether `path` names a single value of the model, and of what kind; cached per path. */
export function describePath(path: string): PathInfo {
  let info = infos.get(path);
  if (!info) {
    info = walk(path);
    infos.set(path, info);
  }
  return info;
}

function walk(path: string): PathInfo {
  const [root = '', ...rest] = path.split('.');
  if (!(root in ROOT_SCHEMAS)) return { ok: false, at: '', fields: [...WORKBOOK_ROOTS, ...ROW_ROOTS] };
  let schema = unwrap(ROOT_SCHEMAS[root as PathRoot]);
  let at = root;
  for (let index = 0; index < rest.length; index += 1) {
    const segment = rest[index] ?? '';
    const type = schema.def.type;
    if (type === 'object') {
      const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
      const next = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
      if (!next) return { ok: false, at, fields: valueFields(schema) };
      schema = unwrap(next);
      at = `${at}.${segment}`;
    } else if (type === 'record') {
      // The rest of the path is the key: figure keys have dots of their own.
      const key = rest.slice(index).join('.');
      if (key === '') return { ok: false, at, fields: ['<key>'] };
      schema = unwrap((schema as z.ZodRecord).valueType as z.ZodType);
      at = `${at}.${key}`;
      break;
    } else {
      return { ok: false, at, fields: [] };
    }
  }
  const leaf = leafOf(schema);
  if (!leaf) return { ok: false, at, fields: valueFields(schema) };
  const values = leaf === 'enum' ? (schema as z.ZodEnum).options.map(String) : undefined;
  return { ok: true, root: root as PathRoot, leaf, ...(values ? { values } : {}) };
}

/** The fields below an object (or `<key>` below a record) that lead to a value: what a wrong path may say instead. */
function valueFields(schema: z.ZodType): string[] {
  if (schema.def.type === 'record') return ['<key>'];
  if (schema.def.type !== 'object') return [];
  return Object.entries((schema as z.ZodObject).shape as Record<string, z.ZodType>)
    .filter(([, field]) => {
      const inner = unwrap(field);
      return leafOf(inner) !== null || inner.def.type === 'object' || inner.def.type === 'record';
    })
    .map(([name]) => name);
}

function leafOf(schema: z.ZodType): PathLeaf | null {
  if (schema === fenAmount) return 'money';
  if (schema === calendarDate) return 'date';
  switch (schema.def.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'enum';
    default:
      return null;
  }
}

/** Optional, nullable and defaulted fields read as the value inside. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current.def.type === 'optional' || current.def.type === 'nullable' || current.def.type === 'default') {
    current = (current.def as unknown as { innerType: z.ZodType }).innerType;
  }
  return current;
}

/** How the engine names coded values where the cell gives no names of its own. */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  'project.type': { operation: '其他运转类', specificGoal: '特定目标类', general: '一般性项目', special: '专项项目' },
  'unit.kind': { admin: '行政单位', civilServantManaged: '参公事业单位', institution: '事业单位' },
  'settings.entryUnit': { yuan: '元', wan: '万元' },
};

/** A path's value in a row: text, or money (the exact 分) for amounts. */
export type PathValue = { text: string } | { fen: Fen };

/**
 * The value at `path` for a row: the workbook's objects always, the row's unit, project, indicator, task or
 * item where it has one. Absent objects and values print empty; a path the schemas do not know prints empty
 * too (templates are validated when they load, so that only happens to hand-made specs).
 */
export function resolvePath(path: string, workbook: Workbook, scope: RowScope, names?: Record<string, string>): PathValue {
  const info = describePath(path);
  if (!info.ok) return { text: '' };
  const [root = '', ...rest] = path.split('.');
  let value: unknown = (WORKBOOK_ROOTS as readonly string[]).includes(root) ? workbook[root as WorkbookRoot] : scope[root as RowRoot];
  for (let index = 0; index < rest.length && value !== undefined && value !== null; index += 1) {
    const object = value as Record<string, unknown>;
    const segment = rest[index] ?? '';
    if (Object.hasOwn(object, segment) || index === rest.length - 1) value = object[segment];
    else {
      // A record's key with dots of its own.
      value = object[rest.slice(index).join('.')];
      break;
    }
  }
  if (value === undefined || value === null) return info.leaf === 'money' ? { fen: 0 } : { text: '' };
  switch (info.leaf) {
    case 'money':
      return { fen: value as Fen };
    case 'date':
      return { text: formatCalendarDate(String(value)) };
    case 'number':
      return { text: formatNumber(value as number) };
    case 'boolean':
      return { text: value ? '是' : '否' };
    case 'enum': {
      const text = String(value);
      return { text: names?.[text] ?? VALUE_NAMES[`${root}.${rest.join('.')}`]?.[text] ?? text };
    }
    default:
      return { text: String(value) };
  }
}

/** "2024-01" → 2024年1月, "2024-03-15" → 2024年3月15日; anything else as it is. */
export function formatCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, year, month = '', day] = match;
  return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ''}`;
}

/**
 * A month or a day as a clerk types it ("2024-01", "2024.1", "2024年1月", "2024年3月15日", "2024-03-15") in
 * the ISO form the model keeps ("2024-01", "2024-03-15"); null when it is neither. Empty text is "".
 */
export function parseCalendarDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*(?:[-./]?\s*(\d{1,2})\s*[日号]?)?$/.exec(trimmed);
  if (!match) return null;
  const [, year = '', monthText = '', dayText] = match;
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}`;
  if (dayText === undefined) return iso;
  const day = Number(dayText);
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) return null;
  return `${iso}-${String(day).padStart(2, '0')}`;
}

/** Whole numbers bare ("7", "100"), others with two decimals ("44.10"), as the forms print percentages. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Placeholders in cell text that are paths: "{project.plannedStart}至{project.plannedEnd}". */
export const PATH_PLACEHOLDER = /\{([A-Za-z]\w*(?:\.[^{}\s]+)+)\}/g;
