import type { ComparisonStyle, NarrativeSpec } from './spec';

const REASON = '，主要为{reason}';

/** "基本支出增加10.65万元，主要为人员工资调整": no percentages in Hebei. */
const delta: ComparisonStyle = {
  up: '增加{delta}万元',
  down: '减少{delta}万元',
  same: '没有增减变化',
  fromZero: '增加{delta}万元',
  reason: REASON,
};

/** The 三公 total: "与2023年预算2.8万元相比没有增减变化". */
const againstPrior: ComparisonStyle = {
  up: '与{priorYear}年预算{prior}万元相比增加{delta}万元',
  down: '与{priorYear}年预算{prior}万元相比减少{delta}万元',
  same: '与{priorYear}年预算{prior}万元相比没有增减变化',
  fromZero: '与{priorYear}年预算0万元相比增加{delta}万元',
  reason: REASON,
};

/** Each 三公 item: "与2023年持平，没有增减变化". */
const item: ComparisonStyle = {
  up: '比{priorYear}年增加{delta}万元',
  down: '比{priorYear}年减少{delta}万元',
  same: '与{priorYear}年持平，没有增减变化',
  fromZero: '比{priorYear}年增加{delta}万元',
  reason: REASON,
};

/** Hebei (邢台 2024): 万元 with 2 decimals ("0.00万元"); the 三公 paragraph drops trailing zeros ("2.8万元"). */
export const hebei2024Narrative: NarrativeSpec = {
  templateId: 'hebei-2024',
  title: ['{dept} {year} 年部门预算信息公开情况说明'],
  money: { unit: 'wan', style: 'fixed' },
  comparisons: { default: delta, againstPrior, item },
  sections: [
    {
      heading: '',
      paragraphs: [
        '按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的实施意见》规定，现将{dept} {year} 年部门预算公开如下：',
      ],
    },
    { heading: '一、部门职责及机构设置情况', paragraphs: [] },
    { heading: '部门职责：', paragraphs: [{ clerk: 'duties' }] },
    { heading: '机构设置：', paragraphs: [{ clerk: 'organization' }] },
    {
      heading: '二、部门预算安排的总体情况',
      paragraphs: [
        '按照预算管理有关规定，目前部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。{dept}机关及所属事业单位的收支包含在部门预算中。',
      ],
    },
    {
      heading: '1、收入说明',
      paragraphs: [
        '反映本部门当年全部收入。{year}年预算收入{amount:income.total}万元，其中：一般公共预算收入{amount:income.gen}万元，基金预算收入{amount:income.fund}万元，国有资本经营预算收入{amount:income.capital}万元，财政专户核拨收入{amount:income.specialAccount}万元，单位资金收入{amount:income.unit}万元，上年结转结余{amount:income.carry}万元。',
      ],
    },
    {
      heading: '2、支出说明',
      paragraphs: [
        '收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映{dept}年度部门预算中支出预算的总体情况。' +
          '{year}年支出预算{amount:total}万元，其中基本支出{amount:basic}万元，包括人员经费{amount:basic.personnel}万元和日常公用经费{amount:basic.public}万元；项目支出{amount:project}万元[[，{text:project.use}]]。',
      ],
    },
    {
      heading: '3、比上年增减情况',
      paragraphs: [
        '{year}年预算收支安排{amount:total}万元[[，较{priorYear}年预算{change:total}]][[，其中：基本支出{change:basic}；项目支出{change:project}]]。',
      ],
    },
    {
      heading: '三、机关运行经费安排情况',
      paragraphs: ['{year}年我部门运行经费共计安排{amount:operatingCost}万元[[，{text:operatingCost.use}]]。'],
    },
    {
      heading: '四、财政拨款“三公”经费预算情况及增减变化原因',
      paragraphs: [
        {
          money: 'trim',
          parts: [
            '{year}年，部门财政拨款“三公”经费预算安排{amount:sanGong.total}万元，其中因公出国（境）费{amount:sanGong.abroad}万元，' +
              '公务用车购置及运维费{amount:sanGong.vehicle}万元（其中：公务用车购置费{amount:sanGong.vehiclePurchase}万元，公务用车运行维护费{amount:sanGong.vehicleRunning}万元），' +
              '公务接待费{amount:sanGong.reception}万元。',
            '[[{change:sanGong.total|againstPrior}。]]',
            '[[其中：因公出国（境）费预算{amount:sanGong.abroad}万元，{change:sanGong.abroad|item}；' +
              '公务用车购置及运维费{amount:sanGong.vehicle}万元，{change:sanGong.vehicle|item}' +
              '（其中：公务用车购置费{amount:sanGong.vehiclePurchase}万元，{change:sanGong.vehiclePurchase|item}；公务用车运行维护费{amount:sanGong.vehicleRunning}万元，{change:sanGong.vehicleRunning|item}）；' +
              '公务接待费{amount:sanGong.reception}万元，{change:sanGong.reception|item}。]]',
          ],
        },
      ],
    },
    { heading: '五、部门整体绩效目标', paragraphs: [] },
    { heading: '（一）总体绩效目标', paragraphs: [{ clerk: 'annualGoal' }] },
    { heading: '（二）分项绩效目标', paragraphs: [] },
    { eachTask: { heading: '{n}、{name}' } },
    { heading: '（三）工作保障措施', block: 'safeguards' },
    { heading: '六、部门主管专项资金预算安排情况及绩效目标', paragraphs: ['本部门不涉及专项资金。'] },
    // 七 and 八 are tables (project forms, 政府采购预算) the package prints under the heading.
    { heading: '七、部门项目预算安排情况及绩效目标', paragraphs: [] },
    { heading: '八、政府采购预算情况', paragraphs: [] },
    {
      heading: '九、国有资产信息',
      paragraphs: [
        '[[{dept}（含所属单位）上年末固定资产金额为 {amount:assets.figure.total} 万元（详见下表）。]]本年度拟购置固定资产总额为 {amount:procurement.goods} 万元，已按要求列入政府采购预算，详见政府采购预算表。',
      ],
    },
    { heading: '十、名词解释', paragraphs: [{ clerk: 'glossary' }] },
    { heading: '十一、其他需要说明的事项', paragraphs: [{ clerk: 'other' }] },
  ],
};
