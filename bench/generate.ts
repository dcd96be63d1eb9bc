import { emptyWorkbook, type BudgetLine, type IncomeLine, type Project, type Unit, type Workbook } from '../src/core/model';
import { mulberry32 } from '../tests/support/random';

/**
 * A consolidated workbook of the size the benchmarks need: `units` units × `linesPerUnit` budget lines,
 * with `projects` projects spread over the units, income that balances every unit and fund, and codes
 * drawn from the ones real departments use. Deterministic for a given seed.
 */
export interface GenerateOptions {
  units: number;
  linesPerUnit: number;
  projects: number;
  seed?: number;
}

const FUNCTION_CODES = ['2010101', '2010102', '2080501', '2080502', '2080505', '2101101', '2101301', '2101501', '2101502', '2101550', '2101599', '2129999', '2130101', '2210201', '2120899'];
const BASIC_PAIRS: [string, string, string][] = [
  ['30101', '50101', '50501'],
  ['30102', '50101', '50501'],
  ['30103', '50101', '50501'],
  ['30108', '50102', '50501'],
  ['30110', '50102', '50501'],
  ['30113', '50103', '50501'],
  ['30201', '50201', '50502'],
  ['30206', '50201', '50502'],
  ['30211', '50201', '50502'],
  ['30217', '50206', '50502'],
  ['30231', '50208', '50502'],
  ['30302', '50905', '50905'],
];
const PROJECT_PAIRS: [string, string, string][] = [
  ['30227', '50205', '50502'],
  ['30299', '50299', '50502'],
  ['31002', '50306', '50601'],
  ['30307', '50901', '50901'],
];
const FUNDS = ['gen.appropriation', 'gen.appropriation', 'gen.appropriation', 'gen.upperAdvance', 'fund.regular', 'unit.business'];


export function generateWorkbook(options: GenerateOptions): Workbook {
  const random = mulberry32(options.seed ?? 2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const workbook = emptyWorkbook({ code: '900', name: '基准测试部门', year: 2025, publishedOn: '' });
  const units: Unit[] = Array.from({ length: options.units }, (_, index) => ({
    id: `u${index}`,
    code: `900${String(index + 1).padStart(3, '0')}`,
    name: `基准单位${index + 1}`,
    kind: index === 0 ? 'admin' : 'institution',
    authorizedStaff: 20,
    actualStaff: 18,
    retiredStaff: 4,
  }));
  const projects: Project[] = Array.from({ length: options.projects }, (_, index) => ({
    id: `p${index}`,
    code: `90024${String(index).padStart(8, '0')}`,
    name: `基准项目${index + 1}`,
    unitId: units[index % units.length]!.id,
    type: index % 3 === 0 ? 'operation' : 'specificGoal',
    purpose: '',
    spendingPlan: { march: 25, june: 50, october: 80, december: 100 },
    continuing: false,
    procurement: [],
    performance: {
      goal: '完成年度任务',
      indicators: [
        { id: `k${index}a`, level1: '产出指标', level2: '数量指标', level3: '完成次数', description: '', value: '≥1次', valueNote: '' },
        { id: `k${index}b`, level1: '效益指标', level2: '社会效益指标', level3: '服务水平', description: '', value: '有所提升', valueNote: '' },
        { id: `k${index}c`, level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', description: '', value: '≥85%', valueNote: '' },
      ],
    },
  }));
  const projectsByUnit = new Map<string, Project[]>();
  for (const project of projects) projectsByUnit.set(project.unitId, [...(projectsByUnit.get(project.unitId) ?? []), project]);

  const budgetLines: BudgetLine[] = [];
  const income = new Map<string, number>();
  for (const unit of units) {
    const unitProjects = projectsByUnit.get(unit.id) ?? [];
    for (let index = 0; index < options.linesPerUnit; index += 1) {
      const isProject = unitProjects.length > 0 && random() < 0.4;
      const [dept, adminGov, institutionGov] = pick(isProject ? PROJECT_PAIRS : BASIC_PAIRS);
      const fund = pick(FUNDS);
      const functionCode = fund.startsWith('fund') ? '2120899' : pick(FUNCTION_CODES.filter((code) => code !== '2120899'));
      const amount = Math.round(random() * 5_000_000) * 10;
      budgetLines.push({
        id: `${unit.id}-l${index}`,
        unitId: unit.id,
        functionCode,
        deptEconCode: dept,
        govEconCode: unit.kind === 'admin' ? adminGov : institutionGov,
        nature: isProject ? 'project' : 'basic',
        projectId: isProject ? pick(unitProjects).id : null,
        fund,
        amount,
        note: '',
      });
      const key = `${unit.id}|${fund}`;
      income.set(key, (income.get(key) ?? 0) + amount);
    }
  }
  const incomeLines: IncomeLine[] = [...income].map(([key, amount], index) => {
    const [unitId, fund] = key.split('|') as [string, string];
    return { id: `i${index}`, unitId, fund, functionCode: null, amount };
  });
  return { ...workbook, units, projects, budgetLines, incomeLines };
}
