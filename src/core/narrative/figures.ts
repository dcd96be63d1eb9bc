import { catalogFor, type Catalog } from '../catalog';
import { FISCAL_FUNDS, fundIsUnder } from '../funds';
import type { Fen } from '../money';
import type { BudgetLine, ProcurementItem, Workbook } from '../model';
import { budgetPredicate, incomePredicate, type FilterLookups } from '../tables/filter';
import type { LineFilter, Measure, TemplateSpec } from '../tables/spec';
import type { ListSource } from './spec';

/**
 * Every figure a narrative quotes, computed from the workbook's lines with the pivot engine's own
 * filters, so a sentence and the table showing the same measure cannot disagree. Keys match the
 * ones texts.reasons and priorYear.figures use (docs/narrative.md) and those the checks compute.
 */
export interface NarrativeFigures {
  year: number;
  priorYear: number;
  departmentName: string;
  assetsAsOf: string;
  /** Money in 分 by key; a key that is absent is unknown (not zero): e.g. an asset figure never entered. */
  amounts: Record<string, Fen>;
  /** Last year's money by key: priorYear.figures, plus sums for derived keys whose parts are known. */
  prior: Record<string, Fen>;
  counts: Record<string, number>;
  lists: Record<ListSource, ListItem[]>;
}

export interface ListItem {
  name: string;
  code?: string;
  /** The item's figure key, for {amount:@} and {change:@}. */
  key?: string;
  count?: number;
}

const GENERAL = ['gen', 'carry.gen'];
const GOVERNMENT_FUND = ['fund', 'carry.fund'];
const STATE_CAPITAL = ['capital', 'carry.capital'];
const fiscal = (filter: LineFilter = {}): Measure => ({ source: 'budget', funds: FISCAL_FUNDS, ...filter });
const general = (filter: LineFilter = {}): Measure => ({ source: 'budget', funds: GENERAL, ...filter });

/** 三公 and related 部门经济款 codes (domain.md); these figures count 财政拨款 lines only. */
export const SAN_GONG_ECON = {
  'sanGong.abroad': '30212',
  'sanGong.reception': '30217',
  'sanGong.vehiclePurchase': '31013',
  'sanGong.vehicleRunning': '30231',
  meeting: '30215',
  training: '30216',
} as const;

/** Figures that are one measure of the lines, by key. */
const MEASURES: Record<string, Measure> = {
  total: { source: 'budget' },
  basic: { source: 'budget', natures: ['basic'] },
  project: { source: 'budget', natures: ['project'] },
  'basic.personnel': { source: 'budget', basicPart: 'personnel' },
  'basic.public': { source: 'budget', basicPart: 'public' },
  'nature.operating': { source: 'budget', natures: ['operating'] },
  'nature.remitUpward': { source: 'budget', natures: ['remitUpward'] },
  'nature.subsidyAffiliates': { source: 'budget', natures: ['subsidyAffiliates'] },
  'fiscal.total': fiscal(),
  'fiscal.gen': general(),
  'fiscal.fund': { source: 'budget', funds: GOVERNMENT_FUND },
  'fiscal.capital': { source: 'budget', funds: STATE_CAPITAL },
  'fiscal.gen.basic': general({ natures: ['basic'] }),
  'fiscal.gen.project': general({ natures: ['project'] }),
  'fiscal.gen.basic.personnel': general({ basicPart: 'personnel' }),
  'fiscal.gen.basic.public': general({ basicPart: 'public' }),
  'appropriation.gen': { source: 'budget', funds: ['gen'] },
  'appropriation.fund': { source: 'budget', funds: ['fund'] },
  'appropriation.capital': { source: 'budget', funds: ['capital'] },
  ...Object.fromEntries(Object.entries(SAN_GONG_ECON).map(([key, code]) => [key, fiscal({ deptEcon: [code] })])),
  'income.total': { source: 'income' },
  'income.fiscal': { source: 'income', funds: FISCAL_FUNDS },
  'income.gen': { source: 'income', funds: ['gen'] },
  'income.fund': { source: 'income', funds: ['fund'] },
  'income.capital': { source: 'income', funds: ['capital'] },
  'income.specialAccount': { source: 'income', funds: ['specialAccount'] },
  'income.unit': { source: 'income', funds: ['unit'] },
  'income.carry': { source: 'income', funds: ['carry'] },
};

/** Figures that are sums of others; a stored prior-year value of the key wins over the sum. */
export const DERIVED_FIGURES: Record<string, string[]> = {
  'general.total': ['fiscal.gen'],
  'sanGong.vehicle': ['sanGong.vehiclePurchase', 'sanGong.vehicleRunning'],
  'sanGong.total': ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehiclePurchase', 'sanGong.vehicleRunning'],
};

/** Counts countFigures always yields (asset quantities add assets.quantity.<key>). */
const COUNT_KEYS = [
  'units',
  'staff.authorized',
  'staff.actual',
  'staff.retired',
  'staff.admin.authorized',
  'staff.admin.actual',
  'staff.institution.authorized',
  'staff.institution.actual',
  'projects',
  'procurement.items',
  'procurement.equipmentOver200k',
  'assets.vehicles',
  'assets.generalEquipmentOver500k',
  'assets.specialEquipmentOver1m',
];

const STATIC_KEYS = new Set([
  ...Object.keys(MEASURES),
  ...Object.keys(DERIVED_FIGURES),
  'operatingCost',
  'procurement.total',
  'procurement.goods',
  'procurement.works',
  'procurement.services',
  ...COUNT_KEYS,
]);

/** Keys built from codes or entered figures: function.<类|款|项>, deptEcon/govEcon.<类|款>, assets.figure/quantity.<key>. */
const PATTERN_KEYS = [/^function\.(\d{3}|\d{5}|\d{7})$/, /^(deptEcon|govEcon)\.(\d{3}|\d{5})$/, /^assets\.(figure|quantity)\.[A-Za-z0-9_]+$/];

/** Whether a narrative or table can quote `key` (a template naming another key is a mistake in the template). */
export function isKnownFigureKey(key: string): boolean {
  return STATIC_KEYS.has(key) || PATTERN_KEYS.some((pattern) => pattern.test(key));
}

/** 政府采购品目 code's first letter → figure. */
const PROCUREMENT_KINDS: Record<string, string> = { A: 'procurement.goods', B: 'procurement.works', C: 'procurement.services' };
/** 单价 20万元 (Shaanxi's and Hebei's equipment threshold), in 分. */
const EQUIPMENT_THRESHOLD: Fen = 20_000_000;

/**
 * The figures of `workbook` under `template`'s conventions (whose 公用经费 count as 机关运行经费).
 * `catalog` names codes in lists; by default the built-in catalogue plus the workbook's imports.
 */
export function narrativeFigures(workbook: Workbook, template: Pick<TemplateSpec, 'conventions'>, catalog?: Catalog): NarrativeFigures {
  const names = catalog ?? catalogFor(workbook.catalogEntries);
  const lookups: FilterLookups = {
    unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])),
    projectsById: new Map(workbook.projects.map((project) => [project.id, project])),
  };
  const measure = (spec: Measure): Fen => {
    if (spec.source === 'income') {
      const matches = incomePredicate(spec, lookups);
      return workbook.incomeLines.reduce((sum, line) => (matches(line) ? sum + line.amount : sum), 0);
    }
    const matches = budgetPredicate(spec, lookups);
    return workbook.budgetLines.reduce((sum, line) => (matches(line) ? sum + line.amount : sum), 0);
  };

  const amounts: Record<string, Fen> = {};
  for (const [key, spec] of Object.entries(MEASURES)) amounts[key] = measure(spec);
  const adminOnly = template.conventions.operatingCostUnits === 'adminOnly';
  amounts.operatingCost = measure(fiscal({ basicPart: 'public', ...(adminOnly ? { unitKinds: ['admin'] } : {}) }));
  Object.assign(amounts, codeFigures(workbook.budgetLines));
  Object.assign(amounts, procurementFigures(workbook));
  for (const [key, fen] of Object.entries(workbook.assets.figures)) amounts[`assets.figure.${key}`] = fen;
  for (const [key, parts] of Object.entries(DERIVED_FIGURES)) amounts[key] = parts.reduce((sum, part) => sum + (amounts[part] ?? 0), 0);

  const prior = priorFigures(workbook.priorYear.figures);
  const priorYear = workbook.priorYear.year ?? workbook.department.year - 1;
  return {
    year: workbook.department.year,
    priorYear,
    departmentName: workbook.department.name,
    assetsAsOf: workbook.assets.asOf,
    amounts,
    prior,
    counts: countFigures(workbook),
    lists: {
      functionItems: codeItems('function', 7, amounts, prior, (code) => names.lookupFunction(code)?.name),
      deptEconClasses: codeItems('deptEcon', 3, amounts, prior, (code) => names.lookupDeptEcon(code)?.name),
      govEconClasses: codeItems('govEcon', 3, amounts, prior, (code) => names.lookupGovEcon(code)?.name),
      fundProjects: fundProjects(workbook),
      vehicleKinds: workbook.assets.vehicles.map((vehicle) => ({ name: vehicle.kind, count: vehicle.count })),
    },
  };
}

/** function.<类|款|项>, deptEcon.<类|款>, govEcon.<类|款> over 一般公共预算 lines, as the narratives break them down. */
function codeFigures(lines: readonly BudgetLine[]): Record<string, Fen> {
  const figures: Record<string, Fen> = {};
  const add = (key: string, amount: Fen) => {
    figures[key] = (figures[key] ?? 0) + amount;
  };
  for (const line of lines) {
    if (!GENERAL.some((fund) => fundIsUnder(line.fund, fund))) continue;
    for (const length of [3, 5, 7]) if (length <= line.functionCode.length) add(`function.${line.functionCode.slice(0, length)}`, line.amount);
    for (const length of [3, 5]) {
      add(`deptEcon.${line.deptEconCode.slice(0, length)}`, line.amount);
      add(`govEcon.${line.govEconCode.slice(0, length)}`, line.amount);
    }
  }
  return figures;
}

/** Every procurement item: the projects' and those paid from basic expenditure. */
function* procurementItems(workbook: Workbook): Iterable<ProcurementItem> {
  for (const project of workbook.projects) yield* project.procurement;
  for (const group of workbook.basicProcurement) yield* group.items;
}

function procurementFigures(workbook: Workbook): Record<string, Fen> {
  const figures: Record<string, Fen> = { 'procurement.total': 0, 'procurement.goods': 0, 'procurement.works': 0, 'procurement.services': 0 };
  for (const item of procurementItems(workbook)) {
    figures['procurement.total'] = (figures['procurement.total'] ?? 0) + item.amount;
    const kind = PROCUREMENT_KINDS[item.catalogCode.trim().charAt(0).toUpperCase()];
    if (kind) figures[kind] = (figures[kind] ?? 0) + item.amount;
  }
  return figures;
}

function countFigures(workbook: Workbook): Record<string, number> {
  const staff = (kinds: string[] | null, field: 'authorizedStaff' | 'actualStaff' | 'retiredStaff') =>
    workbook.units.filter((unit) => kinds === null || kinds.includes(unit.kind)).reduce((sum, unit) => sum + unit[field], 0);
  const projectAmounts = new Map<string, Fen>();
  for (const line of workbook.budgetLines) {
    if (line.projectId !== null) projectAmounts.set(line.projectId, (projectAmounts.get(line.projectId) ?? 0) + line.amount);
  }
  const institution = ['institution', 'civilServantManaged'];
  let equipmentOver200k = 0;
  let itemCount = 0;
  for (const item of procurementItems(workbook)) {
    itemCount += 1;
    if (item.catalogCode.trim().toUpperCase().startsWith('A') && item.unitPrice >= EQUIPMENT_THRESHOLD) equipmentOver200k += item.quantity;
  }
  return {
    units: workbook.units.length,
    'staff.authorized': staff(null, 'authorizedStaff'),
    'staff.actual': staff(null, 'actualStaff'),
    'staff.retired': staff(null, 'retiredStaff'),
    'staff.admin.authorized': staff(['admin'], 'authorizedStaff'),
    'staff.admin.actual': staff(['admin'], 'actualStaff'),
    'staff.institution.authorized': staff(institution, 'authorizedStaff'),
    'staff.institution.actual': staff(institution, 'actualStaff'),
    projects: [...projectAmounts.values()].filter((amount) => amount !== 0).length,
    'procurement.items': itemCount,
    'procurement.equipmentOver200k': equipmentOver200k,
    'assets.vehicles': workbook.assets.vehicles.reduce((sum, vehicle) => sum + vehicle.count, 0),
    'assets.generalEquipmentOver500k': workbook.assets.generalEquipmentOver500k,
    'assets.specialEquipmentOver1m': workbook.assets.specialEquipmentOver1m,
    // Counts and areas beside the asset figures (e.g. equipmentOver200k 台); a key never entered is unknown.
    ...Object.fromEntries(Object.entries(workbook.assets.quantities ?? {}).map(([key, count]) => [`assets.quantity.${key}`, count])),
  };
}

function priorFigures(stored: Record<string, Fen>): Record<string, Fen> {
  const prior = { ...stored };
  for (const [key, parts] of Object.entries(DERIVED_FIGURES)) {
    if (key in prior || !parts.some((part) => part in stored)) continue;
    prior[key] = parts.reduce((sum, part) => sum + (stored[part] ?? 0), 0);
  }
  return prior;
}

/** Codes of one kind and length with an amount this year or last, by code. */
function codeItems(
  kind: string,
  length: number,
  amounts: Record<string, Fen>,
  prior: Record<string, Fen>,
  nameOf: (code: string) => string | undefined,
): ListItem[] {
  const pattern = new RegExp(`^${kind}\\.(\\d{${length}})$`);
  const codes = new Set<string>();
  for (const source of [amounts, prior]) {
    for (const [key, fen] of Object.entries(source)) {
      const code = pattern.exec(key)?.[1];
      if (code !== undefined && fen !== 0) codes.add(code);
    }
  }
  return [...codes].sort().map((code) => ({ code, key: `${kind}.${code}`, name: nameOf(code) ?? '' }));
}

function fundProjects(workbook: Workbook): ListItem[] {
  const funded = new Set(
    workbook.budgetLines
      .filter((line) => line.projectId !== null && line.amount !== 0 && GOVERNMENT_FUND.some((fund) => fundIsUnder(line.fund, fund)))
      .map((line) => line.projectId),
  );
  return workbook.projects.filter((project) => funded.has(project.id)).map((project) => ({ name: project.name.replace(/项目$/, '') }));
}
