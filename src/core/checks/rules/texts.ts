import { formatMoney, roundFen, type Fen } from '../../money';
import type { Workbook } from '../../model';
import { figureValue, quotableFigures } from '../figures';
import { scanText, type TextScan } from '../text-scan';
import { NO_HITS, type CheckContext, type FindingLocation, type Hit, type Rule } from '../types';
import { projectAt, workbookRule } from './define';

/**
 * Lints over clerk-written text: reasons for year-over-year changes (texts.reasons), 其他需要说明
 * 的事项 (texts.other), the narrative's prose blocks (texts.blocks), the department's annual goal,
 * and each project's purpose and goal.
 */
export interface TextBlock {
  /** reasons | other | blocks | annualGoal | purpose | goal: names the block in messages. */
  block: string;
  /** The reason's key, the prose block's key or the project's name; "" for the single blocks. */
  blockName: string;
  text: string;
  location: FindingLocation;
}

/**
 * Visits every non-empty text block whose scan `relevant` accepts; blocks are only built for
 * those, since a workbook may hold thousands of project texts and most say nothing to lint.
 */
function eachBlock(
  workbook: Workbook,
  relevant: (scan: TextScan) => boolean,
  test: (block: TextBlock, scan: TextScan) => Hit[] | null,
): readonly Hit[] {
  return eachScannedBlock(workbook, scanText, relevant, test);
}

/** eachBlock with a scanner of the caller's own (memoised per text by the caller). */
export function eachScannedBlock<S>(
  workbook: Workbook,
  scanner: (text: string) => S,
  relevant: (scan: S) => boolean,
  test: (block: TextBlock, scan: S) => Hit[] | null,
): readonly Hit[] {
  let hits: Hit[] | null = null;
  const visit = (text: string, block: () => TextBlock) => {
    if (text === '') return;
    const scan = scanner(text);
    if (!relevant(scan)) return;
    const found = test(block(), scan);
    if (found) (hits ??= []).push(...found);
  };
  for (const [key, text] of Object.entries(workbook.texts.reasons)) {
    visit(text, () => ({ block: 'reasons', blockName: key, text, location: reasonAt(key) }));
  }
  const { other } = workbook.texts;
  visit(other, () => ({ block: 'other', blockName: '', text: other, location: { entity: 'text', id: 'other', tables: [{ tableId: 'texts', rowKey: 'other' }] } }));
  for (const [key, text] of Object.entries(workbook.texts.blocks)) {
    visit(text, () => ({ block: 'blocks', blockName: key, text, location: { entity: 'text', id: 'blocks', field: key, tables: [{ tableId: 'texts', rowKey: `blocks.${key}` }] } }));
  }
  const { annualGoal } = workbook.departmentPerformance;
  visit(annualGoal, () => ({
    block: 'annualGoal',
    blockName: '',
    text: annualGoal,
    location: { entity: 'department', id: 'department', field: 'departmentPerformance.annualGoal' },
  }));
  for (const project of workbook.projects) {
    visit(project.purpose, () => ({ block: 'purpose', blockName: project.name, text: project.purpose, location: projectAt(project.id, 'purpose') }));
    const goal = project.performance.goal;
    visit(goal, () => ({ block: 'goal', blockName: project.name, text: goal, location: projectAt(project.id, 'performance.goal') }));
  }
  return hits ?? NO_HITS;
}

function reasonAt(key: string): FindingLocation {
  return { entity: 'text', id: 'reasons', field: key, tables: [{ tableId: 'texts', rowKey: `reasons.${key}` }] };
}

/** Less than this is not "万元-sized": 1万元. */
const TEN_THOUSAND_YUAN: Fen = 1_000_000;
const MAX_DECIMALS = 4;

/** The computed figure a number written in 元 matches when read as 万元, if no figure matches it as 元. */
function wanFigureFor(context: CheckContext, number: string, decimals: number): Fen | undefined {
  if (decimals > MAX_DECIMALS) return undefined;
  const scaled = Number(number.replace('.', ''));
  if (!Number.isSafeInteger(scaled) || scaled === 0) return undefined;
  let match: Fen | undefined;
  for (const figure of quotableFigures(context.totals)) {
    const magnitude = Math.abs(figure);
    if (roundFen(magnitude, 'yuan', decimals) === scaled && (decimals > 0 || magnitude % 100 === 0)) return undefined;
    if (match !== undefined || magnitude < TEN_THOUSAND_YUAN) continue;
    const exact = decimals > 0 || magnitude % TEN_THOUSAND_YUAN === 0;
    if (exact && roundFen(magnitude, 'wan', decimals) === scaled) match = magnitude;
  }
  return match;
}

function exactWan(fen: Fen): string {
  let decimals = 2;
  while (decimals < 6 && fen % 10 ** (6 - decimals) !== 0) decimals += 1;
  return formatMoney(fen, 'wan', { decimals });
}

type Direction = 'up' | 'down' | 'same';

function figureLabel(key: string): { figureName: string; figureCode: string } {
  const code = /^(function|deptEcon|govEcon)\.(\d+)$/.exec(key);
  if (code) return { figureName: code[1] ?? '', figureCode: code[2] ?? '' };
  return { figureName: key.replaceAll('.', '_'), figureCode: '' };
}

export const textRules: Rule[] = [
  workbookRule({
    id: 'text.roseAndFell',
    severity: 'warning',
    messageKey: 'checks:textRoseAndFell',
    description: 'A sentence does not say one figure both rose and fell ("增加32.02万元，下降5.54%"; "减少…增长…").',
    evaluate: (context) =>
      eachBlock(
        context.workbook,
        (scan) => scan.roseAndFell.length > 0,
        (block, scan) =>
          scan.roseAndFell.map((quote) => ({ params: { block: block.block, blockName: block.blockName, quote }, location: block.location })),
      ),
  }),
  workbookRule({
    id: 'text.yuanForWan',
    severity: 'warning',
    messageKey: 'checks:textYuanForWan',
    description:
      'An amount written in 元 is not a computed 万元 figure with the unit wrong ("7.04元" where 机关运行经费 is 7.04万元). Numbers that match a figure in 元 are left alone.',
    evaluate: (context) =>
      eachBlock(context.workbook, (scan) => scan.yuanAmounts.length > 0, (block, scan) => {
        let hits: Hit[] | null = null;
        for (const amount of scan.yuanAmounts) {
          const figure = wanFigureFor(context, amount.number, amount.decimals);
          if (figure === undefined) continue;
          (hits ??= []).push({
            params: { block: block.block, blockName: block.blockName, quote: amount.quote, figure: exactWan(figure) },
            location: block.location,
          });
        }
        return hits;
      }),
  }),
  workbookRule({
    id: 'text.reasonDirection',
    severity: 'warning',
    messageKey: 'checks:reasonContradictsChange',
    description:
      'A reason for a year-over-year change speaks of the way the figure moved: not only of cuts (减少, 压减 …) when it rose or stayed level, nor only of increases when it fell or stayed level. Compared at 0.01万元, for reasons whose key names a figure checks compute and priorYear holds.',
    evaluate: (context) => {
      const { workbook } = context;
      let hits: Hit[] | null = null;
      for (const [key, text] of Object.entries(workbook.texts.reasons)) {
        const prior = workbook.priorYear.figures[key];
        if (prior === undefined || text.trim() === '') continue;
        const current = figureValue(context.totals, key);
        if (current === undefined) continue;
        const scan = scanText(text);
        if (scan.rises === scan.falls) continue;
        const now = roundFen(current, 'wan', 2);
        const before = roundFen(prior, 'wan', 2);
        const direction: Direction = now > before ? 'up' : now < before ? 'down' : 'same';
        const saysUp = scan.rises;
        if ((direction === 'up' && saysUp) || (direction === 'down' && !saysUp)) continue;
        (hits ??= []).push({
          params: {
            reason: key,
            ...figureLabel(key),
            current: context.money(current),
            prior: context.money(prior),
            moneyUnit: workbook.settings.entryUnit,
            direction,
            said: saysUp ? 'up' : 'down',
            quote: text.trim(),
          },
          location: reasonAt(key),
        });
      }
      return hits ?? NO_HITS;
    },
  }),
];
