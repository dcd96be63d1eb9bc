import { isFundLeaf } from '../../funds';
import { fundFlags, MEETING_CODE, SAN_GONG_CODES, TRAINING_CODE } from '../totals';
import { NO_HITS, type Rule } from '../types';
import { budgetLineAt, hit, lineRule } from './define';

/**
 * Rules over one budget line (支出明细). Messages name the line by its row: its position in
 * workbook.budgetLines + 1, which the engine adds as params.row.
 */
const SAN_GONG_LIKE = new Set<string>([...Object.values(SAN_GONG_CODES), MEETING_CODE, TRAINING_CODE]);

export const budgetLineRules: Rule[] = [
  lineRule({
    id: 'line.unknownUnit',
    severity: 'error',
    messageKey: 'checks:lineUnknownUnit',
    description: "The line's unit exists (department = sum of its units, identity 5).",
    collection: 'budgetLines',
    evaluate: (line, { unitsById }) =>
      unitsById.has(line.unitId) ? NO_HITS : hit({ unitId: line.unitId }, budgetLineAt(line.id, 'unitId')),
  }),
  lineRule({
    id: 'line.unknownFund',
    severity: 'error',
    messageKey: 'checks:lineUnknownFund',
    description: 'The line names a fund-source leaf of the fund tree.',
    collection: 'budgetLines',
    evaluate: (line) => (isFundLeaf(line.fund) ? NO_HITS : hit({ fund: line.fund }, budgetLineAt(line.id, 'fund'))),
  }),
  lineRule({
    id: 'line.negativeAmount',
    severity: 'error',
    messageKey: 'checks:negativeAmount',
    description: 'A budget line amount is not negative.',
    collection: 'budgetLines',
    evaluate: (line, { money, workbook }) =>
      line.amount >= 0
        ? NO_HITS
        : hit({ amount: money(line.amount), moneyUnit: workbook.settings.entryUnit }, budgetLineAt(line.id, 'amount')),
  }),
  lineRule({
    id: 'line.functionUnknown',
    severity: 'warning',
    messageKey: 'checks:functionCodeUnknown',
    description: "The 功能分类 code is in the year's catalogue (built-in or imported) (identity 8).",
    collection: 'budgetLines',
    evaluate: (line, { catalog }) =>
      catalog.hasFunction(line.functionCode) ? NO_HITS : hit({ code: line.functionCode }, budgetLineAt(line.id, 'functionCode')),
  }),
  lineRule({
    id: 'line.deptEconUnknown',
    severity: 'warning',
    messageKey: 'checks:deptEconCodeUnknown',
    description: "The 部门经济分类 code is in the year's catalogue (identity 8).",
    collection: 'budgetLines',
    evaluate: (line, { catalog }) =>
      catalog.hasDeptEcon(line.deptEconCode) ? NO_HITS : hit({ code: line.deptEconCode }, budgetLineAt(line.id, 'deptEconCode')),
  }),
  lineRule({
    id: 'line.govEconUnknown',
    severity: 'warning',
    messageKey: 'checks:govEconCodeUnknown',
    description: "The 政府经济分类 code is in the year's catalogue (identity 8).",
    collection: 'budgetLines',
    evaluate: (line, { catalog }) =>
      catalog.hasGovEcon(line.govEconCode) ? NO_HITS : hit({ code: line.govEconCode }, budgetLineAt(line.id, 'govEconCode')),
  }),
  lineRule({
    id: 'line.govEconNotLegal',
    severity: 'error',
    messageKey: 'checks:govEconNotLegal',
    description:
      "The 政府经济分类 code fits the unit's kind and the 部门经济分类 code (e.g. 30101 is 50101 in an administrative unit, 50501 in a public institution) (identity 8). Skipped when the catalogue lists no pair for the 部门经济 code.",
    collection: 'budgetLines',
    evaluate: (line, { catalog, unitsById }) => {
      const unit = unitsById.get(line.unitId);
      if (!unit) return NO_HITS;
      const expected = catalog.legalGovEcon(unit.kind, line.deptEconCode);
      if (expected.length === 0 || expected.includes(line.govEconCode)) return NO_HITS;
      // A 参公 unit's line coded as a public institution's is the softer rule below.
      if (unit.kind === 'civilServantManaged' && catalog.isLegalPair('institution', line.deptEconCode, line.govEconCode)) return NO_HITS;
      return hit(
        { govEcon: line.govEconCode, deptEcon: line.deptEconCode, kind: unit.kind, unitName: unit.name, expected: expected.join(' / ') },
        budgetLineAt(line.id, 'govEconCode'),
      );
    },
  }),
  lineRule({
    id: 'line.govEconCivilServant',
    severity: 'warning',
    messageKey: 'checks:govEconInstitutionForCivilServant',
    description:
      '参公事业单位 are coded like administrative units (501/502 …); a line coded as a public institution (505/506) is allowed but flagged, since published packages do both.',
    collection: 'budgetLines',
    evaluate: (line, { catalog, unitsById }) => {
      const unit = unitsById.get(line.unitId);
      if (!unit || unit.kind !== 'civilServantManaged') return NO_HITS;
      const expected = catalog.legalGovEcon(unit.kind, line.deptEconCode);
      if (expected.length === 0 || expected.includes(line.govEconCode)) return NO_HITS;
      if (!catalog.isLegalPair('institution', line.deptEconCode, line.govEconCode)) return NO_HITS;
      return hit(
        { govEcon: line.govEconCode, deptEcon: line.deptEconCode, unitName: unit.name, expected: expected.join(' / ') },
        budgetLineAt(line.id, 'govEconCode'),
      );
    },
  }),
  lineRule({
    id: 'line.fundMoneyOnGeneralFunction',
    severity: 'error',
    messageKey: 'checks:governmentFundOnGeneralFunction',
    description:
      '政府性基金 money (fund.*, carry.fund) is spent only on 基金 function codes (e.g. 212 08 …, 229 60 …). Skipped for a code of a 款 the catalogue does not list: which budget it belongs to is unknown, and "line.functionUnknown" flags it.',
    collection: 'budgetLines',
    evaluate: (line, { catalog }) =>
      isFundLeaf(line.fund) &&
      fundFlags(line.fund).governmentFund &&
      !catalog.isGovernmentFund(line.functionCode) &&
      (catalog.knowsFunctionFund?.(line.functionCode) ?? true)
        ? hit({ fund: line.fund, functionCode: line.functionCode }, budgetLineAt(line.id, 'fund'))
        : NO_HITS,
  }),
  lineRule({
    id: 'line.generalMoneyOnFundFunction',
    severity: 'error',
    messageKey: 'checks:generalBudgetOnFundFunction',
    description: '一般公共预算 money (gen.*, carry.gen) is not spent on 政府性基金 function codes.',
    collection: 'budgetLines',
    evaluate: (line, { catalog }) =>
      isFundLeaf(line.fund) && fundFlags(line.fund).general && catalog.isGovernmentFund(line.functionCode)
        ? hit({ fund: line.fund, functionCode: line.functionCode }, budgetLineAt(line.id, 'fund'))
        : NO_HITS,
  }),
  lineRule({
    id: 'line.projectMissing',
    severity: 'error',
    messageKey: 'checks:projectLineWithoutProject',
    description: 'A 项目支出 line names its project (project table = 项目支出, identity 4).',
    collection: 'budgetLines',
    evaluate: (line) => (line.nature === 'project' && line.projectId === null ? hit({}, budgetLineAt(line.id, 'projectId')) : NO_HITS),
  }),
  lineRule({
    id: 'line.projectUnknown',
    severity: 'error',
    messageKey: 'checks:projectLineUnknownProject',
    description: "The line's project exists.",
    collection: 'budgetLines',
    evaluate: (line, { projectsById }) =>
      line.projectId !== null && !projectsById.has(line.projectId)
        ? hit({ projectId: line.projectId }, budgetLineAt(line.id, 'projectId'))
        : NO_HITS,
  }),
  lineRule({
    id: 'line.projectOnNonProjectLine',
    severity: 'error',
    messageKey: 'checks:projectOnNonProjectLine',
    description: 'Only 项目支出 lines name a project (支出 = 基本 + 项目 + …, identity 3).',
    collection: 'budgetLines',
    evaluate: (line, { projectsById }) =>
      line.nature !== 'project' && line.projectId !== null
        ? hit(
            { nature: line.nature, project: projectsById.get(line.projectId)?.name ?? line.projectId },
            budgetLineAt(line.id, 'nature'),
          )
        : NO_HITS,
  }),
  lineRule({
    id: 'line.projectUnitMismatch',
    severity: 'error',
    messageKey: 'checks:projectLineUnitMismatch',
    description: "A project line belongs to the project's own unit (project table per unit, identities 4 and 5).",
    collection: 'budgetLines',
    evaluate: (line, { projectsById, unitsById }) => {
      const project = line.projectId === null ? undefined : projectsById.get(line.projectId);
      if (!project || project.unitId === line.unitId) return NO_HITS;
      return hit(
        {
          project: project.name,
          unitName: unitsById.get(line.unitId)?.name ?? line.unitId,
          projectUnitName: unitsById.get(project.unitId)?.name ?? project.unitId,
        },
        budgetLineAt(line.id, 'unitId'),
      );
    },
  }),
  lineRule({
    id: 'line.sanGongNonFiscal',
    severity: 'info',
    messageKey: 'checks:sanGongNonFiscal',
    description:
      '三公经费, 会议费 and 培训费 lines (30212, 30217, 31013, 30231, 30215, 30216) paid by non-fiscal funds do not appear in the 三公 table, which counts 财政拨款 only.',
    collection: 'budgetLines',
    evaluate: (line) =>
      SAN_GONG_LIKE.has(line.deptEconCode) && isFundLeaf(line.fund) && !fundFlags(line.fund).fiscal
        ? hit({ deptEcon: line.deptEconCode, fund: line.fund }, budgetLineAt(line.id, 'fund'))
        : NO_HITS,
  }),
  lineRule({
    id: 'line.operatingOutsideInstitution',
    severity: 'warning',
    messageKey: 'checks:operatingOutsideInstitution',
    description: '事业单位经营支出 appears only in public institutions (事业单位).',
    collection: 'budgetLines',
    evaluate: (line, { unitsById }) => {
      const unit = unitsById.get(line.unitId);
      if (line.nature !== 'operating' || !unit || unit.kind === 'institution') return NO_HITS;
      return hit({ unitName: unit.name, kind: unit.kind }, budgetLineAt(line.id, 'nature'));
    },
  }),
];
