import type { Fen } from '../money';
import type { Indicator, ProcurementItem, Project, ProjectType } from '../model';
import { amountDisplay, amountEditText, clean, parseAmount, parseCount, parsePercent, parseProjectType, parseQuantity, parseYesNo, PROJECT_TYPE_LABELS, problem, yesNoDisplay } from './cells';
import { field, unitField, type FieldCodec, type RowCodec } from './rows';

/** A required or optional free-text column. */
export function textField<R>(id: keyof R & string, required: boolean): FieldCodec<R> {
  return field<R, string>({
    id,
    required,
    display: (record) => String(record[id] ?? ''),
    parse: (text) => {
      const value = text.trim();
      return required && value === '' ? problem('required') : { ok: true, value };
    },
    assign: (record, value) => void ((record as Record<string, unknown>)[id] = value),
    has: (record) => typeof record[id] === 'string' && record[id] !== '',
  });
}

export function moneyField<R>(id: keyof R & string, required = false): FieldCodec<R> {
  return field<R, Fen>({
    id,
    required,
    align: 'end',
    display: (record, ctx) => amountDisplay(record[id] as Fen, ctx.entryUnit),
    text: (record, ctx) => amountEditText(record[id] as Fen, ctx.entryUnit),
    parse: (text, ctx) => parseAmount(text, ctx.entryUnit),
    assign: (record, value) => void ((record as Record<string, unknown>)[id] = value),
    has: (record) => typeof record[id] === 'number',
    sortKey: (record) => record[id] as Fen,
  });
}

/**
 * The project list: code, name, unit, type, continuing; the amount (its lines) and the number of
 * indicators are shown, not typed. A new project starts with an empty target and no plan.
 */
export function projectCodec(totals: (projectId: string) => { amount: Fen; lines: number }): RowCodec<Project> {
  return {
    fields: [
      textField<Project>('code', false),
      textField<Project>('name', true),
      unitField<Project>(),
      field<Project, ProjectType>({
        id: 'type',
        required: true,
        display: (project, ctx) => PROJECT_TYPE_LABELS[project.type][ctx.language],
        parse: (text) => parseProjectType(text),
        assign: (project, value) => void (project.type = value),
        has: (project) => project.type !== undefined,
      }),
      field<Project, boolean>({
        id: 'continuing',
        required: false,
        display: (project, ctx) => yesNoDisplay(project.continuing, ctx.language),
        parse: (text) => parseYesNo(text),
        assign: (project, value) => void (project.continuing = value),
        has: (project) => project.continuing !== undefined,
      }),
      field<Project, never>({
        id: 'amount',
        required: false,
        readOnly: true,
        align: 'end',
        display: (project, ctx) => amountDisplay(totals(project.id).amount, ctx.entryUnit),
        text: (project, ctx) => amountEditText(totals(project.id).amount, ctx.entryUnit),
        parse: () => problem('readOnly'),
        assign: () => undefined,
        has: () => true,
        sortKey: (project) => totals(project.id).amount,
      }),
      field<Project, never>({
        id: 'indicators',
        required: false,
        readOnly: true,
        align: 'end',
        display: (project) => String(project.performance.indicators.length),
        parse: () => problem('readOnly'),
        assign: () => undefined,
        has: () => true,
        sortKey: (project) => project.performance.indicators.length,
      }),
    ],
    complete: (project) => {
      project.code ??= '';
      project.purpose ??= '';
      project.spendingPlan ??= null;
      project.continuing ??= false;
      project.procurement ??= [];
      project.performance ??= { goal: '', indicators: [] };
    },
  };
}

/** A project's 政府采购 items. Amounts in the workbook's entry unit. */
export const procurementCodec: RowCodec<ProcurementItem> = {
  fields: [
    textField<ProcurementItem>('name', true),
    field<ProcurementItem, string>({
      id: 'catalogCode',
      required: false,
      display: (item) => item.catalogCode,
      parse: (text) => {
        const value = clean(text).toUpperCase();
        return value === '' || /^[ABC]\d{0,12}$/.test(value) ? { ok: true, value } : problem('procurementCode', { value: clean(text) });
      },
      assign: (item, value) => void (item.catalogCode = value),
      has: (item) => item.catalogCode !== undefined,
    }),
    textField<ProcurementItem>('measureUnit', false),
    field<ProcurementItem, number>({
      id: 'quantity',
      required: false,
      align: 'end',
      display: (item) => String(item.quantity),
      parse: (text) => parseQuantity(text),
      assign: (item, value) => void (item.quantity = value),
      has: (item) => item.quantity !== undefined,
      sortKey: (item) => item.quantity,
    }),
    moneyField<ProcurementItem>('unitPrice'),
    moneyField<ProcurementItem>('amount'),
    field<ProcurementItem, number>({
      id: 'smallFirmShare',
      required: false,
      align: 'end',
      display: (item) => (item.smallFirmShare === 0 ? '' : `${item.smallFirmShare}%`),
      text: (item) => (item.smallFirmShare === 0 ? '' : String(item.smallFirmShare)),
      parse: (text) => parsePercent(text),
      assign: (item, value) => void (item.smallFirmShare = value),
      has: (item) => item.smallFirmShare !== undefined,
      sortKey: (item) => item.smallFirmShare,
    }),
  ],
  complete: (item) => {
    item.catalogCode ??= '';
    item.measureUnit ??= '';
    item.quantity ??= 0;
    item.unitPrice ??= 0;
    item.amount ??= 0;
    item.smallFirmShare ??= 0;
  },
};

/** Performance indicators (project or department): 一级/二级/三级, description, 指标值 and its note. */
export const indicatorCodec: RowCodec<Indicator> = {
  fields: [
    textField<Indicator>('level1', true),
    textField<Indicator>('level2', false),
    textField<Indicator>('level3', true),
    textField<Indicator>('description', false),
    textField<Indicator>('value', false),
    textField<Indicator>('valueNote', false),
  ],
  complete: (indicator) => {
    indicator.level2 ??= '';
    indicator.description ??= '';
    indicator.value ??= '';
    indicator.valueNote ??= '';
  },
};

export type Task = { id: string; name: string; content: string; amount: Fen };

/** The department target's main tasks (重点工作任务). */
export const taskCodec: RowCodec<Task> = {
  fields: [textField<Task>('name', true), textField<Task>('content', false), moneyField<Task>('amount')],
  complete: (task) => {
    task.content ??= '';
    task.amount ??= 0;
  },
};

export type GlossaryRow = { id: string; term: string; explanation: string };

export const glossaryCodec: RowCodec<GlossaryRow> = {
  fields: [textField<GlossaryRow>('term', true), textField<GlossaryRow>('explanation', false)],
  complete: (row) => {
    row.explanation ??= '';
  },
};

export type VehicleRow = { id: string; kind: string; count: number };

export const vehicleCodec: RowCodec<VehicleRow> = {
  fields: [
    textField<VehicleRow>('kind', true),
    field<VehicleRow, number>({
      id: 'count',
      required: false,
      align: 'end',
      display: (row) => String(row.count),
      parse: (text) => parseCount(text),
      assign: (row, value) => void (row.count = value),
      has: (row) => row.count !== undefined,
      sortKey: (row) => row.count,
    }),
  ],
  complete: (row) => {
    row.count ??= 0;
  },
};

export type ReasonRow = { id: string; key: string; text: string };

/**
 * Reasons keyed by the narrative figure they explain. `figures` lists the known keys with their
 * label in the interface language; a key is typed as its label or as the key itself.
 */
export function reasonCodec(figures: readonly { key: string; label: string }[]): RowCodec<ReasonRow> {
  return {
    fields: [
      field<ReasonRow, string>({
        id: 'key',
        required: true,
        display: (row) => figures.find((figure) => figure.key === row.key)?.label ?? row.key,
        parse: (text) => {
          const value = clean(text);
          if (value === '') return problem('required');
          const known = figures.find((figure) => figure.key === value || figure.label === value);
          if (known) return { ok: true, value: known.key };
          return /^[A-Za-z][\w.]*$/.test(value) ? { ok: true, value } : problem('reasonKey', { value });
        },
        assign: (row, value) => void (row.key = value),
        has: (row) => typeof row.key === 'string' && row.key !== '',
      }),
      textField<ReasonRow>('text', false),
    ],
    complete: (row) => {
      row.text ??= '';
    },
  };
}

/** Positional ids for lists the model keeps without ids (glossary, vehicles): "g0", "g1" … */
export function withIds<T extends object>(items: readonly T[], prefix: string): (T & { id: string })[] {
  return items.map((item, index) => ({ ...item, id: `${prefix}${index}` }));
}

export function withoutIds<T extends { id: string }>(rows: readonly T[]): Omit<T, 'id'>[] {
  return rows.map(({ id: _id, ...rest }) => rest);
}

