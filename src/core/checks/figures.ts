import type { Fen } from '../money';
import { NATURES } from '../model';
import type { CodeKind, Totals } from './totals';

/**
 * The narrative figures a clerk may explain in `texts.reasons` (docs/narrative.md), in the order the texts
 * screen offers them; checks compute every one of them (figureValue). Amounts by code
 * ("function.2101501", "deptEcon.302", "govEcon.505") may be explained too, by their key.
 */
export const REASON_KEYS = [
  'total',
  'income.total',
  'basic',
  'project',
  'basic.personnel',
  'basic.public',
  'fiscal.total',
  'fiscal.gen',
  'fiscal.fund',
  'fiscal.capital',
  'sanGong.total',
  'sanGong.abroad',
  'sanGong.reception',
  'sanGong.vehiclePurchase',
  'sanGong.vehicleRunning',
  'meeting',
  'training',
  'operatingCost',
] as const;

/** Figures checks sum from their parts rather than keep a running total of. */
const DERIVED: Record<string, string[]> = {
  'general.total': ['fiscal.gen'],
  'sanGong.vehicle': ['sanGong.vehiclePurchase', 'sanGong.vehicleRunning'],
  'sanGong.total': ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehiclePurchase', 'sanGong.vehicleRunning'],
};

/**
 * Figures checks keep that no reason is offered for: `fund.total`, the alias of `fiscal.fund` under which
 * prior-year figures may be stored (docs/prior-year.md), and the natures besides basic and project, which
 * no narrative compares with last year.
 */
const CHECK_ONLY_KEYS = ['fund.total', ...NATURES.filter((nature) => nature !== 'basic' && nature !== 'project').map((nature) => `nature.${nature}`)];

/**
 * The computed figures clerk-written text talks about, by the keys `texts.reasons` and
 * `priorYear.figures` use, that checks keep a running total of (Totals.figures): the reason keys less
 * the derived ones, plus the check-only keys. Amounts by code ("function.2101501", "deptEcon.302",
 * "govEcon.505") count 一般公共预算 lines (this year's and carried over), as every seed's narrative does;
 * 三公, 会议费, 培训费 and 机关运行经费 count 财政拨款 lines.
 */
const STORED_KEYS = new Set([...REASON_KEYS.filter((key) => DERIVED[key] === undefined), ...CHECK_ONLY_KEYS]);

const CODE_KEY = /^(function|deptEcon|govEcon)\.(\d{3}|\d{5}|\d{7})$/;

/** The current value of a figure, or undefined for a key checks do not know (e.g. "sanGong.reception.use"). */
export function figureValue(totals: Totals, key: string): Fen | undefined {
  const parts = DERIVED[key];
  if (parts) return parts.reduce((sum, part) => sum + (totals.figures.get(part) ?? 0), 0);
  if (STORED_KEYS.has(key)) return totals.figures.get(key) ?? 0;
  const code = CODE_KEY.exec(key);
  if (code) return totals.codeFigure(code[1] as CodeKind, code[2] ?? '');
  return undefined;
}

/** Every non-zero figure a text might quote: stored figures, derived ones, units' and projects' totals. */
export function* quotableFigures(totals: Totals): Iterable<Fen> {
  yield* totals.figures.values();
  for (const kind of ['function', 'deptEcon', 'govEcon'] as const) {
    const byPrefix = new Map<string, Fen>();
    for (const [code, amount] of totals.generalByCode[kind]) {
      for (const length of [3, 5, 7]) {
        if (length > code.length) break;
        const prefix = code.slice(0, length);
        byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + amount);
      }
    }
    yield* byPrefix.values();
  }
  for (const key of Object.keys(DERIVED)) yield figureValue(totals, key) ?? 0;
  for (const unit of totals.units.values()) {
    yield unit.expenditure;
    yield unit.income;
  }
  for (const project of totals.projects.values()) yield project.amount;
}
