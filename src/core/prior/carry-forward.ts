import type { Fen } from '../money';
import type { Project, ProjectType, Workbook } from '../model';
import { workbookFigures, type OperatingCostUnits } from './figures';

/**
 * Next year's workbook from this year's: what stays true from one year to the next comes along,
 * every amount starts at zero, and this year's evaluated figures become next year's prior-year
 * figures. Pure: the caller reads and writes the files.
 */

export interface CarryForwardOptions {
  /** Projects (by id or code) the clerk ticked as continuing (延续项目); the others are left behind. */
  continuingProjects: readonly string[];
  /** Whose 公用经费 count as 机关运行经费 in the prior-year figures (the template's convention). */
  operatingCostUnits?: OperatingCostUnits;
  /** Shown with the prior-year figures, e.g. the source file's name. */
  source: string;
}

/** One of last year's projects, as the clerk sees it when ticking the continuing ones. */
export interface ProjectChoice {
  id: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** Null where the source does not say (a published Excel). */
  type: ProjectType | null;
  /** Last year's amount, all its lines. */
  amount: Fen;
  indicators: number;
  /** Was it already marked continuing last year? */
  continuing: boolean;
}

export interface CarryReport {
  year: number;
  units: number;
  /** Basic and continuing-project lines kept with their codes and fund, amount cleared. */
  budgetLines: number;
  incomeLines: number;
  projects: { id: string; code: string; name: string; indicators: number; lines: number }[];
  projectsLeftBehind: number;
  glossaryTerms: number;
  departmentIndicators: number;
  priorFigures: number;
}

export type CarryForwardResult =
  | { ok: true; workbook: Workbook; report: CarryReport }
  /** Some ticked projects are not in last year's workbook. */
  | { ok: false; unknownProjects: string[] };

export function projectChoices(workbook: Workbook): ProjectChoice[] {
  const unitsById = new Map(workbook.units.map((unit) => [unit.id, unit]));
  const amounts = new Map<string, Fen>();
  for (const line of workbook.budgetLines) {
    if (line.projectId !== null) amounts.set(line.projectId, (amounts.get(line.projectId) ?? 0) + line.amount);
  }
  return workbook.projects.map((project) => ({
    id: project.id,
    code: project.code,
    name: project.name,
    unitCode: unitsById.get(project.unitId)?.code ?? '',
    unitName: unitsById.get(project.unitId)?.name ?? '',
    type: project.type,
    amount: amounts.get(project.id) ?? 0,
    indicators: project.performance.indicators.length,
    continuing: project.continuing,
  }));
}

/** Ticked references (ids or codes) → the projects they name; references that name none are returned apart. */
export function resolveProjects(workbook: Workbook, references: readonly string[]): { ids: Set<string>; unknown: string[] } {
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const reference of references) {
    const wanted = reference.trim();
    const matches = workbook.projects.filter((project) => project.id === wanted || (wanted !== '' && project.code === wanted));
    if (matches.length === 0) unknown.push(reference);
    for (const project of matches) ids.add(project.id);
  }
  return { ids, unknown };
}

export function carryForward(last: Workbook, options: CarryForwardOptions): CarryForwardResult {
  const { ids: continuing, unknown } = resolveProjects(last, options.continuingProjects);
  if (unknown.length > 0) return { ok: false, unknownProjects: unknown };
  const year = last.department.year + 1;
  const projects: Project[] = last.projects
    .filter((project) => continuing.has(project.id))
    .map((project) => ({
      ...structuredClone(project),
      continuing: true,
      procurement: [],
    }));
  const budgetLines = last.budgetLines
    .filter((line) => line.projectId === null || continuing.has(line.projectId))
    .map((line) => ({ ...line, amount: 0 }));
  const incomeLines = last.incomeLines.map((line) => ({ ...line, amount: 0 }));
  const figures = workbookFigures(last, options.operatingCostUnits);
  const workbook: Workbook = {
    settings: { ...last.settings, catalogEdition: year },
    department: { ...last.department, year, publishedOn: '' },
    units: last.units.map((unit) => ({ ...unit })),
    incomeLines,
    budgetLines,
    projects,
    // What basic spending buys is decided afresh each year, like a project's procurement.
    basicProcurement: [],
    departmentPerformance: {
      annualGoal: last.departmentPerformance.annualGoal,
      tasks: last.departmentPerformance.tasks.map((task) => ({ ...task, amount: 0 })),
      indicators: structuredClone(last.departmentPerformance.indicators),
    },
    // Vehicles and equipment are counted again at year end; the money figures describe last year.
    assets: { ...structuredClone(last.assets), figures: {}, asOf: '' },
    // Reasons explain last year's changes against the year before; they do not carry.
    texts: { ...structuredClone(last.texts), reasons: {} },
    priorYear: { year: last.department.year, source: options.source, figures },
    catalogEntries: structuredClone(last.catalogEntries),
  };
  const linesPerProject = new Map<string, number>();
  for (const line of budgetLines) {
    if (line.projectId !== null) linesPerProject.set(line.projectId, (linesPerProject.get(line.projectId) ?? 0) + 1);
  }
  return {
    ok: true,
    workbook,
    report: {
      year,
      units: workbook.units.length,
      budgetLines: budgetLines.length,
      incomeLines: incomeLines.length,
      projects: projects.map((project) => ({
        id: project.id,
        code: project.code,
        name: project.name,
        indicators: project.performance.indicators.length,
        lines: linesPerProject.get(project.id) ?? 0,
      })),
      projectsLeftBehind: last.projects.length - projects.length,
      glossaryTerms: workbook.texts.glossary.length,
      departmentIndicators: workbook.departmentPerformance.indicators.length,
      priorFigures: Object.keys(figures).length,
    },
  };
}
