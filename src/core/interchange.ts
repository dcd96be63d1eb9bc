import { z } from 'zod';
import { FUND_LEAVES } from './funds';
import { fenToYuanString, yuanStringToFen } from './money';
import type { Indicator, ProcurementItem, Workbook } from './model';

/**
 * The interchange format: a complete, exact, human-readable JSON form of a workbook.
 * Amounts are decimal strings in 元 ("1234.56") so that no float ever touches them.
 * `toInterchange` always writes keys in the same order, so import → export is the identity.
 */
export const INTERCHANGE_FORMAT = 'budget-desk-workbook';
export const INTERCHANGE_VERSION = 1;

/**
 * The largest amount one record may hold, either sign: 999,999,999,999.99 元 (just under 1 万亿元),
 * far above any department's budget. The same bound for the wire, the store and the file.
 */
export const MAX_AMOUNT_FEN = 99_999_999_999_999;
/**
 * The most a workbook's amounts may add up to, taken without sign (10 万亿元), counted apart for this
 * year's facts and for last year's figures (`moneyMagnitude`). Every total a table prints sums some of
 * them, so it stays far below 2^53 分 and is exact.
 */
export const MAX_WORKBOOK_FEN = 1_000_000_000_000_000;

const yuanAmount = z
  .string()
  .regex(/^-?\d{1,13}\.\d{2}$/, 'amount: 元 with exactly two decimals, e.g. "1234.50"')
  // Checked apart from the pattern (which the JSON Schema carries): at most 12 digits before the point.
  .refine((text) => /^-?\d{1,12}\./.test(text), 'amount: at most 999999999999.99 元');
/** Integer 分, the in-memory and on-the-wire form. */
export const fenAmount = z.number().int().min(-MAX_AMOUNT_FEN).max(MAX_AMOUNT_FEN);
const id = z.string().min(1).max(200);
const code = (digits: number[]) => z.string().regex(new RegExp(`^(${digits.map((n) => `\\d{${n}}`).join('|')})$`), `${digits.join(' or ')} digits`);
/** A month or a day, ISO: "2024-01" or "2024-03-15"; a path cell prints it as 2024年1月 / 2024年3月15日. */
export const calendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a month or a date, e.g. "2024-01" or "2024-03-15"');
const fund = z.enum(FUND_LEAVES as [string, ...string[]], { message: 'a fund-source leaf code (see docs/interchange.md)' });

export const indicatorSchema = z.object({
  id,
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  description: z.string(),
  value: z.string(),
  valueNote: z.string(),
});

/**
 * Schemas for every part of a workbook, with amounts in the given form: 分 integers for the
 * wire and the store, 元 strings for the interchange file.
 */
function workbookSchemas<A extends z.ZodType, T extends z.ZodType<string | undefined>, Q extends z.ZodType<Record<string, number> | undefined>>(
  amount: A,
  optionalText: T,
  quantities: Q,
) {
  const settings = z.object({
    entryUnit: z.enum(['yuan', 'wan']),
    template: z.string().nullable(),
    catalogEdition: z.number().int().min(2000).max(2100),
    /** The template the workbook publishes with, as a whole template file (docs/templates.md); checked when used. */
    templateDocument: z.record(z.string(), z.unknown()).optional(),
  });
  const department = z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    publishedOn: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  });
  const unit = z.object({
    id,
    code: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['admin', 'civilServantManaged', 'institution']),
    authorizedStaff: z.number().int().min(0),
    actualStaff: z.number().int().min(0),
    retiredStaff: z.number().int().min(0),
    grade: optionalText,
    fundingForm: optionalText,
  });
  const incomeLine = z.object({ id, unitId: id, fund, functionCode: code([3, 5, 7]).nullable(), amount });
  const procurementItem = z.object({
    id,
    name: z.string(),
    catalogCode: z.string(),
    measureUnit: z.string(),
    quantity: z.number().min(0),
    unitPrice: amount,
    amount,
    smallFirmShare: z.number().min(0).max(100),
  });
  const budgetLine = z.object({
    id,
    unitId: id,
    functionCode: code([7]),
    deptEconCode: code([5]),
    govEconCode: code([5]),
    nature: z.enum(['basic', 'project', 'operating', 'remitUpward', 'subsidyAffiliates']),
    projectId: id.nullable(),
    fund,
    amount,
    note: z.string(),
  });
  const project = z.object({
    id,
    code: z.string(),
    name: z.string().min(1),
    unitId: id,
    type: z.enum(['operation', 'specificGoal', 'general', 'special']),
    purpose: z.string(),
    // Facts of the project's performance form, added after the first files: optional (absent when not given).
    manager: z.string().optional(),
    phone: z.string().optional(),
    plannedStart: calendarDate.optional(),
    plannedEnd: calendarDate.optional(),
    spendingPlan: z.object({ march: z.number(), june: z.number(), october: z.number(), december: z.number() }).nullable(),
    continuing: z.boolean(),
    procurement: z.array(procurementItem),
    performance: z.object({ goal: z.string(), indicators: z.array(indicatorSchema) }),
  });
  const basicProcurement = z.array(
    z.object({ id, unitId: id, name: z.string().min(1), budget: amount, listedAfter: id.nullable(), items: z.array(procurementItem) }),
  );
  const departmentPerformance = z.object({
    annualGoal: z.string(),
    tasks: z.array(z.object({ id, name: z.string(), content: z.string(), amount })),
    indicators: z.array(indicatorSchema),
  });
  const assets = z.object({
    vehicles: z.array(z.object({ kind: z.string(), count: z.number().int().min(0) })),
    generalEquipmentOver500k: z.number().int().min(0),
    specialEquipmentOver1m: z.number().int().min(0),
    figures: z.record(z.string(), amount),
    quantities,
    asOf: z.string(),
  });
  const texts = z.object({
    duties: z.string(),
    organization: z.string(),
    reasons: z.record(z.string(), z.string()),
    glossary: z.array(z.object({ term: z.string(), explanation: z.string() })),
    other: z.string(),
    blocks: z.record(z.string(), z.string()),
  });
  const priorYear = z.object({ year: z.number().int().nullable(), source: z.string(), figures: z.record(z.string(), amount) });
  const catalogEntries = z.array(
    z.object({ kind: z.enum(['function', 'deptEcon', 'govEcon']), code: z.string().regex(/^\d{3,7}$/), name: z.string() }),
  );
  return {
    settings,
    department,
    unit,
    incomeLine,
    budgetLine,
    project,
    basicProcurement,
    departmentPerformance,
    assets,
    texts,
    priorYear,
    catalogEntries,
    workbook: z.object({
      settings,
      department,
      units: z.array(unit),
      incomeLines: z.array(incomeLine),
      budgetLines: z.array(budgetLine),
      projects: z.array(project),
      basicProcurement,
      departmentPerformance,
      assets,
      texts,
      priorYear,
      catalogEntries,
    }),
  };
}

/** Schemas of the in-memory model (amounts in 分): used by the contract and the store. */
// Optional facts (a unit's grade, asset quantities) are absent in memory, and always written — empty —
// in the file, which reads them with a default.
const quantityRecord = z.record(z.string(), z.number().min(0));
export const modelSchemas = workbookSchemas(fenAmount, z.string().optional(), quantityRecord.optional());

const fileSchemas = workbookSchemas(yuanAmount, z.string().default(''), quantityRecord.default({}));
export const interchangeSchema = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  formatVersion: z.literal(INTERCHANGE_VERSION),
  ...fileSchemas.workbook.shape,
  // Facts added after the first files were written: required in memory (the store's migration v4 adds
  // them to older workbooks) and always written here; a file written before them reads them as empty.
  basicProcurement: fileSchemas.basicProcurement.default([]),
  texts: fileSchemas.texts.extend({ blocks: fileSchemas.texts.shape.blocks.default({}) }),
});

export type InterchangeDocument = z.infer<typeof interchangeSchema>;

export interface InterchangeIssue {
  /** JSON path of the offending value, e.g. "budgetLines[3].amount". */
  path: string;
  message: string;
}

export type ParseInterchangeResult =
  | { ok: true; workbook: Workbook }
  | { ok: false; issues: InterchangeIssue[] };

/** Validates a parsed JSON value and converts it to a workbook; cross-references are checked too. */
export function fromInterchange(value: unknown): ParseInterchangeResult {
  const parsed = interchangeSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const doc = parsed.data;
  const illFormed = illFormedTextPath(value);
  if (illFormed !== null) return { ok: false, issues: [{ path: illFormed, message: 'text with a lone surrogate (not valid Unicode)' }] };
  const issues = referenceIssues(doc);
  if (issues.length > 0) return { ok: false, issues };
  const mapIndicator = (item: Indicator): Indicator => ({ ...item });
  const mapItem = (item: (typeof doc.basicProcurement)[number]['items'][number]): ProcurementItem => ({
    ...item,
    unitPrice: yuanStringToFen(item.unitPrice),
    amount: yuanStringToFen(item.amount),
  });
  const workbook: Workbook = {
    settings: { ...doc.settings },
    department: { ...doc.department },
    // Optional facts are absent rather than empty in memory, so both forms compare equal.
    units: doc.units.map(({ grade, fundingForm, ...unit }) => ({ ...unit, ...(grade ? { grade } : {}), ...(fundingForm ? { fundingForm } : {}) })),
    incomeLines: doc.incomeLines.map((line) => ({ ...line, amount: yuanStringToFen(line.amount) })),
    budgetLines: doc.budgetLines.map((line) => ({ ...line, amount: yuanStringToFen(line.amount) })),
    projects: doc.projects.map(({ manager, phone, plannedStart, plannedEnd, ...project }) => ({
      ...project,
      ...(manager ? { manager } : {}),
      ...(phone ? { phone } : {}),
      ...(plannedStart ? { plannedStart } : {}),
      ...(plannedEnd ? { plannedEnd } : {}),
      spendingPlan: project.spendingPlan ? { ...project.spendingPlan } : null,
      procurement: project.procurement.map(mapItem),
      performance: { goal: project.performance.goal, indicators: project.performance.indicators.map(mapIndicator) },
    })),
    basicProcurement: doc.basicProcurement.map((group) => ({ ...group, budget: yuanStringToFen(group.budget), items: group.items.map(mapItem) })),
    departmentPerformance: {
      annualGoal: doc.departmentPerformance.annualGoal,
      tasks: doc.departmentPerformance.tasks.map((task) => ({ ...task, amount: yuanStringToFen(task.amount) })),
      indicators: doc.departmentPerformance.indicators.map(mapIndicator),
    },
    assets: {
      vehicles: doc.assets.vehicles.map((vehicle) => ({ ...vehicle })),
      generalEquipmentOver500k: doc.assets.generalEquipmentOver500k,
      specialEquipmentOver1m: doc.assets.specialEquipmentOver1m,
      figures: mapRecord(doc.assets.figures, yuanStringToFen),
      ...(Object.keys(doc.assets.quantities ?? {}).length > 0 ? { quantities: { ...doc.assets.quantities } } : {}),
      asOf: doc.assets.asOf,
    },
    texts: {
      duties: doc.texts.duties,
      organization: doc.texts.organization,
      reasons: { ...doc.texts.reasons },
      glossary: doc.texts.glossary.map((entry) => ({ ...entry })),
      other: doc.texts.other,
      blocks: { ...doc.texts.blocks },
    },
    priorYear: { year: doc.priorYear.year, source: doc.priorYear.source, figures: mapRecord(doc.priorYear.figures, yuanStringToFen) },
    catalogEntries: doc.catalogEntries.map((entry) => ({ ...entry })),
  };
  const magnitude = moneyMagnitude(workbook);
  for (const [part, total] of Object.entries(magnitude)) {
    if (total > MAX_WORKBOOK_FEN) return { ok: false, issues: [{ path: part === 'prior' ? 'priorYear.figures' : '', message: `amounts add up to more than ${MAX_WORKBOOK_FEN / 100} 元` }] };
  }
  return { ok: true, workbook };
}

/**
 * The amounts of a workbook added up without their signs: this year's facts (lines, procurement,
 * tasks, asset figures) and last year's figures apart. Below MAX_WORKBOOK_FEN each, every sum of
 * them is exact in a double.
 */
export function moneyMagnitude(workbook: Workbook): { current: number; prior: number } {
  let current = 0;
  const add = (fen: number) => {
    current += Math.abs(fen);
  };
  for (const line of workbook.incomeLines) add(line.amount);
  for (const line of workbook.budgetLines) add(line.amount);
  const items = (list: readonly ProcurementItem[]) => {
    for (const item of list) {
      add(item.amount);
      add(item.unitPrice);
    }
  };
  for (const project of workbook.projects) items(project.procurement);
  for (const group of workbook.basicProcurement) {
    add(group.budget);
    items(group.items);
  }
  for (const task of workbook.departmentPerformance.tasks) add(task.amount);
  for (const fen of Object.values(workbook.assets.figures)) add(fen);
  let prior = 0;
  for (const fen of Object.values(workbook.priorYear.figures)) prior += Math.abs(fen);
  return { current, prior };
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (value or key) in a JSON-like value that is not well-formed Unicode
 * (holds a lone surrogate, which SQLite and every file would store as U+FFFD), or null.
 */
export function illFormedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = illFormedTextPath(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const where = path === '' ? key : `${path}.${key}`;
      if (LONE_SURROGATE.test(key)) return where;
      const found = illFormedTextPath(child, where);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The canonical interchange document of a workbook (fixed key order, amounts in 元). */
export function toInterchange(workbook: Workbook): InterchangeDocument {
  const indicatorOut = (item: Indicator) => ({
    id: item.id,
    level1: item.level1,
    level2: item.level2,
    level3: item.level3,
    description: item.description,
    value: item.value,
    valueNote: item.valueNote,
  });
  const itemOut = (item: ProcurementItem) => ({
    id: item.id,
    name: item.name,
    catalogCode: item.catalogCode,
    measureUnit: item.measureUnit,
    quantity: item.quantity,
    unitPrice: fenToYuanString(item.unitPrice),
    amount: fenToYuanString(item.amount),
    smallFirmShare: item.smallFirmShare,
  });
  const { settings, department, assets, texts, priorYear } = workbook;
  return {
    format: INTERCHANGE_FORMAT,
    formatVersion: INTERCHANGE_VERSION,
    settings: {
      entryUnit: settings.entryUnit,
      template: settings.template,
      catalogEdition: settings.catalogEdition,
      ...(settings.templateDocument ? { templateDocument: settings.templateDocument } : {}),
    },
    department: { code: department.code, name: department.name, year: department.year, publishedOn: department.publishedOn },
    units: workbook.units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      authorizedStaff: unit.authorizedStaff,
      actualStaff: unit.actualStaff,
      retiredStaff: unit.retiredStaff,
      grade: unit.grade ?? '',
      fundingForm: unit.fundingForm ?? '',
    })),
    incomeLines: workbook.incomeLines.map((line) => ({
      id: line.id,
      unitId: line.unitId,
      fund: line.fund,
      functionCode: line.functionCode,
      amount: fenToYuanString(line.amount),
    })),
    budgetLines: workbook.budgetLines.map((line) => ({
      id: line.id,
      unitId: line.unitId,
      functionCode: line.functionCode,
      deptEconCode: line.deptEconCode,
      govEconCode: line.govEconCode,
      nature: line.nature,
      projectId: line.projectId,
      fund: line.fund,
      amount: fenToYuanString(line.amount),
      note: line.note,
    })),
    projects: workbook.projects.map((project) => ({
      id: project.id,
      code: project.code,
      name: project.name,
      unitId: project.unitId,
      type: project.type,
      purpose: project.purpose,
      // Written only when given, so files without them stay as they were.
      ...(project.manager ? { manager: project.manager } : {}),
      ...(project.phone ? { phone: project.phone } : {}),
      ...(project.plannedStart ? { plannedStart: project.plannedStart } : {}),
      ...(project.plannedEnd ? { plannedEnd: project.plannedEnd } : {}),
      spendingPlan: project.spendingPlan
        ? {
            march: project.spendingPlan.march,
            june: project.spendingPlan.june,
            october: project.spendingPlan.october,
            december: project.spendingPlan.december,
          }
        : null,
      continuing: project.continuing,
      procurement: project.procurement.map(itemOut),
      performance: { goal: project.performance.goal, indicators: project.performance.indicators.map(indicatorOut) },
    })),
    basicProcurement: workbook.basicProcurement.map((group) => ({
      id: group.id,
      unitId: group.unitId,
      name: group.name,
      budget: fenToYuanString(group.budget),
      listedAfter: group.listedAfter,
      items: group.items.map(itemOut),
    })),
    departmentPerformance: {
      annualGoal: workbook.departmentPerformance.annualGoal,
      tasks: workbook.departmentPerformance.tasks.map((task) => ({
        id: task.id,
        name: task.name,
        content: task.content,
        amount: fenToYuanString(task.amount),
      })),
      indicators: workbook.departmentPerformance.indicators.map(indicatorOut),
    },
    assets: {
      vehicles: assets.vehicles.map((vehicle) => ({ kind: vehicle.kind, count: vehicle.count })),
      generalEquipmentOver500k: assets.generalEquipmentOver500k,
      specialEquipmentOver1m: assets.specialEquipmentOver1m,
      figures: mapRecord(assets.figures, fenToYuanString),
      quantities: { ...(assets.quantities ?? {}) },
      asOf: assets.asOf,
    },
    texts: {
      duties: texts.duties,
      organization: texts.organization,
      reasons: { ...texts.reasons },
      glossary: texts.glossary.map((entry) => ({ term: entry.term, explanation: entry.explanation })),
      other: texts.other,
      blocks: { ...texts.blocks },
    },
    priorYear: { year: priorYear.year, source: priorYear.source, figures: mapRecord(priorYear.figures, fenToYuanString) },
    catalogEntries: workbook.catalogEntries.map((entry) => ({ kind: entry.kind, code: entry.code, name: entry.name })),
  };
}

/** The interchange text: two-space JSON with a final newline. */
export function serializeInterchange(workbook: Workbook): string {
  return `${JSON.stringify(toInterchange(workbook), null, 2)}\n`;
}

function referenceIssues(doc: InterchangeDocument): InterchangeIssue[] {
  const issues: InterchangeIssue[] = [];
  const unitIds = new Set(doc.units.map((unit) => unit.id));
  const projectIds = new Set(doc.projects.map((project) => project.id));
  const duplicates = (name: 'units' | 'incomeLines' | 'budgetLines' | 'projects') => {
    const seen = new Set<string>();
    doc[name].forEach((record, index) => {
      if (seen.has(record.id)) issues.push({ path: `${name}[${index}].id`, message: `duplicate id "${record.id}"` });
      seen.add(record.id);
    });
  };
  duplicates('units');
  duplicates('incomeLines');
  duplicates('budgetLines');
  duplicates('projects');
  doc.incomeLines.forEach((line, index) => {
    if (!unitIds.has(line.unitId)) issues.push({ path: `incomeLines[${index}].unitId`, message: `unknown unit "${line.unitId}"` });
  });
  doc.budgetLines.forEach((line, index) => {
    if (!unitIds.has(line.unitId)) issues.push({ path: `budgetLines[${index}].unitId`, message: `unknown unit "${line.unitId}"` });
    // The rules of the model, as the store applies them to every edit: a named project must exist.
    // Whether a line's nature fits its project (a project line without one, a basic line naming one)
    // is a check finding (line.projectMissing, line.projectOnNonProjectLine), not a refusal.
    if (line.projectId !== null && !projectIds.has(line.projectId)) {
      issues.push({ path: `budgetLines[${index}].projectId`, message: `unknown project "${line.projectId}"` });
    }
  });
  doc.projects.forEach((project, index) => {
    if (!unitIds.has(project.unitId)) issues.push({ path: `projects[${index}].unitId`, message: `unknown unit "${project.unitId}"` });
  });
  // listedAfter is only an ordering hint: a project deleted since still leaves a readable file.
  const groupIds = new Set<string>();
  doc.basicProcurement.forEach((group, index) => {
    if (groupIds.has(group.id)) issues.push({ path: `basicProcurement[${index}].id`, message: `duplicate id "${group.id}"` });
    groupIds.add(group.id);
    if (!unitIds.has(group.unitId)) issues.push({ path: `basicProcurement[${index}].unitId`, message: `unknown unit "${group.unitId}"` });
  });
  return issues;
}

function mapRecord<A, B>(record: Record<string, A>, map: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}
