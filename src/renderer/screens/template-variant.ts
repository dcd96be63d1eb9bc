import type { TemplateSpec } from '../../core/tables/spec';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type VariantTemplateDocument } from '../../core/templates';

/**
 * The templates screen's simple changes, as data: one draft per table of the current template (its title,
 * notes, how zeros print, whether it is published), and the variant file they come to. The variant extends
 * the current template and lists only what the clerk changed (docs: src/core/templates/document.ts).
 */

/** How a zero amount may print: a blank cell, "0.00", or a dash. */
export const ZERO_STYLES = ['', '0.00', '-'] as const;

export interface TableDraft {
  id: string;
  /** The table's number in the package ("一", "表1"; often empty). */
  number: string;
  /** The title as the current template has it, placeholders and all (what a change is measured against). */
  baseTitle: string;
  title: string;
  /** The notes under the table, one a line. */
  notes: string;
  /** How zeros print in this table: its own setting, else the template's. */
  zero: string;
  included: boolean;
}

/** The drafts of a template's tables, as the template prints them now. */
export function tableDrafts(template: TemplateSpec): TableDraft[] {
  return template.tables.map((table) => ({
    id: table.id,
    number: table.number,
    baseTitle: table.title,
    title: table.title,
    notes: table.notes.join('\n'),
    zero: table.zero ?? template.money.zero,
    included: true,
  }));
}

/** The zero styles to offer for a table: the usual three, and the table's present one when it is another ("0"). */
export function zeroChoices(current: string): string[] {
  return (ZERO_STYLES as readonly string[]).includes(current) ? [...ZERO_STYLES] : [...ZERO_STYLES, current];
}

/** Notes typed one a line: blank lines dropped, trailing spaces trimmed. */
export function notesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** "henan-2024" → "henan-2024-custom"; a custom one gets the next number ("…-custom" → "…-custom-2"). */
export function customTemplateId(id: string): string {
  const match = /^(.*)-custom(?:-(\d+))?$/.exec(id);
  if (!match) return `${id}-custom`;
  return `${match[1]}-custom-${Number(match[2] ?? 1) + 1}`;
}

/** What a template file's id may be (the format's rule). */
export const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export interface TableChangeDraft {
  title?: string;
  notes?: string[];
  zero?: string;
}

export interface VariantOutcome {
  document: VariantTemplateDocument;
  /** How many tables change or are left out; 0: the variant would print what the template prints. */
  changes: number;
}

/**
 * The variant file the drafts come to: `extends` the current template, keeps its id's rules, and names only
 * the tables that differ (changed title, notes or zero style; left out).
 */
export function buildVariant(template: TemplateSpec, drafts: readonly TableDraft[], naming: { id: string; name: string }): VariantOutcome {
  const remove: string[] = [];
  const change: Record<string, TableChangeDraft> = {};
  for (const draft of drafts) {
    const table = template.tables.find((candidate) => candidate.id === draft.id);
    if (!table) continue;
    if (!draft.included) {
      remove.push(draft.id);
      continue;
    }
    const patch: TableChangeDraft = {};
    if (draft.title !== table.title) patch.title = draft.title;
    const notes = notesOf(draft.notes);
    if (notes.length !== table.notes.length || notes.some((note, index) => note !== table.notes[index])) patch.notes = notes;
    if (draft.zero !== (table.zero ?? template.money.zero)) patch.zero = draft.zero;
    if (Object.keys(patch).length > 0) change[draft.id] = patch;
  }
  const tables: NonNullable<VariantTemplateDocument['tables']> = {};
  if (remove.length > 0) tables.remove = remove;
  if (Object.keys(change).length > 0) tables.change = change;
  const document: VariantTemplateDocument = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id: naming.id,
    version: 1,
    name: naming.name,
    extends: template.id,
    ...(Object.keys(tables).length > 0 ? { tables } : {}),
  };
  return { document, changes: remove.length + Object.keys(change).length };
}

/** A title as the clerk reads it in labels: the workbook's year in place of {year}. */
export function titleForYear(title: string, year: number): string {
  return title.replace(/\{year\}/g, String(year));
}
