import { z } from 'zod';
import type { NarrativeSpec } from '../narrative/spec';
import type { PackageSpec } from '../report/package-spec';
import type { BodyPart, GroupDimension, TableSpec, TemplateSpec } from '../tables/spec';

/**
 * The template file format (`"format": "budget-desk-template"`): a whole template, or a variant that
 * `extends` another and lists only what differs. The zod schemas here are the source of truth; the JSON
 * Schema in resources/template.schema.json is generated from them (scripts/template-schema.ts).
 * Shapes are checked here; what only the whole template can tell (a fund node, a column a sum names, an id
 * a variant changes) is checked by validate.ts and overlay.ts. docs/templates.md explains every field.
 */
export const TEMPLATE_FORMAT = 'budget-desk-template';
export const TEMPLATE_FORMAT_VERSION = 1;

const id = z.string().min(1).max(200);
const text = z.string();
const ids = z.array(id);

const natures = z.array(z.enum(['basic', 'project', 'operating', 'remitUpward', 'subsidyAffiliates']));
const projectTypes = z.array(z.enum(['operation', 'specificGoal', 'general', 'special']));
const unitKind = z.enum(['admin', 'civilServantManaged', 'institution']);

export const lineFilterSchema = z
  .object({
    funds: ids.optional(),
    natures: natures.optional(),
    deptEcon: z.array(z.string()).optional(),
    govEcon: z.array(z.string()).optional(),
    functions: z.array(z.string()).optional(),
    basicPart: z.enum(['personnel', 'public']).optional(),
    projectTypes: projectTypes.optional(),
    unitKinds: z.array(unitKind).optional(),
    units: z.array(z.string()).optional(),
  })
  .strict();

const measureSchema = lineFilterSchema.extend({ source: z.enum(['budget', 'income']) }).strict();

export const ROW_FIELDS = [
  'code',
  'name',
  'classCode',
  'sectionCode',
  'itemCode',
  'govCode',
  'govName',
  'govClassCode',
  'govSectionCode',
  'unitCode',
  'unitName',
  'projectCode',
  'projectName',
  'projectType',
] as const;

/**
 * How a body cell merges with its neighbours (spec.ts CellSpan): columns to its right, rows below (a count,
 * through a later part by id, or "same": the following rows of its part printing the same text).
 */
const span = {
  colSpan: z.number().int().min(1).max(200).optional(),
  rowSpan: z.union([z.number().int().min(1), z.literal('same'), z.object({ through: id }).strict()]).optional(),
};

export const cellSchema = z.union([
  text,
  z.object({ text, ...span }).strict(),
  z.object({ field: z.string(), ...span }).strict(),
  z.object({ measure: measureSchema, ...span }).strict(),
  /** Columns by index in the row, or by column id (resolved to indexes when the template loads). */
  z.object({ sum: z.array(z.union([z.number().int(), z.string()])), minus: z.array(z.union([z.number().int(), z.string()])).optional(), ...span }).strict(),
  z.object({ prior: z.string(), ...span }).strict(),
  z.object({ attribute: z.string(), ...span }).strict(),
  /** A fact of the model by its path ("project.manager"), checked against the model's schemas when the template loads. */
  z.object({ path: z.string().min(1), names: z.record(z.string(), text).optional(), ...span }).strict(),
  z.object({ money: z.literal('zero'), ...span }).strict(),
]);
const cells = z.array(cellSchema);

const rowStyle = z.enum(['total', 'department', 'unit', 'group', 'leaf']);
const rowFields = z.record(z.string(), z.string());
const partId = { id: id.optional() };

/** A grouping of `rows`; `then` nests the next grouping below each of its rows (a unit's function rows). */
const groupDimension: z.ZodType<GroupDimension> = z.lazy(() => {
  const then = { then: groupDimension.optional() };
  return z.discriminatedUnion('dim', [
    z.object({ dim: z.literal('function'), levels: z.array(z.enum(['class', 'section', 'item'])).min(1), ...then }).strict(),
    z.object({ dim: z.literal('deptEcon'), levels: z.array(z.enum(['class', 'section'])).min(1), ...then }).strict(),
    z.object({ dim: z.literal('govEcon'), levels: z.array(z.enum(['class', 'section'])).min(1), ...then }).strict(),
    z.object({ dim: z.literal('econPair'), classRows: z.boolean(), ...then }).strict(),
    z.object({ dim: z.literal('unit'), ...then }).strict(),
    z.object({ dim: z.literal('project'), unitRows: z.boolean(), ...then }).strict(),
  ]);
}) as unknown as z.ZodType<GroupDimension>;

const leafPart = [
  z
    .object({
      ...partId,
      kind: z.literal('row'),
      style: rowStyle.optional(),
      cells,
      where: lineFilterSchema.optional(),
      fields: rowFields.optional(),
      skipWhenZero: z.boolean().optional(),
      skipWhenEmpty: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...partId,
      kind: z.literal('rows'),
      group: groupDimension,
      where: lineFilterSchema.optional(),
      source: z.enum(['budget', 'income']).optional(),
      order: z.enum(['code', 'entry']).optional(),
      cells: z.object({ total: cells.optional(), department: cells.optional(), unit: cells.optional(), group: cells.optional(), leaf: cells }).strict(),
      skipZero: z.boolean().optional(),
    })
    .strict(),
  z.object({ ...partId, kind: z.literal('indicatorRows'), source: z.enum(['department', 'project']), cells, collapse: z.array(z.enum(['level1', 'level2'])).optional() }).strict(),
  z.object({ ...partId, kind: z.literal('taskRows'), cells }).strict(),
  z
    .object({
      ...partId,
      kind: z.literal('projectIndicatorGrid'),
      categories: z.array(z.array(z.string()).min(1)).min(1),
      unitCells: cells,
      projectCells: cells,
      indicatorCells: cells,
      order: z.enum(['entry', 'typeThenCode']).optional(),
    })
    .strict(),
  z.object({ ...partId, kind: z.literal('projectRow'), cells }).strict(),
  z.object({ ...partId, kind: z.literal('unitRows'), cells, kindNames: z.object({ admin: text, civilServantManaged: text, institution: text }).strict() }).strict(),
  z.object({ ...partId, kind: z.literal('assetRow'), cells }).strict(),
  z.object({ ...partId, kind: z.literal('procurementRows'), totalCells: cells.optional(), unitCells: cells.optional(), itemCells: cells }).strict(),
  z.object({ ...partId, kind: z.literal('taskFundRows'), cells }).strict(),
  z
    .object({
      ...partId,
      kind: z.literal('projectTree'),
      where: lineFilterSchema.optional(),
      levels: z.array(z.object({ by: z.enum(['unit', 'projectType']), cells }).strict()),
      cells,
      typeNames: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
  z
    .object({
      ...partId,
      kind: z.literal('tableCatalogue'),
      entries: z.array(z.object({ label: text, table: id, title: text.optional(), emptyReason: text.optional() }).strict()),
      cells,
      emptyText: z.object({ yes: text, no: text }).strict(),
      emptyReason: text,
    })
    .strict(),
] as const;

export const BODY_PART_KINDS = [
  'row',
  'rows',
  'indicatorRows',
  'taskRows',
  'projectIndicatorGrid',
  'projectRow',
  'unitRows',
  'assetRow',
  'procurementRows',
  'taskFundRows',
  'projectTree',
  'tableCatalogue',
  'numbered',
] as const;

export const bodyPartSchema: z.ZodType<BodyPart> = z.lazy(() =>
  z.discriminatedUnion('kind', [...leafPart, z.object({ ...partId, kind: z.literal('numbered'), parts: z.array(bodyPartSchema) }).strict()]),
) as unknown as z.ZodType<BodyPart>;

export const headerCellSchema = z.object({ text, colSpan: z.number().int().min(1).optional(), rowSpan: z.number().int().min(1).optional() }).strict();

export const moneyFormatSchema = z
  .object({
    unit: z.enum(['yuan', 'wan']),
    separators: z.boolean(),
    zero: text,
    trimZeros: z.boolean().optional(),
    plainBelow: z.number().int().min(0).optional(),
  })
  .strict();

export const tableSchema = z
  .object({
    id,
    number: text,
    title: text,
    meta: z.array(text),
    columns: ids,
    header: z.array(z.array(headerCellSchema)),
    columnCount: z.number().int().min(1).max(200),
    body: z.array(bodyPartSchema),
    notes: z.array(text),
    emptyNote: text.optional(),
    zero: text.optional(),
    kind: z.enum(['grid', 'form']).optional(),
    perProject: z.object({ projectTypes: projectTypes.optional() }).strict().optional(),
    money: moneyFormatSchema.partial().optional(),
  })
  .strict();

const comparisonSchema = z.object({ up: text, down: text, same: text, fromZero: text, reason: text }).strict();
const listSource = z.enum(['functionItems', 'deptEconClasses', 'govEconClasses', 'fundProjects', 'vehicleKinds']);
const moneyStyle = z.enum(['fixed', 'compact', 'trim']);
const condition = z.union([z.object({ zero: z.array(z.string()) }).strict(), z.object({ nonzero: z.array(z.string()) }).strict()]);
const piece = z.union([text, z.object({ when: condition, then: text, else: text.optional() }).strict()]);
const paragraphSchema = z.union([
  text,
  z.object({ parts: z.array(piece), money: moneyStyle.optional() }).strict(),
  z.object({ each: listSource, item: text, money: moneyStyle.optional() }).strict(),
  z.object({ clerk: z.enum(['duties', 'organization', 'other', 'annualGoal', 'glossary']) }).strict(),
]);

const narrativeLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional();
export const narrativeSectionSchema = z.union([
  z.object({ id, level: narrativeLevel, heading: text, paragraphs: z.array(paragraphSchema) }).strict(),
  z.object({ id, level: narrativeLevel, heading: text, block: z.enum(['workTasks', 'safeguards', 'performanceEvaluation', 'transferPayments']) }).strict(),
  z.object({ id, level: narrativeLevel, eachTask: z.object({ heading: text }).strict() }).strict(),
]);

export const narrativeSchema = z
  .object({
    title: z.array(text),
    money: z.object({ unit: z.enum(['yuan', 'wan']), style: moneyStyle }).strict(),
    comparisons: z.object({ default: comparisonSchema }).catchall(comparisonSchema),
    lists: z.record(z.string(), z.object({ source: listSource, item: text, separator: text }).strict()).optional(),
    sections: z.array(narrativeSectionSchema),
  })
  .strict();

const numbering = z.enum(['none', 'chinese', 'chinese-part', 'chinese-paren', 'decimal', 'decimal-comma']);
const tableNumber = z.enum(['none', 'prefix', 'above']).optional();
const coverLineSchema = z.object({ role: z.enum(['department', 'title', 'date', 'text']), text }).strict();
const sectionBase = {
  id,
  heading: text.optional(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  numbering: numbering.optional(),
  contentsHeading: z.union([text, z.literal(false)]).optional(),
  headingPrinted: z.boolean().optional(),
  pageBreak: z.boolean().optional(),
  emptyText: text.optional(),
};

export const packageSectionSchema = z.discriminatedUnion('kind', [
  z.object({ ...sectionBase, kind: z.literal('heading') }).strict(),
  z.object({ ...sectionBase, kind: z.literal('cover'), lines: z.array(coverLineSchema) }).strict(),
  z.object({ ...sectionBase, kind: z.literal('text'), source: z.string() }).strict(),
  z.object({ ...sectionBase, kind: z.literal('units') }).strict(),
  z.object({ ...sectionBase, kind: z.literal('narrative'), sections: ids.optional(), contentsDepth: z.number().int().min(0).max(4).optional() }).strict(),
  z.object({ ...sectionBase, kind: z.literal('glossary'), entryNumbering: numbering.optional() }).strict(),
  z
    .object({
      ...sectionBase,
      kind: z.literal('tables'),
      tables: z.union([z.literal('rest'), ids]),
      list: z.boolean().optional(),
      tableNumber,
      listed: z.boolean().optional(),
      contentsTitles: z.record(z.string(), text).optional(),
    })
    .strict(),
  z.object({ ...sectionBase, kind: z.literal('table'), table: id, tableNumber, title: text.optional() }).strict(),
]);

const margins = z.object({ top: z.number().min(0).max(100), right: z.number().min(0).max(100), bottom: z.number().min(0).max(100), left: z.number().min(0).max(100) }).strict();

const coverSchema = z
  .object({
    lines: z.array(coverLineSchema),
    dateFallback: z.enum(['exportDate', 'none']),
    pageNumber: z.boolean(),
  })
  .strict();

const pageSchema = z
  .object({
    size: z.literal('A4'),
    tableOrientation: z.enum(['auto', 'portrait', 'landscape']),
    margins: z.object({ portrait: margins, landscape: margins }).strict(),
    fonts: z.object({ title: text, heading: text, body: text, table: text }).strict(),
    footer: z.object({ text }).strict(),
  })
  .strict();

export const packageSchema = z
  .object({
    cover: coverSchema,
    contents: z.object({ title: text }).strict().optional(),
    sections: z.array(packageSectionSchema),
    page: pageSchema,
  })
  .strict();

const conventionsSchema = z.object({ operatingCostUnits: z.enum(['all', 'adminOnly']) }).strict();
const glossarySchema = z.array(z.object({ term: text, explanation: text }).strict());

/** What every template file starts with. */
const header = {
  $schema: z.string().optional(),
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" and "-", starting with a letter or digit'),
  version: z.number().int().min(1),
  name: text.min(1),
  description: text.optional(),
};

/** A whole template. */
export const baseTemplateSchema = z
  .object({
    ...header,
    province: text,
    year: z.number().int().min(2000).max(2100),
    money: moneyFormatSchema,
    conventions: conventionsSchema,
    tables: z.array(tableSchema),
    narrative: narrativeSchema.optional(),
    glossary: glossarySchema,
    package: packageSchema,
  })
  .strict();

/** Keyed changes to a list whose items have ids: remove, replace, merge into, add after, reorder. */
function keyedChanges<T extends z.ZodType>(item: T, patch: z.ZodType) {
  return z
    .object({
      remove: ids.optional(),
      replace: z.record(z.string(), item).optional(),
      change: z.record(z.string(), patch).optional(),
      /** Added items; `after` an id, or at the start when omitted. */
      add: z.array(z.object({ after: id.optional(), item }).strict()).optional(),
      /** The ids in their new order; ids not listed keep their relative order after the listed ones. */
      order: ids.optional(),
    })
    .strict();
}

/** A column a variant adds: its header text and the cell every body row gets, per part where they differ. */
export const newColumnSchema = z
  .object({
    id,
    header: text,
    cell: cellSchema,
    /** Cells for particular parts (by part id); for grouped rows, per row style. */
    cells: z.record(z.string(), z.union([cellSchema, z.record(z.string(), cellSchema)])).optional(),
  })
  .strict();

export const columnChangesSchema = z
  .object({
    remove: ids.optional(),
    /** Each column replaced by one or more columns that take its place under the same header cells. */
    replace: z.record(z.string(), z.array(newColumnSchema).min(1)).optional(),
    /** Columns added after a column (as its siblings in the header), or at the start. */
    add: z.array(z.object({ after: id.optional(), columns: z.array(newColumnSchema).min(1) }).strict()).optional(),
    /** New header text for a column's own header cell. */
    headers: z.record(z.string(), text).optional(),
  })
  .strict();

export const tableChangeSchema = z
  .object({
    number: text.optional(),
    title: text.optional(),
    meta: z.array(text).optional(),
    notes: z.array(text).optional(),
    /** null removes the base's empty note. */
    emptyNote: text.nullable().optional(),
    zero: text.nullable().optional(),
    money: moneyFormatSchema.partial().optional(),
    header: z.array(z.array(headerCellSchema)).optional(),
    columns: columnChangesSchema.optional(),
    rows: keyedChanges(bodyPartSchema, z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

export const variantTemplateSchema = z
  .object({
    ...header,
    extends: z.string().min(1),
    province: text.optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    money: moneyFormatSchema.partial().optional(),
    conventions: conventionsSchema.partial().optional(),
    glossary: glossarySchema.optional(),
    tables: keyedChanges(tableSchema, tableChangeSchema).optional(),
    narrative: z
      .object({
        title: z.array(text).optional(),
        money: z.object({ unit: z.enum(['yuan', 'wan']), style: moneyStyle }).partial().strict().optional(),
        comparisons: z.record(z.string(), comparisonSchema).optional(),
        lists: z.record(z.string(), z.object({ source: listSource, item: text, separator: text }).strict()).optional(),
        sections: keyedChanges(narrativeSectionSchema, z.record(z.string(), z.unknown())).optional(),
        /** true: the variant prints no generated narrative. */
        none: z.boolean().optional(),
      })
      .strict()
      .optional(),
    package: z
      .object({
        cover: coverSchema.partial().optional(),
        contents: z.object({ title: text }).strict().nullable().optional(),
        sections: keyedChanges(packageSectionSchema, z.record(z.string(), z.unknown())).optional(),
        page: z
          .object({
            tableOrientation: z.enum(['auto', 'portrait', 'landscape']).optional(),
            margins: z.object({ portrait: margins.partial().optional(), landscape: margins.partial().optional() }).strict().optional(),
            fonts: z.object({ title: text, heading: text, body: text, table: text }).partial().strict().optional(),
            footer: z.object({ text }).strict().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type BaseTemplateDocument = z.infer<typeof baseTemplateSchema>;
export type VariantTemplateDocument = z.infer<typeof variantTemplateSchema>;
export type TemplateDocument = BaseTemplateDocument | VariantTemplateDocument;
export type TableChange = z.infer<typeof tableChangeSchema>;
export type ColumnChanges = z.infer<typeof columnChangesSchema>;
export type NewColumn = z.infer<typeof newColumnSchema>;

/** Both shapes, for the generated JSON Schema: a whole template or a variant. */
export const templateDocumentSchema = z.union([baseTemplateSchema, variantTemplateSchema]);

// The schemas describe exactly the engine's types (a compile error here means they drifted apart).
type Assignable<A extends B, B> = A;
export type SchemaMatchesEngine = [
  Assignable<z.infer<typeof tableSchema>, Omit<TableSpec, 'body'>>,
  Assignable<z.infer<typeof narrativeSchema>, NarrativeSpec>,
  Assignable<z.infer<typeof packageSchema>, PackageSpec>,
  Assignable<Omit<BaseTemplateDocument, '$schema' | 'format' | 'formatVersion'>, Omit<TemplateSpec, 'tables'>>,
];
