import type { Indicator } from '../../model';
import { indicatorAmount, parseIndicatorValue, type ParsedIndicatorValue } from '../indicator-value';
import { NO_HITS, type FindingLocation, type Hit, type IndicatorSet, type ResolvedCheckOptions, type Rule } from '../types';
import { lineRule } from './define';

/**
 * Rules over a performance target (绩效目标): a project's, or the department's (部门整体). The
 * reviewer's questions: are the 一级 indicators all there, is each 指标值 well formed, does its
 * unit fit what the indicator measures, and does a 成本 indicator stay within the money.
 */
const PLACEHOLDER_NAMES = new Set(['', '无', '不涉及', '/', '-', '—', '——']);

const parseCache = new Map<string, ParsedIndicatorValue>();

function parsed(indicator: Indicator): ParsedIndicatorValue {
  let value = parseCache.get(indicator.value);
  if (!value) {
    if (parseCache.size > 20_000) parseCache.clear();
    value = parseIndicatorValue(indicator.value);
    parseCache.set(indicator.value, value);
  }
  return value;
}

/** An unused row ("无 | 无") of a form that prints every 二级 whether used or not. */
function isUnusedRow(indicator: Indicator): boolean {
  const kind = parsed(indicator).kind;
  return PLACEHOLDER_NAMES.has(indicator.level3.trim()) && (kind === 'placeholder' || kind === 'empty');
}

const has = (text: string, word: string) => text.includes(word);
const isOutput = (i: Indicator) => has(i.level1, '产出');
const isBenefit = (i: Indicator) => has(i.level1, '效益');
const isSatisfaction = (i: Indicator) => has(i.level1, '满意') || has(i.level2, '满意');
const isCost = (i: Indicator) => has(i.level1, '成本') || has(i.level2, '成本');
const isTimeliness = (i: Indicator) => has(i.level2, '时效');

function expectsNumber(indicator: Indicator, options: ResolvedCheckOptions): boolean {
  return options.quantitativeIndicatorKinds.some((kind) => has(indicator.level2, kind) || (kind === '成本' && has(indicator.level1, kind)));
}

function indicatorAt(set: IndicatorSet, indicator: Indicator): FindingLocation {
  return {
    entity: 'indicator',
    id: indicator.id,
    parentId: set.id,
    field: 'value',
    tables: [{ tableId: set.owner === 'department' ? 'departmentIndicators' : 'projectIndicators', rowKey: indicator.id, column: 'value' }],
  };
}

function indicatorName(indicator: Indicator): string {
  return indicator.level3.trim() || indicator.level2.trim() || indicator.level1.trim();
}

/** A rule that looks at each used indicator of the set on its own. */
function eachIndicator(
  set: IndicatorSet,
  test: (indicator: Indicator, value: ParsedIndicatorValue) => Record<string, string | number> | null,
): readonly Hit[] {
  let hits: Hit[] | null = null;
  for (const indicator of set.indicators) {
    if (isUnusedRow(indicator)) continue;
    const extra = test(indicator, parsed(indicator));
    if (!extra) continue;
    const params = { owner: set.name, indicator: indicatorName(indicator), value: indicator.value.trim(), ...extra };
    (hits ??= []).push({ params, location: indicatorAt(set, indicator) });
  }
  return hits ?? NO_HITS;
}

type Level = 'output' | 'benefit' | 'satisfaction' | 'cost';

/** 二级 names and the 一级 they may sit under. */
const LEVEL_PAIRS: [RegExp, string[]][] = [
  [/数量|质量|时效/, ['产出']],
  [/经济效益|社会效益|生态效益|可持续影响/, ['效益']],
  [/经济成本|社会成本|生态环境成本/, ['成本']],
  [/满意度/, ['满意度', '效益']],
];

function requiredLevels(options: ResolvedCheckOptions): [Level, (indicator: Indicator) => boolean][] {
  const levels: [Level, (indicator: Indicator) => boolean][] = [
    ['output', isOutput],
    ['benefit', isBenefit],
    ['satisfaction', isSatisfaction],
  ];
  if (options.requireCostIndicator === 'level1') levels.push(['cost', (i) => has(i.level1, '成本')]);
  if (options.requireCostIndicator === 'anyLevel') levels.push(['cost', isCost]);
  return levels;
}

const COUNT_NAME = /(数量|人数|次数|个数|户数|家数|人次)/;
const SHARE_NAME = /(率|比例|比重|占比|覆盖面)/;
/** Verbs that promise without saying how much. */
const BARE_VERBS = new Set(['保证', '保障', '确保']);

export const indicatorRules: Rule[] = [
  lineRule({
    id: 'performance.levelMissing',
    severity: 'error',
    messageKey: 'checks:performanceLevelMissing',
    description:
      'A performance target has 产出, 效益 and 满意度 indicators (满意度 may sit under 效益 as a 二级), and 成本 where option requireCostIndicator asks (identity 9). Unused 无 rows do not count.',
    collection: 'indicatorSets',
    evaluate: (set, { options }) => {
      if (set.indicators.length === 0) return NO_HITS;
      const used = set.indicators.filter((indicator) => !isUnusedRow(indicator));
      let hits: Hit[] | null = null;
      for (const [level, matches] of requiredLevels(options)) {
        if (used.some(matches)) continue;
        const location: FindingLocation =
          set.owner === 'department'
            ? { entity: 'department', id: 'department', field: 'departmentPerformance.indicators' }
            : { entity: 'project', id: set.id, field: 'performance.indicators', tables: [{ tableId: 'projects', rowKey: set.id }] };
        (hits ??= []).push({ params: { owner: set.name, level }, location });
      }
      return hits ?? NO_HITS;
    },
  }),
  lineRule({
    id: 'indicator.valueEmpty',
    severity: 'error',
    messageKey: 'checks:indicatorValueEmpty',
    description: 'A named indicator has a 指标值 (identity 9).',
    collection: 'indicatorSets',
    evaluate: (set) => eachIndicator(set, (_indicator, value) => (value.kind === 'empty' ? {} : null)),
  }),
  lineRule({
    id: 'indicator.valueMalformed',
    severity: 'error',
    messageKey: 'checks:indicatorValueMalformed',
    description: 'A 指标值 is well formed: an operator is followed by a number, a number by at most a unit ("≥90%", "≤136.07万元") (identity 9).',
    collection: 'indicatorSets',
    evaluate: (set) => eachIndicator(set, (_indicator, value) => (value.kind === 'malformed' ? {} : null)),
  }),
  lineRule({
    id: 'indicator.noUnit',
    severity: 'warning',
    messageKey: 'checks:indicatorValueNoUnit',
    description: 'A numeric 指标值 has a unit: "1" or "≥34万" (a magnitude only) say nothing of what is counted.',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (_indicator, value) =>
        value.kind === 'quantity' && (value.unitClass === 'none' || value.unitClass === 'magnitude') ? {} : null,
      ),
  }),
  lineRule({
    id: 'indicator.qualitative',
    severity: 'warning',
    messageKey: 'checks:indicatorQualitativeValue',
    description: 'Indicators that must be measured (二级 数量 or 成本, option quantitativeIndicatorKinds) have a number, not words such as "有所提升".',
    collection: 'indicatorSets',
    evaluate: (set, context) =>
      eachIndicator(set, (indicator, value) =>
        value.kind === 'text' && expectsNumber(indicator, context.options) ? { kind: indicator.level2.trim() || indicator.level1.trim() } : null,
      ),
  }),
  lineRule({
    id: 'indicator.unitMismatch',
    severity: 'warning',
    messageKey: 'checks:indicatorUnitMismatch',
    description: 'The unit fits what the indicator measures: no money in a 时效 indicator, a 满意度 in % (or 分), a 成本 in money or %.',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) => {
        if (value.kind !== 'quantity') return null;
        const unitClass = value.unitClass;
        if (isTimeliness(indicator) && (unitClass === 'money' || (unitClass === 'rate' && value.unit.includes('元')))) {
          return { kind: 'timeliness', unit: value.unit };
        }
        if (isSatisfaction(indicator) && !['percent', 'score', 'none', 'magnitude'].includes(unitClass)) {
          return { kind: 'satisfaction', unit: value.unit };
        }
        if (isCost(indicator) && (unitClass === 'count' || unitClass === 'time' || unitClass === 'score')) {
          return { kind: 'cost', unit: value.unit };
        }
        return null;
      }),
  }),
  lineRule({
    id: 'indicator.countInPercent',
    severity: 'warning',
    messageKey: 'checks:indicatorCountInPercent',
    description: 'An indicator named as a count (…数量, …人数, …次数) is not given in %.',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) =>
        value.kind === 'quantity' && value.unitClass === 'percent' && COUNT_NAME.test(indicator.level3) && !SHARE_NAME.test(indicator.level3)
          ? {}
          : null,
      ),
  }),
  lineRule({
    id: 'indicator.timelinessYearOnly',
    severity: 'warning',
    messageKey: 'checks:indicatorTimelinessYearOnly',
    description: 'A 时效 indicator names a deadline or a duration ("12月底前", "≤30天"), not just the budget year ("2024年").',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) => (isTimeliness(indicator) && value.kind === 'date' && value.yearOnly ? {} : null)),
  }),
  lineRule({
    id: 'indicator.outputUpperBound',
    severity: 'warning',
    messageKey: 'checks:indicatorOutputUpperBound',
    description: 'An output quantity (产出 数量, or 产出 with no 二级) is a target to reach ("≥2973人"), not a cap ("≤2973人").',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) =>
        isOutput(indicator) &&
        (indicator.level2.trim() === '' || has(indicator.level2, '数量')) &&
        value.kind === 'quantity' &&
        (value.operator === '≤' || value.operator === '<') &&
        value.unitClass === 'count'
          ? {}
          : null,
      ),
  }),
  lineRule({
    id: 'indicator.valueNamesQuality',
    severity: 'warning',
    messageKey: 'checks:indicatorValueNamesQuality',
    description: 'A qualitative 指标值 states the level to reach ("及时"), not the quality measured ("及时性").',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) => {
        const text = indicator.value.trim();
        return value.kind === 'text' && text.length <= 5 && text.endsWith('性') ? {} : null;
      }),
  }),
  lineRule({
    id: 'indicator.valueStatesNoLevel',
    severity: 'warning',
    messageKey: 'checks:indicatorValueStatesNoLevel',
    description:
      'A qualitative 指标值 states a level, not just the indicator\'s own name ("系统正常运行: 系统正常运行") or a bare verb ("保证系统正常运转: 保证").',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator, value) => {
        if (value.kind !== 'text') return null;
        const text = indicator.value.trim();
        const name = indicator.level3.trim();
        const repeatsName = text === name || (name.startsWith(text) && /^[,，、；;\s]/.test(name.slice(text.length)));
        return repeatsName || BARE_VERBS.has(text) ? {} : null;
      }),
  }),
  lineRule({
    id: 'indicator.costAboveAmount',
    severity: 'error',
    messageKey: 'checks:costIndicatorAboveAmount',
    description:
      "A 成本 indicator's amount (\"≤136.07万元\") is not above the project's budget (the department's total for department indicators). Rates (\"≤500元/人每天\") are not compared (identity 9).",
    collection: 'indicatorSets',
    evaluate: (set, context) =>
      eachIndicator(set, (indicator, value) => {
        if (!isCost(indicator)) return null;
        const amount = indicatorAmount(value);
        if (amount === undefined || amount <= set.amount) return null;
        return { amount: context.money(set.amount), moneyUnit: context.workbook.settings.entryUnit };
      }),
  }),
  lineRule({
    id: 'indicator.levelPair',
    severity: 'warning',
    messageKey: 'checks:indicatorLevelPair',
    description:
      'An indicator\'s 一级 and 二级 belong together: 数量/质量/时效 under 产出, 经济/社会/生态效益 and 可持续影响 under 效益, 经济/社会/生态环境成本 under 成本, 满意度 under 满意度 (or 效益). 成本指标 under 产出 (the older layout) is allowed.',
    collection: 'indicatorSets',
    evaluate: (set) =>
      eachIndicator(set, (indicator) => {
        const level1 = indicator.level1.trim();
        if (level1 === '') return null;
        const pair = LEVEL_PAIRS.find(([level2]) => level2.test(indicator.level2));
        if (!pair || pair[1].some((parent) => level1.includes(parent))) return null;
        return { level1, level2: indicator.level2.trim() };
      }),
  }),
];
