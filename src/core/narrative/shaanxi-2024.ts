import type { ComparisonStyle, NarrativeSpec } from './spec';

/** "较上年增加 32.02 万元，主要原因是…": Shaanxi prints no percentages; most sections space the numbers. */
const spaced: ComparisonStyle = {
  up: '较上年增加 {delta} 万元',
  down: '较上年减少 {delta} 万元',
  same: '与上年持平',
  fromZero: '较上年增加 {delta} 万元',
  reason: '，主要原因是{reason}',
};

const tight: ComparisonStyle = {
  up: '较上年增加{delta}万元',
  down: '较上年减少{delta}万元',
  same: '与上年持平',
  fromZero: '较上年增加{delta}万元',
  reason: '，主要原因是{reason}',
};

/** The economic-class paragraphs say "原因是". */
const economic: ComparisonStyle = { ...tight, reason: '，原因是{reason}' };

const FUNCTION_ITEM = '（{n}）{name}（{code}）{amount:@} 万元[[，{change:@}]]。';
const ECONOMIC_ITEM = '{name}（{code}）{amount:@}万元[[，{change:@|economic}]]。';

/** Shaanxi (西乡 2024): tables in 元, the narrative in 万元, whole amounts bare ("10 万元", "0 万元"). */
export const shaanxi2024Narrative: NarrativeSpec = {
  templateId: 'shaanxi-2024',
  title: ['{dept}（汇总）', '{year} 年部门预算公开说明'],
  money: { unit: 'wan', style: 'compact' },
  comparisons: { default: spaced, tight, economic },
  sections: [
    { heading: '二、工作任务', block: 'workTasks' },
    {
      heading: '三、预算单位构成',
      paragraphs: [
        '从预算单位构成看，本部门预算包括本级（局机关）预算和所属事业单位预算。',
        '纳入本部门当年部门预算编制范围的二级预算单位共有 {count:units} 个，包括：',
      ],
    },
    {
      heading: '四、人员情况说明',
      paragraphs: [
        '截止上年底，本部门人员编制 {count:staff.authorized} 人，其中行政编制 {count:staff.admin.authorized} 人、事业编制 {count:staff.institution.authorized} 人；' +
          '实有人员 {count:staff.actual} 人，其中行政 {count:staff.admin.actual} 人、事业 {count:staff.institution.actual} 人。单位管理的离退休人员 {count:staff.retired} 人。',
      ],
    },
    { heading: '第二部分 收支情况', paragraphs: [] },
    { heading: '五、收支说明', paragraphs: [] },
    {
      heading: '(一) 收支预算总体情况',
      paragraphs: [
        '按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。' +
          '本部门当年预算收入 {amount:income.total} 万元，其中一般公共预算拨款收入 {amount:income.gen} 万元、政府性基金拨款收入 {amount:income.fund} 万元[[，{change:total}]]；' +
          '本部门当年预算支出 {amount:total} 万元，其中一般公共预算拨款支出 {amount:fiscal.gen} 万元、政府性基金拨款支出 {amount:fiscal.fund} 万元[[，{change:total}]]。',
      ],
    },
    {
      heading: '(二) 财政拨款收支情况',
      paragraphs: [
        '本部门当年财政拨款收入 {amount:income.fiscal} 万元，其中一般公共预算拨款收入 {amount:income.gen} 万元、政府性基金拨款收入 {amount:income.fund} 万元[[，{change:fiscal.total}]]。' +
          '本部门当年财政拨款支出 {amount:fiscal.total} 万元，其中一般公共预算拨款支出 {amount:fiscal.gen} 万元、政府性基金拨款支出 {amount:fiscal.fund} 万元[[，{change:fiscal.total}]]。',
      ],
    },
    { heading: '(三) 一般公共预算拨款支出明细情况', paragraphs: [] },
    {
      heading: '1、一般公共预算当年拨款规模变化情况',
      paragraphs: ['本部门当年一般公共预算拨款支出 {amount:fiscal.gen} 万元[[，{change:general.total}]]。'],
    },
    {
      heading: '2、支出按功能科目分类的明细情况',
      paragraphs: ['本部门当年一般公共预算支出 {amount:fiscal.gen} 万元，其中：', { each: 'functionItems', item: FUNCTION_ITEM }],
    },
    { heading: '3、支出按经济科目分类的明细情况', paragraphs: [] },
    {
      heading: '(1) 按照部门预算支出经济分类的类级科目说明',
      paragraphs: ['本部门当年一般公共预算支出{amount:fiscal.gen}万元，其中：', { each: 'deptEconClasses', item: ECONOMIC_ITEM }],
    },
    {
      heading: '(2) 按照政府预算支出经济分类的类级科目说明',
      paragraphs: ['本部门当年一般公共预算支出{amount:fiscal.gen}万元，其中：', { each: 'govEconClasses', item: ECONOMIC_ITEM }],
    },
    {
      heading: '（四）政府性基金预算支出情况',
      paragraphs: [
        {
          parts: [
            {
              when: { zero: ['fiscal.fund', 'income.fund'] },
              then: '本部门无当年政府性基金预算收支，并已公开空表。',
              else: '本部门当年政府性基金预算收入 {amount:income.fund} 万元，支出 {amount:fiscal.fund} 万元。',
            },
          ],
        },
      ],
    },
    {
      heading: '（五）国有资本经营预算拨款收支情况',
      paragraphs: [
        {
          parts: [
            {
              when: { zero: ['fiscal.capital', 'income.capital'] },
              then: '本部门无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示。',
              else: '本部门当年国有资本经营预算拨款收入 {amount:income.capital} 万元，支出 {amount:fiscal.capital} 万元。',
            },
          ],
        },
      ],
    },
    { heading: '第三部分 其他情况', paragraphs: [] },
    {
      heading: '六、“三公”经费及会议费、培训费情况说明',
      paragraphs: [
        {
          money: 'trim',
          parts: [
            '本部门当年一般公共预算“三公”经费预算支出{amount:sanGong.total}万元[[，{change:sanGong.total|tight}]]。' +
              '其中：因公出国（境）经费{amount:sanGong.abroad}万元[[，{change:sanGong.abroad|tight}]]；' +
              '公务接待费{amount:sanGong.reception}万元[[，{change:sanGong.reception|tight}]]；' +
              '公务用车运行维护费{amount:sanGong.vehicleRunning}万元[[，{change:sanGong.vehicleRunning|tight}]]；' +
              '公务用车购置费{amount:sanGong.vehiclePurchase}万元[[，{change:sanGong.vehiclePurchase|tight}]]；' +
              '本部门当年一般公共预算会议费预算支出{amount:meeting}万元[[，{change:meeting|tight}]]；' +
              '本部门当年一般公共预算培训费预算支出{amount:training}万元[[，{change:training|tight}]]。',
          ],
        },
      ],
    },
    {
      heading: '七、国有资产占有使用及资产购置情况说明',
      paragraphs: [
        {
          parts: [
            // The count of 单价20万元以上 equipment held is assets.quantities.equipmentOver200k; without it the group drops.
            '截至上年底，本部门所属预算单位共有车辆 {count:assets.vehicles} 辆[[，单价 20 万元以上的设备 {count:assets.quantity.equipmentOver200k} 台]]。当年部门预算',
            { when: { zero: ['sanGong.vehiclePurchase'] }, then: '未安排购置车辆', else: '安排公务用车购置费 {amount:sanGong.vehiclePurchase} 万元' },
            '；',
            {
              when: { zero: ['procurement.equipmentOver200k'] },
              then: '未安排购置单价 20 万元以上的设备',
              else: '安排购置单价 20 万元以上的设备 {count:procurement.equipmentOver200k} 台',
            },
            '。',
          ],
        },
      ],
    },
    {
      heading: '八、政府采购情况说明',
      paragraphs: [
        {
          parts: [
            {
              when: { zero: ['procurement.total'] },
              then: '本部门当年无政府采购预算，并已公开空表。',
              else: '本部门当年政府采购预算 {amount:procurement.total} 万元，其中：货物 {amount:procurement.goods} 万元、工程 {amount:procurement.works} 万元、服务 {amount:procurement.services} 万元。',
            },
          ],
        },
      ],
    },
    {
      heading: '九、绩效目标情况说明',
      paragraphs: [
        '本部门绩效管理全覆盖，涉及当年一般公共预算当年拨款 {amount:appropriation.gen} 万元，当年政府性基金预算当年拨款 {amount:appropriation.fund} 万元，当年国有资本经营预算拨款 {amount:appropriation.capital} 万元（详见公开报表中的绩效目标表）。',
      ],
    },
    {
      heading: '十、机关运行经费安排情况说明',
      paragraphs: ['本部门当年机关运行经费预算安排 {amount:operatingCost} 万元[[，{change:operatingCost}]]。'],
    },
  ],
};
