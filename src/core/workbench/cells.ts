import type { Catalog, CatalogCode } from '../catalog';
import { levelOf, normalizeName } from '../catalog';
import { asciiDigits } from '../catalog/codes';
import { FUND_LEAVES, FUND_TREE, fundNode, type FundNode } from '../funds';
import { evaluateAmountFormula, isFormula } from '../formula';
import { formatMoney, FEN_PER, parseMoney, type Fen, type MoneyUnit } from '../money';
import { NATURES, type CatalogKind, type Nature, type Project, type ProjectType, type Unit } from '../model';

/**
 * Parsing and formatting of single cells as a clerk types or pastes them. A parser answers the
 * value or a problem: an i18n key of the "workbench" namespace with its parameters; the grid words
 * it with the row and the column's name ("第3行“金额”：…").
 */
export interface CellProblem {
  key: string;
  params: Record<string, string | number>;
}

export type CellResult<V> = { ok: true; value: V } | { ok: false; problem: CellProblem };

export type Language = 'zh' | 'en';

/** What cell parsers may consult: the workbook's catalogue, units, projects, money unit, language. */
export interface CellContext {
  catalog: Catalog;
  units: readonly Unit[];
  projects: readonly Project[];
  entryUnit: MoneyUnit;
  language: Language;
}

export function ok<V>(value: V): CellResult<V> {
  return { ok: true, value };
}

export function problem(key: string, params: Record<string, string | number> = {}): CellResult<never> {
  return { ok: false, problem: { key: `workbench:problem.${key}`, params } };
}

/** Trims and folds full-width spaces; the start of every parser. */
export function clean(text: string): string {
  return text.replace(/\u3000/g, ' ').trim();
}

// ---------------------------------------------------------------- money

export function parseAmount(text: string, unit: MoneyUnit, emptyAs: Fen | null = 0): CellResult<Fen> {
  const value = clean(text);
  if (value === '') return emptyAs === null ? problem('required') : ok(emptyAs);
  // `=3+3`, as in Excel: the result is stored, not the formula.
  if (isFormula(value)) {
    const result = evaluateAmountFormula(value, unit);
    return result.ok ? ok(result.fen) : problem(`money.${result.reason}`, { value });
  }
  const parsed = parseMoney(value, unit);
  if (parsed.ok) return ok(parsed.fen);
  const decimals = unit === 'wan' ? 6 : 2;
  return problem(`money.${parsed.reason}`, { value, decimals, unit: unit === 'wan' ? '万元' : '元' });
}

/** The amount as the clerk types it back: plain digits, no separators, as many decimals as it has. */
export function amountEditText(fen: Fen, unit: MoneyUnit): string {
  return formatMoney(fen, unit, { separators: false, trimZeros: true });
}

/** The amount as a cell shows it: separators, 2 decimals, more only when the amount has finer digits. */
export function amountDisplay(fen: Fen, unit: MoneyUnit): string {
  const maxDecimals = Math.round(Math.log10(FEN_PER[unit]));
  let decimals = 2;
  while (decimals < maxDecimals && fen % 10 ** (maxDecimals - decimals) !== 0) decimals += 1;
  return formatMoney(fen, unit, { decimals });
}

// ---------------------------------------------------------------- whole numbers and percentages

export function parseCount(text: string): CellResult<number> {
  const value = asciiDigits(clean(text)).replace(/,/g, '');
  if (value === '') return ok(0);
  if (!/^\d{1,9}$/.test(value)) return problem('count', { value: clean(text) });
  return ok(Number(value));
}

/** A quantity: a number with at most 4 decimals ("12", "2.5"). */
export function parseQuantity(text: string): CellResult<number> {
  const value = asciiDigits(clean(text)).replace(/,/g, '');
  if (value === '') return ok(0);
  if (!/^\d{1,12}(\.\d{1,4})?$/.test(value)) return problem('quantity', { value: clean(text) });
  return ok(Number(value));
}

/** A percentage 0–100 with at most 2 decimals; "85", "85%", "85.5％". */
export function parsePercent(text: string): CellResult<number> {
  const value = asciiDigits(clean(text)).replace(/[%％]$/, '').trim();
  if (value === '') return ok(0);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100) return problem('percent', { value: clean(text) });
  return ok(Number(value));
}

// ---------------------------------------------------------------- codes

/** The level a budget line uses: 功能 项 (7 digits), 经济 款 (5 digits). */
export const LINE_LEVEL: Record<CatalogKind, 1 | 2 | 3> = { function: 3, deptEcon: 2, govEcon: 2 };

const CODE_WITH_NAME = /^[[【(（]?\s*(\d+)\s*[\]】)）]?\s*[-—_:：.、]?\s*(.*)$/;

/**
 * A classification code typed or pasted as "2101501", "2101501 行政运行", "[2101501]行政运行" or by
 * its name alone when the name is unique at the level ("基本工资"). A well-formed code of `level`
 * (default: the level budget lines use) is accepted whether or not the workbook's catalogue lists
 * it: the year's list may be newer than ours, and the checks flag a code it does not list
 * ("line.functionUnknown" …) instead of holding the row back. Refused, and kept as typed: a code of
 * another level or shape ("21015" where a 项 belongs, "21O1101"), and a name that names no code.
 */
export function parseCode(kind: CatalogKind, text: string, catalog: Catalog, level: 1 | 2 | 3 = LINE_LEVEL[kind], allowEmpty = false): CellResult<string> {
  const value = asciiDigits(clean(text));
  if (value === '') return allowEmpty ? ok('') : problem('required');
  const match = CODE_WITH_NAME.exec(value);
  if (match?.[1]) {
    const code = match[1];
    const shape = levelOf(kind, code);
    if (shape === level) return ok(code);
    if (shape !== undefined) return problem(`code.level.${kind}.${level}`, { value: code });
    return problem(`code.malformed.${kind}`, { value: clean(text) });
  }
  const byName = uniqueByName(kind, value, catalog, level);
  if (byName.length === 1 && byName[0]) return ok(byName[0].code);
  if (byName.length > 1) {
    return problem('code.ambiguous', { value: clean(text), candidates: byName.slice(0, 4).map((entry) => entry.code).join('、') });
  }
  return problem(`code.unknownName.${kind}`, { value: clean(text) });
}

function uniqueByName(kind: CatalogKind, name: string, catalog: Catalog, level: 1 | 2 | 3): CatalogCode[] {
  const exact = catalog.findByName(kind, name, level);
  if (exact.length > 0) return exact;
  // "医疗保障管理事务 行政运行" or "医疗保障管理事务-行政运行": a name with its parent's, as some sheets print.
  return catalog.searchCodes(kind, name.replace(/[-—/／·]/g, ' '), 20).filter((entry) => entry.level === level);
}

/** "2101501 行政运行"; the bare code when the catalogue does not know it. */
export function codeDisplay(kind: CatalogKind, code: string, catalog: Catalog): string {
  if (code === '') return '';
  const name = catalog.lookup(kind, code)?.name;
  return name ? `${code} ${name}` : code;
}

// ---------------------------------------------------------------- units and projects

/** A unit by code, by name, or as "036001 济源市医疗保障局". */
export function parseUnit(text: string, units: readonly Unit[]): CellResult<string> {
  const value = clean(text);
  if (value === '') return problem('required');
  const normalized = normalizeName(value);
  const byCode = units.find((unit) => unit.code === asciiDigits(value));
  if (byCode) return ok(byCode.id);
  const byName = units.filter((unit) => normalizeName(unit.name) === normalized);
  if (byName.length === 1 && byName[0]) return ok(byName[0].id);
  const match = /^(\S+)\s+(.+)$/.exec(value);
  if (match?.[1]) {
    const both = units.find((unit) => unit.code === asciiDigits(match[1] ?? ''));
    if (both) return ok(both.id);
  }
  return problem('unit.unknown', { value, known: units.map((unit) => unit.name).slice(0, 5).join('、') });
}

export function unitDisplay(unitId: string, units: readonly Unit[]): string {
  return units.find((unit) => unit.id === unitId)?.name ?? '';
}

export function parseProject(text: string, projects: readonly Project[]): CellResult<string> {
  const value = clean(text);
  if (value === '') return problem('required');
  const byCode = projects.find((project) => project.code !== '' && project.code === value);
  if (byCode) return ok(byCode.id);
  const byName = projects.filter((project) => normalizeName(project.name) === normalizeName(value));
  if (byName.length === 1 && byName[0]) return ok(byName[0].id);
  return problem('project.unknown', { value });
}

// ---------------------------------------------------------------- fund sources

const PARENT_OF = new Map<string, FundNode>();
for (const node of FUND_TREE) for (const child of node.children ?? []) PARENT_OF.set(child.code, node);

function leafName(node: FundNode, language: Language): string {
  return language === 'en' ? node.nameEn : node.name;
}

/** Is a leaf's own name shared with another leaf ("上级提前下达" under two funds)? */
function nameIsShared(code: string, language: Language): boolean {
  const node = fundNode(code);
  if (!node) return false;
  const name = normalizeName(leafName(node, language));
  return FUND_LEAVES.some((other) => {
    const otherNode = fundNode(other);
    return other !== code && otherNode !== undefined && normalizeName(leafName(otherNode, language)) === name;
  });
}

/** A fund leaf as cells show it: its name, with its parent's when the name alone is ambiguous. */
export function fundDisplay(code: string, language: Language): string {
  return FUND_DISPLAY[language].get(code) ?? computeFundDisplay(code, language) ?? code;
}

function computeFundDisplay(code: string, language: Language): string | undefined {
  const node = fundNode(code);
  if (!node) return undefined;
  const parent = PARENT_OF.get(code);
  if (parent && (nameIsShared(code, language) || code.startsWith('carry.'))) return `${leafName(parent, language)}/${leafName(node, language)}`;
  return leafName(node, language);
}

/** Grids show a fund on every visible row of every frame: the names are worked out once. */
const FUND_DISPLAY: Record<Language, ReadonlyMap<string, string>> = {
  zh: displayNames('zh'),
  en: displayNames('en'),
};

function displayNames(language: Language): Map<string, string> {
  const names = new Map<string, string>();
  for (const code of FUND_LEAVES) {
    const name = computeFundDisplay(code, language);
    if (name !== undefined) names.set(code, name);
  }
  return names;
}

/**
 * A fund leaf by its code ("gen.appropriation"), its name in either language, or parent and leaf
 * ("政府性基金预算拨款/上级提前下达", "上年结转结余-一般公共预算"). A top fund with one meaning is
 * accepted for its usual leaf: "一般公共预算拨款" → 财政拨款, "国有资本经营预算拨款" → itself.
 */
export function parseFund(text: string): CellResult<string> {
  const value = clean(text);
  if (value === '') return problem('required');
  if (FUND_LEAVES.includes(value)) return ok(value);
  const wanted = normalizeName(value).replace(/[-—/／·:：>＞]/g, '/');
  // A full "parent/leaf" match wins over a leaf's own name ("State capital operations" is a fund and a carry-over leaf).
  const full = new Set<string>();
  const own = new Set<string>();
  for (const code of FUND_LEAVES) {
    const node = fundNode(code);
    const parent = PARENT_OF.get(code);
    if (!node) continue;
    for (const language of ['zh', 'en'] as const) {
      const name = normalizeName(leafName(node, language));
      if (wanted === (parent ? `${normalizeName(leafName(parent, language))}/${name}` : name)) full.add(code);
      else if (wanted === name) own.add(code);
    }
  }
  const matches = full.size > 0 ? full : own;
  if (matches.size === 1) return ok([...matches][0] as string);
  if (matches.size === 0) {
    const top = FUND_TREE.find((node) => [node.name, node.nameEn].some((name) => normalizeName(name) === wanted));
    const usual = top ? TOP_FUND_DEFAULT[top.code] : undefined;
    if (usual) return ok(usual);
    return problem('fund.unknown', { value });
  }
  return problem('fund.ambiguous', { value, candidates: [...matches].map((code) => fundDisplay(code, 'zh')).join('、') });
}

const TOP_FUND_DEFAULT: Record<string, string> = {
  gen: 'gen.appropriation',
  fund: 'fund.regular',
  capital: 'capital',
  specialAccount: 'specialAccount',
};

// ---------------------------------------------------------------- nature and project type

/** Names as the province tables print them; data like the fund tree's names. */
export const NATURE_NAMES: Record<Nature, { zh: string; en: string; aliases: string[] }> = {
  basic: { zh: '基本支出', en: 'Basic expenditure', aliases: ['基本'] },
  project: { zh: '项目支出', en: 'Project expenditure', aliases: ['项目'] },
  operating: { zh: '事业单位经营支出', en: 'Business operations', aliases: ['经营支出'] },
  remitUpward: { zh: '上缴上级支出', en: 'Remitted upward', aliases: ['上缴上级'] },
  subsidyAffiliates: { zh: '对附属单位补助支出', en: 'Subsidies to affiliates', aliases: ['对附属单位补助'] },
};

export function natureDisplay(nature: Nature, language: Language): string {
  return NATURE_NAMES[nature][language];
}

export function parseNature(text: string): CellResult<Nature> {
  const value = normalizeName(clean(text));
  if (value === '') return problem('required');
  for (const nature of NATURES) {
    const names = NATURE_NAMES[nature];
    if ([nature, names.zh, names.en, ...names.aliases].some((name) => normalizeName(name) === value)) return ok(nature);
  }
  return problem('nature.unknown', { value: clean(text) });
}

export const PROJECT_TYPE_LABELS: Record<ProjectType, { zh: string; en: string }> = {
  operation: { zh: '其他运转类', en: 'Other operations' },
  specificGoal: { zh: '特定目标类', en: 'Specific goal' },
  general: { zh: '一般性项目', en: 'General project' },
  special: { zh: '专项项目', en: 'Special project' },
};

export function parseProjectType(text: string): CellResult<ProjectType> {
  const value = normalizeName(clean(text));
  if (value === '') return problem('required');
  for (const [type, labels] of Object.entries(PROJECT_TYPE_LABELS) as [ProjectType, { zh: string; en: string }][]) {
    if ([type, labels.zh, labels.en].some((name) => normalizeName(name) === value)) return ok(type);
  }
  if (value.includes('运转')) return ok('operation');
  if (value.includes('特定')) return ok('specificGoal');
  return problem('projectType.unknown', { value: clean(text) });
}

export function parseYesNo(text: string): CellResult<boolean> {
  const value = normalizeName(clean(text));
  if (['是', 'y', 'yes', 'true', '1', '√', '✓', '延续'].includes(value)) return ok(true);
  if (['', '否', 'n', 'no', 'false', '0', '新增'].includes(value)) return ok(false);
  return problem('yesNo', { value: clean(text) });
}

export function yesNoDisplay(value: boolean, language: Language): string {
  if (language === 'en') return value ? 'Yes' : 'No';
  return value ? '是' : '否';
}
