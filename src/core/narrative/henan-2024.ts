import type { ComparisonStyle, NarrativeSpec } from './spec';

const REASON = '，主要原因：{reason}';

/** "减少379.10万元，下降5.54%" after a subject ("与2023年相比，收、支总计各…"). */
const delta: ComparisonStyle = {
  up: '增加{delta}万元，增长{percent}%',
  down: '减少{delta}万元，下降{percent}%',
  same: '与上年持平，无增减变动',
  fromZero: '增加{delta}万元，上年为0',
  reason: REASON,
};

/** "比2023年增加0.50万元，增长71.43%" / "与2023年持平，无增减变动". */
const versus: ComparisonStyle = {
  up: '比{priorYear}年增加{delta}万元，增长{percent}%',
  down: '比{priorYear}年减少{delta}万元，下降{percent}%',
  same: '与{priorYear}年持平，无增减变动',
  fromZero: '比{priorYear}年增加{delta}万元，上年为0',
  reason: REASON,
};

/** Henan (济源 2024): 万元, whole amounts printed bare ("2174万元", "0万元"), others with 2 decimals. */
export const henan2024Narrative: NarrativeSpec = {
  templateId: 'henan-2024',
  title: ['第二部分 {dept} {year}年度部门预算情况说明'],
  money: { unit: 'wan', style: 'compact' },
  comparisons: { default: delta, versus },
  lists: {
    fundProjects: { source: 'fundProjects', item: '{name}', separator: '、' },
    vehicles: { source: 'vehicleKinds', item: '{name}{count}辆', separator: '、' },
  },
  sections: [
    {
      heading: '一、收入支出预算总体情况说明',
      paragraphs: [
        '{dept}部门{year}年收入总计{amount:income.total}万元，支出总计{amount:total}万元[[，与{priorYear}年相比，收、支总计各{change:total}]]。',
      ],
    },
    {
      heading: '二、收入预算总体情况说明',
      paragraphs: ['{dept}部门{year}年收入合计{amount:income.total}万元，其中：一般公共预算收入{amount:income.gen}万元；政府性基金收入{amount:income.fund}万元。'],
    },
    {
      heading: '三、支出预算总体情况说明',
      paragraphs: [
        '{dept}部门{year}年支出合计{amount:total}万元，其中：基本支出{amount:basic}万元[[，占{share:basic/total}%]]；项目支出{amount:project}万元[[，占{share:project/total}%]]。',
      ],
    },
    {
      heading: '四、财政拨款收入支出总体情况说明',
      paragraphs: [
        '{dept}部门{year}年一般公共预算收支预算{amount:fiscal.gen}万元，政府性基金收支预算{amount:fiscal.fund}万元，国有资本经营收支预算{amount:fiscal.capital}万元。' +
          '[[与{priorYear}年相比，一般公共预算收支预算{change:fiscal.gen}；]]' +
          '[[与{priorYear}年相比，政府性基金收支预算{change:fiscal.fund}；]]' +
          '[[与{priorYear}年相比，国有资本经营收支预算{change:fiscal.capital}。]]',
      ],
    },
    {
      heading: '五、一般公共预算支出预算情况说明',
      paragraphs: [
        '{dept}部门{year}年一般公共预算支出年初预算为{amount:fiscal.gen}万元。其中：基本支出{amount:fiscal.gen.basic}万元[[，占{share:fiscal.gen.basic/fiscal.gen}%]]；项目支出{amount:fiscal.gen.project}万元[[，占{share:fiscal.gen.project/fiscal.gen}%]]。',
      ],
    },
    {
      heading: '六、一般公共预算基本支出情况说明',
      paragraphs: [
        '{dept}部门{year}年一般公共预算基本支出年初预算为{amount:fiscal.gen.basic}万元。其中：人员经费支出{amount:fiscal.gen.basic.personnel}万元[[，占{share:fiscal.gen.basic.personnel/fiscal.gen.basic}%]]；公用经费支出{amount:fiscal.gen.basic.public}万元[[，占{share:fiscal.gen.basic.public/fiscal.gen.basic}%]]。',
      ],
    },
    {
      heading: '七、“三公”经费支出预算情况说明',
      paragraphs: [
        '{dept}部门{year}年“三公”经费支出预算为{amount:sanGong.total}万元。[[{year}年“三公”经费预算数{change:sanGong.total|versus}。]]',
        '具体支出情况如下：',
        '（一）因公出国（境）费 {amount:sanGong.abroad}万元。[[预算数{change:sanGong.abroad|versus}。]]',
        '（二）公务接待费 {amount:sanGong.reception}万元[[，{text:sanGong.reception.use}]]。[[预算数{change:sanGong.reception|versus}。]]',
        '（三）公务用车购置及运行费 {amount:sanGong.vehicle}万元。其中，公务用车购置费 {amount:sanGong.vehiclePurchase}万元。[[{change:sanGong.vehiclePurchase|versus}。]]' +
          '公务用车运行维护费 {amount:sanGong.vehicleRunning}万元[[，{text:sanGong.vehicleRunning.use}]][[，{change:sanGong.vehicleRunning|versus}]]。',
      ],
    },
    {
      heading: '八、政府性基金预算支出预算情况说明',
      paragraphs: ['{dept}{year}年政府性基金预算支出{amount:fiscal.fund}万元[[，用于{list:fundProjects}项目支出]]。'],
    },
    {
      heading: '九、国有资本经营预算支出预算情况说明',
      paragraphs: ['{dept}{year}年国有资本经营预算支出{amount:fiscal.capital}万元。'],
    },
    { heading: '十、其他重要事项情况说明', paragraphs: [] },
    {
      heading: '（一）行政（事业）单位机关（机构）运转经费',
      paragraphs: [
        '{dept}{year}年机关（机构）运转经费支出预算{amount:operatingCost}万元[[，{text:operatingCost.use}]]。[[{change:operatingCost|versus}。]]',
      ],
    },
    {
      heading: '（二）政府采购支出预算情况',
      paragraphs: [
        '{year}年政府采购预算安排{amount:procurement.total}万元，其中：政府采购货物预算{amount:procurement.goods}万元、政府采购工程预算{amount:procurement.works}万元、政府采购服务预算{amount:procurement.services}万元。',
      ],
    },
    {
      heading: '（三）预算绩效情况说明',
      paragraphs: [
        '{year}年{dept}预算项目均按要求编制了绩效目标，从成本、产出、效益、满意度等方面设置了绩效目标，综合反映项目支出预期达到的产出和效果以及相应的成本控制要求。' +
          '对项目支出全面实施绩效目标管理，涉及预算拨款{amount:project|trim}万元，共{count:projects}个项目。' +
          '根据以前年度绩效评价结果，优化项目支出{year}年预算安排，并进一步改进管理、完善政策。',
      ],
    },
    { heading: '（四）重点项目绩效评价情况', block: 'performanceEvaluation' },
    {
      heading: '（五）国有资产占用情况',
      paragraphs: [
        '{asOf}，{dept}部门共有车辆{count:assets.vehicles}辆[[，其中：{list:vehicles}]]；单价50万元以上通用设备{count:assets.generalEquipmentOver500k}台（套），单位价值100万元以上专用设备{count:assets.specialEquipmentOver1m}台（套）。',
      ],
    },
    { heading: '（六）专项转移支付项目情况', block: 'transferPayments' },
  ],
};
