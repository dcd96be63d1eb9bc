import type { Fen } from '../money';
import { amountDisplay, amountEditText, fundDisplay, parseAmount, parseFund, parseUnit, unitDisplay, type CellContext, type CellProblem, type CellResult } from './cells';

/**
 * How an entry grid reads and writes one kind of record: per column, the text a cell shows, the
 * text it edits and copies, and how typed text becomes a value. Columns are named by the model's
 * field names ("functionCode", "amount"), the same names check findings point at.
 */
export interface FieldCodec<R> {
  id: string;
  /** A new record needs it; a new row without it stays a draft. */
  required: boolean;
  /** Computed columns (a project's total) show but cannot be typed into. */
  readOnly?: boolean;
  align?: 'start' | 'end';
  display(record: R, ctx: CellContext): string;
  /** The editor's starting text and what copy puts on the clipboard; parse(text(r)) gives r's value back. */
  text(record: R, ctx: CellContext): string;
  parse(text: string, ctx: CellContext): CellResult<unknown>;
  /** Writes a parsed value into a record under construction. */
  assign(record: Partial<R>, value: unknown): void;
  /** Whether the record under construction holds this field yet. */
  has(record: Partial<R>): boolean;
  /** Sort order: numbers for amounts, text otherwise (defaults to display). */
  sortKey?(record: R, ctx: CellContext): string | number;
}

export interface RowCodec<R extends { id: string }> {
  fields: readonly FieldCodec<R>[];
  /** Fills what can be derived once the typed fields are in (a 政府经济 code with one legal choice). */
  complete?(record: Partial<R>, ctx: CellContext): void;
}

/** Typed construction of a field; the codec list stores them with their value type erased. */
export function field<R, V>(spec: {
  id: string;
  required: boolean;
  readOnly?: boolean;
  align?: 'start' | 'end';
  display(record: R, ctx: CellContext): string;
  text?(record: R, ctx: CellContext): string;
  parse(text: string, ctx: CellContext): CellResult<V>;
  assign(record: Partial<R>, value: V): void;
  has(record: Partial<R>): boolean;
  sortKey?(record: R, ctx: CellContext): string | number;
}): FieldCodec<R> {
  return { ...spec, text: spec.text ?? spec.display } as FieldCodec<R>;
}

/** The money column every line grid has: typed and shown in the workbook's entry unit, sorted by value. */
export function amountField<R extends { amount: Fen }>(): FieldCodec<R> {
  return field<R, Fen>({
    id: 'amount',
    required: false,
    align: 'end',
    display: (record, ctx) => amountDisplay(record.amount, ctx.entryUnit),
    text: (record, ctx) => amountEditText(record.amount, ctx.entryUnit),
    parse: (text, ctx) => parseAmount(text, ctx.entryUnit),
    assign: (record, value) => void (record.amount = value),
    has: (record) => record.amount !== undefined,
    sortKey: (record) => record.amount,
  });
}

/** The unit a record belongs to, shown and typed by name or code. */
export function unitField<R extends { unitId: string }>(): FieldCodec<R> {
  return field<R, string>({
    id: 'unitId',
    required: true,
    display: (record, ctx) => unitDisplay(record.unitId, ctx.units),
    parse: (text, ctx) => parseUnit(text, ctx.units),
    assign: (record, value) => void (record.unitId = value),
    has: (record) => record.unitId !== undefined,
  });
}

/** The fund source, shown by name and typed by name or code. */
export function fundField<R extends { fund: string }>(): FieldCodec<R> {
  return field<R, string>({
    id: 'fund',
    required: true,
    display: (record, ctx) => fundDisplay(record.fund, ctx.language),
    parse: (text) => parseFund(text),
    assign: (record, value) => void (record.fund = value),
    has: (record) => record.fund !== undefined,
  });
}

export function fieldOf<R extends { id: string }>(codec: RowCodec<R>, id: string): FieldCodec<R> | undefined {
  return codec.fields.find((candidate) => candidate.id === id);
}

/** What a row holds besides its saved record: typed text that could not be saved, and why. */
export interface RowDraft {
  /** For a new row every typed cell; for a saved record only the cells that failed. */
  texts: Record<string, string>;
  problems: Record<string, CellProblem>;
  /** Required fields a new row still lacks. */
  missing: string[];
}

export interface RowChange {
  /** Record id, or the key of a new (draft) row. */
  key: string;
  /** The saved record, or null for a new row. */
  record: unknown;
  /** Texts per field typed into the row now. */
  texts: Record<string, string>;
}

export interface CommitPlan<R> {
  /** Records to save: changed saved records and new rows that became complete, in row order. */
  puts: R[];
  /** New drafts by row key; null clears the row's draft. */
  drafts: Map<string, RowDraft | null>;
  /** Draft row keys that became saved records, with the new record's id. */
  created: Map<string, string>;
}

/**
 * Turns typed or pasted text into records: every cell is parsed on its own; good cells of saved
 * records are saved, bad ones stay as drafts with their problem; a new row is saved once all its
 * required fields are good. Nothing typed is dropped: it is saved or kept as a draft.
 */
export function planCommit<R extends { id: string }>(
  codec: RowCodec<R>,
  ctx: CellContext,
  changes: readonly RowChange[],
  drafts: ReadonlyMap<string, RowDraft>,
  defaults: Partial<R>,
  newId: () => string,
): CommitPlan<R> {
  const plan: CommitPlan<R> = { puts: [], drafts: new Map(), created: new Map() };
  for (const change of changes) {
    const previous = drafts.get(change.key);
    if (change.record) {
      const record = change.record as R;
      const next: Partial<R> = { ...record };
      const kept: RowDraft = { texts: { ...(previous?.texts ?? {}) }, problems: { ...(previous?.problems ?? {}) }, missing: [] };
      for (const [id, text] of Object.entries(change.texts)) {
        const codecField = fieldOf(codec, id);
        if (!codecField || codecField.readOnly) continue;
        delete kept.texts[id];
        delete kept.problems[id];
        const parsed = codecField.parse(text, ctx);
        if (parsed.ok) codecField.assign(next, parsed.value);
        else {
          kept.texts[id] = text;
          kept.problems[id] = parsed.problem;
        }
      }
      if (!sameRecord(record, next as R)) plan.puts.push(next as R);
      plan.drafts.set(change.key, Object.keys(kept.texts).length > 0 ? kept : null);
      continue;
    }
    const texts = { ...(previous?.texts ?? {}), ...change.texts };
    for (const id of Object.keys(texts)) if (fieldOf(codec, id)?.readOnly) delete texts[id];
    if (Object.values(texts).every((text) => text.trim() === '')) {
      plan.drafts.set(change.key, null);
      continue;
    }
    const built = buildRecord(codec, ctx, texts, defaults);
    if (built.record) {
      const id = newId();
      plan.puts.push({ ...built.record, id } as R);
      plan.created.set(change.key, id);
      plan.drafts.set(change.key, null);
    } else {
      plan.drafts.set(change.key, { texts, problems: built.problems, missing: built.missing });
    }
  }
  return plan;
}

/** A new record from typed texts over the row defaults, or the problems and missing fields. */
export function buildRecord<R extends { id: string }>(
  codec: RowCodec<R>,
  ctx: CellContext,
  texts: Record<string, string>,
  defaults: Partial<R>,
): { record: Omit<R, 'id'> | null; problems: Record<string, CellProblem>; missing: string[] } {
  const draft: Partial<R> = { ...defaults };
  const problems: Record<string, CellProblem> = {};
  for (const [id, text] of Object.entries(texts)) {
    const codecField = fieldOf(codec, id);
    if (!codecField || codecField.readOnly) continue;
    // An empty cell of a new row means "not typed yet": the default (if any) stands.
    if (text.trim() === '' && codecField.required) continue;
    const parsed = codecField.parse(text, ctx);
    if (parsed.ok) codecField.assign(draft, parsed.value);
    else problems[id] = parsed.problem;
  }
  codec.complete?.(draft, ctx);
  const missing = codec.fields.filter((f) => f.required && !f.has(draft) && !(f.id in problems)).map((f) => f.id);
  if (missing.length > 0 || Object.keys(problems).length > 0) return { record: null, problems, missing };
  return { record: draft as Omit<R, 'id'>, problems, missing };
}

function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Applies puts and deletes to a list of records (nested lists such as a project's indicators). */
export function applyToList<R extends { id: string }>(list: readonly R[], puts: readonly R[], deletes: readonly string[] = []): R[] {
  const removed = new Set(deletes);
  const replaced = new Map(puts.map((record) => [record.id, record]));
  const next = list.filter((record) => !removed.has(record.id)).map((record) => replaced.get(record.id) ?? record);
  const present = new Set(list.map((record) => record.id));
  for (const record of puts) if (!present.has(record.id)) next.push(record);
  return next;
}
