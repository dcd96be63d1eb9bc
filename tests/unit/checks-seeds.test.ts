import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, runChecks, type CheckOptions, type Finding } from '../../src/core/checks';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';

/**
 * The three published packages as workbooks (tests/fixtures/seeds/<seed>/workbook.json). Each
 * satisfies the balancing identities, so the checks must raise no error there other than the
 * contradictions its README lists; and those contradictions that live in the workbook's facts
 * (indicator values, clerk-written reasons, per-unit balance) must be reported with their figures.
 */
function load(seed: string): Workbook {
  const url = new URL(`../fixtures/seeds/${seed}/workbook.json`, import.meta.url);
  const parsed = fromInterchange(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.ok) throw new Error(`${seed}: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.workbook;
}

function check(seed: string, options?: CheckOptions): Finding[] {
  return runChecks(load(seed), checkCatalogForWorkbook, options);
}

/** What a test states about a finding: its rule and the params that carry the figures. */
const brief = (finding: Finding): Record<string, string | number> => ({ ruleId: finding.ruleId, ...finding.params });
const errorsOf = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'error').map(brief);
const ofRule = (findings: Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).map(brief);

describe('checks on the seed workbooks', () => {
  it('shaanxi-2024: no errors; reports the unit-less, qualitative and year-only indicator values and the 公务接待费 reason', () => {
    // Shaanxi counts the administrative organ's 公用经费 only as 机关运行经费 (domain.md).
    const findings = check('shaanxi-2024', { operatingCostUnits: 'adminOnly' });
    expect(errorsOf(findings)).toEqual([]);
    const comprehensive = '医保综合监管服务能力提升';
    const publicity = '医保政策宣传培训及医保网络建设维护';
    const fundInfo = '医保基金管理信息建设维护综合服务服务能力提升';
    // README contradiction 5: 接待费 0.8万元 said to be unchanged, yet the reason speaks of cutting it.
    expect(ofRule(findings, 'text.reasonDirection')).toEqual([
      {
        ruleId: 'text.reasonDirection',
        reason: 'sanGong.reception',
        figureName: 'sanGong_reception',
        figureCode: '',
        current: '8,000.00',
        prior: '8,000.00',
        moneyUnit: 'yuan',
        direction: 'same',
        said: 'down',
        quote: '部门严格执行公务接待规定，对接待费预算从总量上进行了控制和压减',
      },
    ]);
    // README contradiction 7: indicator values without a proper unit.
    expect(ofRule(findings, 'indicator.noUnit')).toEqual([
      { ruleId: 'indicator.noUnit', owner: comprehensive, indicator: '城乡居民、职工参保人数', value: '≥34万' },
      { ruleId: 'indicator.noUnit', owner: publicity, indicator: '定点医药机构监督协议管理', value: '1' },
    ]);
    expect(ofRule(findings, 'indicator.qualitative')).toEqual([
      { ruleId: 'indicator.qualitative', owner: publicity, indicator: '医疗救助对象人次规模', value: '符合救助条件的对象按规定纳入救助范围', kind: '数量指标' },
    ]);
    expect(ofRule(findings, 'indicator.timelinessYearOnly')).toEqual([
      { ruleId: 'indicator.timelinessYearOnly', owner: comprehensive, indicator: '资金到位时效', value: '2024年' },
      { ruleId: 'indicator.timelinessYearOnly', owner: fundInfo, indicator: '资金到位时效', value: '2024年' },
    ]);
    // The seed prints no 公开日期, so the workbook has none: the package prints no date (issue 11, item 3).
    expect(ofRule(findings, 'department.publishedOnMissing')).toEqual([{ ruleId: 'department.publishedOnMissing', year: 2024 }]);
    expect(findings).toHaveLength(7);
  });

  it('hebei-2024: the only errors are the two 成本 indicators above their projects (README 3), to the 分', () => {
    const findings = check('hebei-2024');
    expect(errorsOf(findings)).toEqual([
      {
        ruleId: 'indicator.costAboveAmount',
        owner: '2023年下达医疗服务与保障能力提升补助资金(冀财社[2022]218号)',
        indicator: '医保专项经费成本费用',
        value: '≤136.07 万元',
        amount: '136.064',
        moneyUnit: 'wan',
      },
      {
        ruleId: 'indicator.costAboveAmount',
        owner: '2023 年下达医疗服务与保障能力提升补助资金（冀财社【2023】82 号）',
        indicator: '医保专项经费成本费用',
        value: '≤215 万元',
        amount: '214.564',
        moneyUnit: 'wan',
      },
    ]);
    // The carried-over 350.628万 balances per fund to the 分 (README 1): nothing else to report but the 公开日期 the
    // seed does not print.
    expect(ofRule(findings, 'department.publishedOnMissing')).toEqual([{ ruleId: 'department.publishedOnMissing', year: 2024 }]);
    expect(findings).toHaveLength(3);
  });

  it('henan-2024: errors only for the README contradictions; its ill-formed indicator values are reported', () => {
    const findings = check('henan-2024');
    expect(errorsOf(findings)).toEqual([
      { ruleId: 'performance.levelMissing', owner: '打击欺诈骗保经费业务-打击欺诈骗保工作经费', level: 'satisfaction' },
      {
        ruleId: 'indicator.costAboveAmount',
        owner: '电子政务专项-医疗保障骨干网络建设服务费项目',
        indicator: '服务费',
        value: '≤20.4万元',
        amount: '12.00',
        moneyUnit: 'wan',
      },
      { ruleId: 'performance.levelMissing', owner: '电子政务专项-骨干网络及视频会议网络租赁费', level: 'satisfaction' },
    ]);
    const values = (ruleId: string) => ofRule(findings, ruleId).map((finding) => finding.value);
    expect(values('indicator.countInPercent')).toEqual(['≥95%']);
    expect(values('indicator.outputUpperBound')).toEqual(['≤20000份', '≤148人', '≤2973人', '≤2973人']);
    expect(values('indicator.valueNamesQuality')).toEqual(['有效性', '及时性', '稳定性', '有效性']);
    const noLevel = ofRule(findings, 'indicator.valueStatesNoLevel').map((finding) => `${finding.indicator}: ${finding.value}`);
    expect(noLevel).toEqual(
      expect.arrayContaining([
        '保证系统正常运转: 保证',
        '保证系统运行稳定: 保证',
        '系统正常运行, 保证参保权益: 系统正常运行',
        '系统正常运行, 保护参保权益: 系统正常运行',
        '系统正常运行: 系统正常运行',
      ]),
    );
    // The 参公 centre carries 505-coded lines, as the seed forces (README): advice, not an error.
    const civilServant = findings.filter((finding) => finding.ruleId === 'line.govEconCivilServant');
    expect(civilServant.length).toBeGreaterThan(0);
    expect(civilServant.every((finding) => finding.params.unitName === '济源产城融合示范区医疗保障服务中心')).toBe(true);
  });

  it('every seed balances: income = expenditure in total and per unit and fund', () => {
    const identities = ['totals.balanced', 'unit.noIncome', 'unit.fundBalanced', 'unit.fundLeafBalanced'];
    for (const seed of ['henan-2024', 'hebei-2024', 'shaanxi-2024']) {
      expect(check(seed).filter((finding) => identities.includes(finding.ruleId)), seed).toEqual([]);
    }
  });
});
