import { describe, expect, it } from 'vitest';
import { emptyWorkbook, type BudgetLine, type Project, type Workbook } from '../../src/core/model';
import { generateNarrative, NARRATIVE_BLOCKS, narrativeBlocks, narrativeFigures, type NarrativeSpec, type ParagraphSpec } from '../../src/core/narrative';
import { renderParagraph, type RenderContext } from '../../src/core/narrative/render';

/**
 * The template mechanics on a small department built here: placeholders, optional groups, shares,
 * lists, conditions, and the figures behind them (procurement by catalogue letter, 机关运行经费 by the
 * template's convention, 一般公共预算 code breakdowns).
 */
const WAN = 1_000_000;

function line(id: string, fields: Partial<BudgetLine> & Pick<BudgetLine, 'amount'>): BudgetLine {
  return { id, unitId: 'u1', functionCode: '2101501', deptEconCode: '30101', govEconCode: '50101', nature: 'basic', projectId: null, fund: 'gen.appropriation', note: '', ...fields };
}

function project(id: string, name: string, procurement: Project['procurement'] = []): Project {
  return { id, code: id, name, unitId: 'u2', type: 'specificGoal', purpose: '', spendingPlan: null, continuing: false, procurement, performance: { goal: '', indicators: [] } };
}

function department(): Workbook {
  const workbook = emptyWorkbook({ code: '001', name: '某某局', year: 2025, publishedOn: '' });
  workbook.units = [
    { id: 'u1', code: '001001', name: '某某局', kind: 'admin', authorizedStaff: 10, actualStaff: 9, retiredStaff: 2 },
    { id: 'u2', code: '001002', name: '某某中心', kind: 'institution', authorizedStaff: 20, actualStaff: 18, retiredStaff: 0 },
  ];
  const item = (id: string, catalogCode: string, amount: number, unitPrice = amount) => ({ id, name: id, catalogCode, measureUnit: '台', quantity: amount / unitPrice, unitPrice, amount, smallFirmShare: 0 });
  workbook.projects = [
    project('p1', '信息系统运维项目', [item('i1', 'A02010105', 40 * WAN, 20 * WAN), item('i2', 'C16', 12 * WAN), item('i3', 'A05010201', 2 * WAN, 0.5 * WAN)]),
    project('p2', '基金支付项目'),
    project('p3', '未安排资金的项目'),
  ];
  workbook.budgetLines = [
    line('b1', { amount: 100 * WAN }),
    line('b2', { amount: 20 * WAN, deptEconCode: '30201', govEconCode: '50201' }),
    line('b3', { amount: 1 * WAN, deptEconCode: '30217', govEconCode: '50206' }),
    line('b4', { unitId: 'u2', amount: 50 * WAN, govEconCode: '50501', functionCode: '2101550' }),
    line('b5', { unitId: 'u2', amount: 8 * WAN, deptEconCode: '30201', govEconCode: '50502', functionCode: '2101550' }),
    line('b6', { unitId: 'u2', amount: 42 * WAN, nature: 'project', projectId: 'p1', deptEconCode: '30227', govEconCode: '50502', functionCode: '2101599' }),
    line('b7', { unitId: 'u2', amount: 30 * WAN, nature: 'project', projectId: 'p2', deptEconCode: '30227', govEconCode: '50502', functionCode: '2120899', fund: 'fund.regular' }),
  ];
  workbook.incomeLines = [
    { id: 'n1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 121 * WAN },
    { id: 'n2', unitId: 'u2', fund: 'gen.appropriation', functionCode: null, amount: 100 * WAN },
    { id: 'n3', unitId: 'u2', fund: 'fund.regular', functionCode: null, amount: 30 * WAN },
  ];
  workbook.priorYear = { year: 2024, source: '', figures: { total: 240 * WAN, 'sanGong.reception': 1 * WAN, 'function.2101599': 50 * WAN } };
  workbook.texts.reasons = { total: '人员增加。', 'sanGong.reception.use': '' };
  workbook.assets.vehicles = [{ kind: '一般公务用车', count: 2 }, { kind: '其他用车', count: 1 }];
  return workbook;
}

const spec: NarrativeSpec = {
  title: ['{dept}'],
  money: { unit: 'wan', style: 'compact' },
  comparisons: {
    default: { up: '增加{delta}万元，增长{percent}%', down: '减少{delta}万元，下降{percent}%', same: '持平', fromZero: '新增{delta}万元', reason: '，主要原因：{reason}' },
  },
  lists: {
    vehicles: { source: 'vehicleKinds', item: '{name}{count}辆', separator: '、' },
    funded: { source: 'fundProjects', item: '{name}', separator: '、' },
  },
  sections: [],
};

function render(paragraph: ParagraphSpec, workbook = department(), operatingCostUnits: 'all' | 'adminOnly' = 'all'): string[] {
  const context: RenderContext = { spec, workbook, figures: narrativeFigures(workbook, { conventions: { operatingCostUnits } }) };
  return renderParagraph(paragraph, context);
}

describe('narrative figures', () => {
  it('sum the lines the way the tables do', () => {
    const figures = narrativeFigures(department(), { conventions: { operatingCostUnits: 'all' } });
    expect(figures.amounts).toMatchObject({
      total: 251 * WAN,
      basic: 179 * WAN,
      project: 72 * WAN,
      'basic.personnel': 150 * WAN,
      'basic.public': 29 * WAN,
      'fiscal.gen': 221 * WAN,
      'fiscal.fund': 30 * WAN,
      'fiscal.gen.project': 42 * WAN,
      'income.total': 251 * WAN,
      'income.gen': 221 * WAN,
      'sanGong.reception': 1 * WAN,
      'sanGong.total': 1 * WAN,
      operatingCost: 29 * WAN,
      'function.2101550': 58 * WAN,
      'function.21015': 221 * WAN,
      'deptEcon.302': 71 * WAN,
      'govEcon.505': 100 * WAN,
      'procurement.total': 54 * WAN,
      'procurement.goods': 42 * WAN,
      'procurement.services': 12 * WAN,
      'procurement.works': 0,
    });
    // Government-fund lines stay out of the 一般公共预算 code breakdowns.
    expect(figures.amounts['function.2120899']).toBeUndefined();
    expect(figures.counts).toMatchObject({ units: 2, projects: 2, 'staff.authorized': 30, 'staff.admin.actual': 9, 'staff.institution.actual': 18, 'assets.vehicles': 3, 'procurement.equipmentOver200k': 2 });
  });

  it('count procurement paid from basic expenditure with the projects’ and asset quantities as entered', () => {
    const workbook = department();
    const item = (id: string, catalogCode: string, quantity: number, unitPrice: number) => ({ id, name: id, catalogCode, measureUnit: '台', quantity, unitPrice, amount: quantity * unitPrice, smallFirmShare: 0 });
    workbook.basicProcurement = [
      { id: 'g1', unitId: 'u1', name: '公用类项目1', budget: 30 * WAN, listedAfter: null, items: [item('g1-1', 'A02010105', 4, 0.5 * WAN), item('g1-2', 'C21040000', 1, 1 * WAN)] },
      { id: 'g2', unitId: 'u2', name: '公用经费', budget: 25 * WAN, listedAfter: 'p1', items: [item('g2-1', 'A02', 1, 25 * WAN)] },
    ];
    workbook.assets.quantities = { equipmentOver200k: 0, vehicles: 3 };
    const figures = narrativeFigures(workbook, { conventions: { operatingCostUnits: 'all' } });
    expect(figures.amounts).toMatchObject({ 'procurement.total': 82 * WAN, 'procurement.goods': 69 * WAN, 'procurement.services': 13 * WAN, 'procurement.works': 0 });
    expect(figures.counts).toMatchObject({ 'procurement.items': 6, 'procurement.equipmentOver200k': 3, 'assets.quantity.equipmentOver200k': 0, 'assets.quantity.vehicles': 3 });
    // A quantity never entered is unknown, not zero: the sentence part that quotes it drops.
    expect(narrativeFigures(department(), { conventions: { operatingCostUnits: 'all' } }).counts['assets.quantity.equipmentOver200k']).toBeUndefined();
  });

  it('count the organ’s 公用经费 only as 机关运行经费 under adminOnly', () => {
    expect(narrativeFigures(department(), { conventions: { operatingCostUnits: 'adminOnly' } }).amounts.operatingCost).toBe(21 * WAN);
  });

  it('list 功能项 codes of this year and last, and derive last year’s sums from their parts', () => {
    const figures = narrativeFigures(department(), { conventions: { operatingCostUnits: 'all' } });
    expect(figures.lists.functionItems.map((item) => item.code)).toEqual(['2101501', '2101550', '2101599']);
    expect(figures.prior['sanGong.total']).toBe(1 * WAN);
    expect(figures.prior['sanGong.vehicle']).toBeUndefined();
  });
});

describe('sentence templates', () => {
  it('fill amounts, shares that add up to 100.00, comparisons with the clerk’s reason, and lists', () => {
    expect(render('{dept}{year}年支出{amount:total}万元，其中基本支出{amount:basic}万元，占{share:basic/total}%；项目支出{amount:project}万元，占{share:project/total}%。')).toEqual([
      '某某局2025年支出251万元，其中基本支出179万元，占71.31%；项目支出72万元，占28.69%。',
    ]);
    expect(render('与{priorYear}年相比{change:total}。')).toEqual(['与2024年相比增加11万元，增长4.58%，主要原因：人员增加。']);
    expect(render('共有车辆{count:assets.vehicles}辆，其中：{list:vehicles}；基金用于{list:funded}。')).toEqual(['共有车辆3辆，其中：一般公务用车2辆、其他用车1辆；基金用于基金支付。']);
  });

  it('drop an optional group whose placeholder has no value, and keep the rest', () => {
    // No prior figure for basic, an empty clerk text, a share of a zero whole.
    expect(render('基本支出{amount:basic}万元[[，{change:basic}]][[，{text:sanGong.reception.use}]][[，占{share:basic/procurement.works}%]]。')).toEqual(['基本支出179万元。']);
    expect(render('[[{change:sanGong.reception}。]]')).toEqual(['持平。']);
  });

  it('never reads substituted clerk text as a template', () => {
    const workbook = department();
    workbook.texts.reasons.total = '按{amount:total}[[测算]]';
    expect(render('{change:total}', workbook)).toEqual(['增加11万元，增长4.58%，主要原因：按{amount:total}[[测算]]']);
  });

  it('render one paragraph per item, conditions, clerk lines and money styles', () => {
    expect(render({ each: 'functionItems', item: '（{n}）{code}{amount:@}万元[[，{change:@}]]。' })).toEqual([
      '（1）2101501121万元。',
      '（2）210155058万元。',
      '（3）210159942万元，减少8万元，下降16.00%。',
    ]);
    expect(render({ parts: [{ when: { zero: ['procurement.works'] }, then: '无工程采购。', else: '工程{amount:procurement.works}万元。' }] })).toEqual(['无工程采购。']);
    expect(render({ parts: [{ when: { nonzero: ['procurement.works'] }, then: '有工程采购。' }] })).toEqual([]);
    expect(render({ parts: ['采购{amount:procurement.total|fixed}万元，货物{amount:procurement.goods}万元。'], money: 'trim' })).toEqual(['采购54.00万元，货物42万元。']);
    const workbook = department();
    workbook.texts.other = '第一段。\n\n 第二段。 ';
    expect(render({ clerk: 'other' }, workbook)).toEqual(['第一段。', '第二段。']);
  });

  it('reject a placeholder it does not know, so a template typo cannot reach a published package', () => {
    expect(() => render('{amout:total}')).toThrow(/unknown placeholder \{amout:total\}/);
    expect(() => render('{change:total|nosuch}')).toThrow(/no comparison style "nosuch"/);
  });
});

describe('generateNarrative', () => {
  it('serves every shipped template and refuses an unknown one', () => {
    const workbook = department();
    for (const id of ['henan-2024', 'hebei-2024', 'shaanxi-2024']) {
      const narrative = generateNarrative(workbook, id);
      expect(narrative.sections.length).toBeGreaterThan(5);
      expect(narrative.title.join('')).toContain('某某局');
      // No placeholder or group marker survives into the text.
      expect(JSON.stringify(narrative)).not.toMatch(/\{[a-z]+[:}]|\[\[|\]\]/);
    }
    expect(() => generateNarrative(workbook, 'nowhere-2024')).toThrow(/no narrative for template "nowhere-2024"/);
  });

  it('prints a prose block under its heading, one paragraph per line, "#" lines as sub-sections, never as a template', () => {
    const workbook = department();
    const around = (blockText: string | undefined) => {
      if (blockText === undefined) delete workbook.texts.blocks.safeguards;
      else workbook.texts.blocks.safeguards = blockText;
      const sections = generateNarrative(workbook, 'hebei-2024').sections;
      const start = sections.findIndex((section) => section.heading === '（三）工作保障措施');
      const end = sections.findIndex((section) => section.heading.startsWith('六、'));
      return sections.slice(start, end);
    };
    expect(around('总体要求{amount:total}。\r\n# 1、完善制度建设\n 制定制度。 \n\n##2、加强支出管理\n优化结构。\n细化预算。')).toEqual([
      // The sub-sections keep the block's id and sit one level below its heading.
      { id: '工作保障措施', level: 2, heading: '（三）工作保障措施', paragraphs: ['总体要求{amount:total}。'] },
      { id: '工作保障措施', level: 3, heading: '1、完善制度建设', paragraphs: ['制定制度。'] },
      { id: '工作保障措施', level: 3, heading: '2、加强支出管理', paragraphs: ['优化结构。', '细化预算。'] },
    ]);
    expect(around(undefined)).toEqual([{ id: '工作保障措施', level: 2, heading: '（三）工作保障措施', paragraphs: [] }]);
  });

  it('names the blocks each template prints, with their headings', () => {
    expect(narrativeBlocks('hebei-2024')).toEqual([{ block: 'safeguards', heading: '（三）工作保障措施' }]);
    expect(narrativeBlocks('henan-2024')).toEqual([
      { block: 'performanceEvaluation', heading: '（四）重点项目绩效评价情况' },
      { block: 'transferPayments', heading: '（六）专项转移支付项目情况' },
    ]);
    expect(narrativeBlocks('shaanxi-2024')).toEqual([{ block: 'workTasks', heading: '二、工作任务' }]);
    expect(narrativeBlocks('nowhere-2024')).toEqual([]);
    const used = ['hebei-2024', 'henan-2024', 'shaanxi-2024'].flatMap((id) => narrativeBlocks(id).map((entry) => entry.block));
    expect([...used].sort()).toEqual([...NARRATIVE_BLOCKS].sort());
  });
});
