import type { Fen } from '../money';
import type { PriorYear, Workbook } from '../model';
import { TEMPLATES, templateForWorkbook } from '../templates';
import type { TemplateSpec } from '../tables/spec';
import { projectChoices, type ProjectChoice } from './carry-forward';
import { workbookFigures } from './figures';
import type { SheetGrid } from './grid';
import { judgeIdentity, type PriorMessage, type SourceIdentity } from './identity';
import { CODE_KEY_PATTERN, type Scope } from './keys';
import { recognizeExcel, type SheetResult } from './recognize';

/**
 * What importing a source as last year's figures would do, worked out before anything is written:
 * the figures, where each comes from, what was recognized table by table and what was not, and
 * why a source is refused. The services turn `problems` into a UserError.
 */

export interface PreviewFigure {
  key: string;
  fen: Fen;
  /** "workbook" for figures computed from last year's workbook, else the cells read. */
  cells: string[];
  scope: Scope;
  derived: boolean;
}

export interface PriorPreview {
  kind: 'workbook' | 'excel';
  fileName: string;
  templateId: string | null;
  identity: SourceIdentity;
  /** The year the figures describe: what the source states, else the year before the workbook's. */
  year: number;
  figures: PreviewFigure[];
  sheets: SheetResult[];
  /** Last year's projects (a workbook's, or those the Excel lists). */
  projects: ProjectChoice[];
  /** Refusals; empty when the import may go ahead. */
  problems: PriorMessage[];
  notes: PriorMessage[];
  /** Keys the workbook holds now that the import would drop or change. */
  replaces: { key: string; from: Fen; to: Fen | null }[];
}

type Target = Pick<Workbook, 'department' | 'priorYear' | 'settings'>;

/** Last year's workbook as the source. */
export function previewFromWorkbook(target: Target, last: Workbook, fileName: string): PriorPreview {
  const identity: SourceIdentity = { year: last.department.year, departmentCode: last.department.code, departmentName: last.department.name };
  const verdict = judgeIdentity(target.department, identity);
  const template = templateForWorkbook(target) ?? templateForWorkbook(last);
  const values = workbookFigures(last, template?.conventions.operatingCostUnits ?? 'all');
  const figures = Object.entries(values).map(([key, fen]): PreviewFigure => ({ key, fen, cells: ['workbook'], scope: 'exact', derived: false }));
  return {
    kind: 'workbook',
    fileName,
    templateId: last.settings.template,
    identity,
    year: last.department.year,
    figures,
    sheets: [],
    projects: projectChoices(last),
    problems: verdict.problems,
    notes: verdict.notes,
    replaces: replaced(target.priorYear, values),
  };
}

export interface ExcelSourceFacts {
  /** Sheets the file lists but could not be read (a part missing from the zip): the import is refused. */
  unreadableSheets?: readonly string[];
}

/**
 * Last year's published Excel as the source. Given this year's whole workbook (not only its
 * department and settings), figures about 10,000 times this year's — or a 10,000th of them — are
 * noted: the mark of a 万元 table read as 元, or the other way round.
 */
export function previewFromExcel(target: Target | Workbook, grids: readonly SheetGrid[], fileName: string, facts: ExcelSourceFacts = {}): PriorPreview {
  const recognition = recognizeExcel(grids, {
    // The workbook's own template (a county variant, say) is recognized beside the built-ins.
    templates: withOwn(Object.values(TEMPLATES), templateForWorkbook(target)),
    preferredTemplate: target.settings.template,
    department: target.department,
  });
  const verdict = judgeIdentity(target.department, recognition.identity);
  const problems = [...verdict.problems];
  const unreadable = facts.unreadableSheets ?? [];
  if (unreadable.length > 0) {
    problems.push({ code: 'prior:sheetsUnreadable', params: { fileName, count: unreadable.length, names: unreadable.slice(0, 10).join('、') } });
  }
  const recognized = recognition.sheets.filter((sheet) => sheet.status === 'recognized');
  if (recognized.length === 0) {
    problems.push({ code: 'prior:noTableRecognized', params: { fileName, sheets: grids.length, names: grids.map((grid) => grid.name).slice(0, 10).join('、') } });
  } else if (recognition.figures.length === 0) {
    problems.push({ code: 'prior:noFigures', params: { fileName, tables: recognized.length } });
  }
  const figures = recognition.figures.map(({ key, fen, cells, scope, derived }): PreviewFigure => ({ key, fen, cells, scope, derived }));
  const values = Object.fromEntries(figures.map((figure) => [figure.key, figure.fen]));
  return {
    kind: 'excel',
    fileName,
    templateId: recognition.templateId,
    identity: recognition.identity,
    year: recognition.identity.year ?? target.department.year - 1,
    figures,
    sheets: recognition.sheets,
    projects: excelProjects(recognition.sheets),
    problems,
    notes: [...verdict.notes, ...recognition.notes, ...scopeNotes(figures), ...scaleNotes(target, figures)],
    replaces: replaced(target.priorYear, values),
  };
}

/** A year-on-year ratio this far from 1 (either way) is a unit read wrongly, not a budget that changed. */
const SCALE_SUSPECT = { low: 2_000, high: 50_000 };

/** Figures about 10^4 off the same figures of this year's workbook, where it already holds some. */
function scaleNotes(target: Target | Workbook, figures: PreviewFigure[]): PriorMessage[] {
  if (!('budgetLines' in target) || (target.budgetLines.length === 0 && target.incomeLines.length === 0)) return [];
  const template = templateForWorkbook(target);
  const current = workbookFigures(target, template?.conventions.operatingCostUnits ?? 'all');
  const off: { key: string; ratio: number }[] = [];
  for (const figure of figures) {
    const now = current[figure.key];
    if (now === undefined || now === 0 || figure.fen === 0 || CODE_KEY_PATTERN.test(figure.key)) continue;
    const ratio = Math.abs(figure.fen / now);
    if ((ratio >= SCALE_SUSPECT.low && ratio <= SCALE_SUSPECT.high) || (ratio <= 1 / SCALE_SUSPECT.low && ratio >= 1 / SCALE_SUSPECT.high)) off.push({ key: figure.key, ratio });
  }
  if (off.length === 0) return [];
  const larger = off.filter((item) => item.ratio > 1).length >= off.length / 2;
  return [{ code: larger ? 'prior:note.scaleOff_larger' : 'prior:note.scaleOff_smaller', params: { count: off.length, keys: off.slice(0, 8).map((item) => item.key).join(', ') } }];
}

/** The prior-year part of the workbook after the import. */
export function priorYearOf(preview: PriorPreview): PriorYear {
  return { year: preview.year, source: preview.fileName, figures: Object.fromEntries(preview.figures.map((figure) => [figure.key, figure.fen])) };
}

function replaced(current: PriorYear, next: Record<string, Fen>): PriorPreview['replaces'] {
  return Object.entries(current.figures)
    .filter(([key, fen]) => next[key] !== fen)
    .map(([key, fen]) => ({ key, from: fen, to: next[key] ?? null }));
}

/** One note per narrower scope, naming the figures read that way. */
function scopeNotes(figures: PreviewFigure[]): PriorMessage[] {
  const notes: PriorMessage[] = [];
  for (const scope of ['withoutCarryOver', 'generalBudgetOnly'] as const) {
    const keys = figures.filter((figure) => figure.scope === scope).map((figure) => figure.key);
    if (keys.length > 0) notes.push({ code: `prior:note.scope_${scope}`, params: { keys: keys.join(', '), count: keys.length } });
  }
  return notes;
}

/** The projects the Excel lists, once each (the 项目支出表 and the 绩效目标表 name the same ones). */
function excelProjects(sheets: SheetResult[]): ProjectChoice[] {
  const byName = new Map<string, ProjectChoice>();
  for (const sheet of sheets) {
    for (const project of sheet.projects) {
      const key = project.code || project.name;
      const known = byName.get(key) ?? [...byName.values()].find((choice) => choice.name === project.name);
      if (known) {
        if (!known.code && project.code) known.code = project.code;
        known.indicators = Math.max(known.indicators, project.indicators.length);
        continue;
      }
      byName.set(key, {
        id: project.code || project.name,
        code: project.code,
        name: project.name,
        unitCode: project.unitCode,
        unitName: '',
        type: null,
        amount: project.amount ?? 0,
        indicators: project.indicators.length,
        continuing: false,
      });
    }
  }
  return [...byName.values()];
}

function withOwn(templates: TemplateSpec[], own: TemplateSpec | undefined): TemplateSpec[] {
  return own && !templates.some((template) => template.id === own.id) ? [own, ...templates] : templates;
}
