import type { Project } from '../../model';
import { NO_HITS, type Rule } from '../types';
import { hit, lineRule, projectAt } from './define';

/** Rules over one project record: its lines (through the running totals), type and spending plan. */
const PROJECT_TYPES = new Set(['operation', 'specificGoal', 'general', 'special']);
const PERIODS = ['march', 'june', 'october', 'december'] as const;
type Period = (typeof PERIODS)[number];

/** Percentages may hold 2 decimals; compare at half a hundredth. */
const EPSILON = 0.005;

function planValues(project: Project): [Period, number][] | null {
  const plan = project.spendingPlan;
  return plan ? PERIODS.map((period) => [period, plan[period]]) : null;
}

/** 25/25/25/25: shares per period typed where cumulative percentages were meant. */
function looksLikeShares(values: [Period, number][]): boolean {
  const sum = values.reduce((total, [, value]) => total + value, 0);
  const december = values[3]?.[1] ?? 0;
  return Math.abs(sum - 100) < EPSILON && Math.abs(december - 100) >= EPSILON;
}

function inRange(values: [Period, number][]): boolean {
  return values.every(([, value]) => Number.isFinite(value) && value >= 0 && value <= 100 + EPSILON);
}

export const projectRules: Rule[] = [
  lineRule({
    id: 'project.unknownUnit',
    severity: 'error',
    messageKey: 'checks:projectUnknownUnit',
    description: "The project's unit exists.",
    collection: 'projects',
    evaluate: (project, { unitsById }) =>
      unitsById.has(project.unitId) ? NO_HITS : hit({ project: project.name, unitId: project.unitId }, projectAt(project.id, 'unitId')),
  }),
  lineRule({
    id: 'project.noLines',
    severity: 'error',
    messageKey: 'checks:projectWithoutLines',
    description: 'Every project has budget lines (identity 9).',
    collection: 'projects',
    evaluate: (project, { totals }) =>
      totals.projectTotals(project.id).lines > 0 ? NO_HITS : hit({ project: project.name }, projectAt(project.id)),
  }),
  lineRule({
    id: 'project.type',
    severity: 'error',
    messageKey: 'checks:projectTypeMissing',
    description: "Every project has a type the template accepts (option projectTypes; default 其他运转类, 特定目标类, 一般性项目, 专项项目) (identity 9).",
    collection: 'projects',
    evaluate: (project, { options }) =>
      options.projectTypes.includes(project.type)
        ? NO_HITS
        : hit({ project: project.name, type: PROJECT_TYPES.has(project.type) ? project.type : 'none' }, projectAt(project.id, 'type')),
  }),
  lineRule({
    id: 'project.performanceMissing',
    severity: 'error',
    messageKey: 'checks:projectPerformanceMissing',
    description: 'Every project has a performance target with indicators (identity 9).',
    collection: 'projects',
    evaluate: (project) =>
      project.performance.indicators.length > 0 ? NO_HITS : hit({ project: project.name }, projectAt(project.id, 'performance.indicators')),
  }),
  lineRule({
    id: 'project.goalMissing',
    severity: 'info',
    messageKey: 'checks:projectGoalMissing',
    description: "A project's performance target states its overall goal (总体目标) in words.",
    collection: 'projects',
    evaluate: (project) =>
      project.performance.goal.trim() !== '' ? NO_HITS : hit({ project: project.name }, projectAt(project.id, 'performance.goal')),
  }),
  lineRule({
    id: 'project.spendingPlanMissing',
    severity: 'warning',
    messageKey: 'checks:spendingPlanMissing',
    description: 'Every project has a spending plan (only with option requireSpendingPlan).',
    collection: 'projects',
    evaluate: (project, { options }) =>
      options.requireSpendingPlan && project.spendingPlan === null
        ? hit({ project: project.name }, projectAt(project.id, 'spendingPlan'))
        : NO_HITS,
  }),
  lineRule({
    id: 'project.spendingPlanRange',
    severity: 'error',
    messageKey: 'checks:spendingPlanOutOfRange',
    description: 'Spending-plan percentages lie between 0 and 100 (identity 10).',
    collection: 'projects',
    evaluate: (project) => {
      const values = planValues(project);
      const bad = values?.find(([, value]) => !(Number.isFinite(value) && value >= 0 && value <= 100 + EPSILON));
      if (!bad) return NO_HITS;
      return hit({ project: project.name, period: bad[0], value: bad[1] }, projectAt(project.id, `spendingPlan.${bad[0]}`));
    },
  }),
  lineRule({
    id: 'project.spendingPlanNotCumulative',
    severity: 'error',
    messageKey: 'checks:spendingPlanNotCumulative',
    description: 'A spending plan is cumulative: four shares that add up to 100 (25/25/25/25) were typed as per-period amounts (identity 10).',
    collection: 'projects',
    evaluate: (project) => {
      const values = planValues(project);
      if (!values || !inRange(values) || !looksLikeShares(values)) return NO_HITS;
      return hit({ project: project.name, plan: values.map(([, value]) => value).join(' / ') }, projectAt(project.id, 'spendingPlan'));
    },
  }),
  lineRule({
    id: 'project.spendingPlanDecreasing',
    severity: 'error',
    messageKey: 'checks:spendingPlanDecreasing',
    description: 'A cumulative spending plan never decreases from one period to the next (identity 10).',
    collection: 'projects',
    evaluate: (project) => {
      const values = planValues(project);
      if (!values || !inRange(values) || looksLikeShares(values)) return NO_HITS;
      for (let i = 1; i < values.length; i += 1) {
        const [previousPeriod, previous] = values[i - 1] as [Period, number];
        const [period, value] = values[i] as [Period, number];
        if (value < previous - EPSILON) {
          return hit({ project: project.name, period, value, previousPeriod, previous }, projectAt(project.id, `spendingPlan.${period}`));
        }
      }
      return NO_HITS;
    },
  }),
  lineRule({
    id: 'project.spendingPlanIncomplete',
    severity: 'error',
    messageKey: 'checks:spendingPlanIncomplete',
    description: 'A spending plan reaches 100% at 12月底 (identity 10).',
    collection: 'projects',
    evaluate: (project) => {
      const values = planValues(project);
      if (!values || !inRange(values) || looksLikeShares(values)) return NO_HITS;
      const december = project.spendingPlan?.december ?? 0;
      if (Math.abs(december - 100) < EPSILON) return NO_HITS;
      return hit({ project: project.name, december }, projectAt(project.id, 'spendingPlan.december'));
    },
  }),
];
