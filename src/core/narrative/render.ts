import type { Workbook } from '../model';
import type { ListItem, NarrativeFigures } from './figures';
import { cleanReason, comparisonPhrase, formatAmount, splitShares } from './phrases';
import type { ClerkText, Condition, MoneyStyle, NarrativeSpec, ParagraphSpec, Piece } from './spec';

/** What sentence templates are filled from. */
export interface RenderContext {
  spec: NarrativeSpec;
  figures: NarrativeFigures;
  workbook: Workbook;
}

/** The item of an `each` paragraph, numbered from 1. */
interface ItemScope {
  item: ListItem;
  n: number;
}

/** A placeholder with no value: the optional group around it vanishes. */
const MISSING = null;
type Value = string | typeof MISSING;

const GROUP = /\[\[(.*?)\]\]/gs;
const PLACEHOLDER = /\{([A-Za-z]+)(?::([^}|]+))?(?:\|([A-Za-z0-9]+))?\}/g;

/** The paragraphs a paragraph spec yields (none when it renders empty). */
export function renderParagraph(paragraph: ParagraphSpec, context: RenderContext): string[] {
  if (typeof paragraph === 'string') return nonEmpty(fillTemplate(paragraph, context, context.spec.money.style));
  if ('parts' in paragraph) {
    const text = paragraph.parts.map((piece) => choosePiece(piece, context)).join('');
    return nonEmpty(fillTemplate(text, context, paragraph.money ?? context.spec.money.style));
  }
  if ('each' in paragraph) {
    return context.figures.lists[paragraph.each].flatMap((item, index) =>
      nonEmpty(fillTemplate(paragraph.item, context, paragraph.money ?? context.spec.money.style, { item, n: index + 1 })),
    );
  }
  return clerkLines(paragraph.clerk, context.workbook);
}

function nonEmpty(text: string): string[] {
  const tidy = tidyPunctuation(text);
  return tidy === '' ? [] : [tidy];
}

/**
 * A generated sentence whose optional groups vanished may be left with punctuation around the gap: it never
 * starts with "，" (or "；" "、"), a "，" or "；" before a full stop or another such mark goes, and a paragraph that
 * ends with "，" or "；" ends with "。" instead. Published sentences have none of these, so they are unchanged.
 */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/^[\s，；、]+/u, '')
    .replace(/[，；、]+(?=[，；。])/gu, '')
    .replace(/[，；、]+$/u, '。');
}

function choosePiece(piece: Piece, context: RenderContext): string {
  if (typeof piece === 'string') return piece;
  return holds(piece.when, context.figures) ? piece.then : (piece.else ?? '');
}

function holds(condition: Condition, figures: NarrativeFigures): boolean {
  const isZero = (key: string) => (figures.amounts[key] ?? figures.counts[key] ?? 0) === 0;
  return 'zero' in condition ? condition.zero.every(isZero) : condition.nonzero.some((key) => !isZero(key));
}

/** The non-empty lines of a clerk's text, trimmed. */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Clerk-written text, one paragraph per non-empty line. */
function clerkLines(source: ClerkText, workbook: Workbook): string[] {
  switch (source) {
    case 'duties':
      return textLines(workbook.texts.duties);
    case 'organization':
      return textLines(workbook.texts.organization);
    case 'other':
      return textLines(workbook.texts.other);
    case 'annualGoal':
      return textLines(workbook.departmentPerformance.annualGoal);
    case 'glossary':
      return workbook.texts.glossary.map((entry, index) => `${index + 1}、${entry.term}：${entry.explanation}`);
  }
}

/**
 * Fills one sentence template: optional groups first (each vanishes when a placeholder in it has no
 * value), then the rest (a placeholder without value prints nothing). Shares of the same whole are
 * computed together so that a split adds up to 100.00%.
 */
export function fillTemplate(template: string, context: RenderContext, money: MoneyStyle, scope?: ItemScope): string {
  const shares = shareTable(template, context, scope);
  // Segments are filled one by one so that substituted text (a clerk's reason) is never read as a template.
  const fillSegment = (segment: string, optional: boolean): string => {
    let missing = false;
    const text = segment.replace(PLACEHOLDER, (...match: unknown[]) => {
      const value = placeholderValue(match as string[], context, money, shares, scope);
      if (value === MISSING) missing = true;
      const [whole = '', offset = 0] = [match[0] as string, match[match.length - 2] as number];
      return undoubled(value ?? '', segment.slice(offset + whole.length));
    });
    return optional && missing ? '' : text;
  };
  let out = '';
  let last = 0;
  for (const group of template.matchAll(GROUP)) {
    out += fillSegment(template.slice(last, group.index), false) + fillSegment(group[1] ?? '', true);
    last = group.index + group[0].length;
  }
  return out + fillSegment(template.slice(last), false);
}

function placeholderValue(match: ArrayLike<string | undefined>, context: RenderContext, money: MoneyStyle, shares: Map<string, Value>, scope?: ItemScope): Value {
  const [whole = '', op = '', rawArgument, modifier] = [match[0], match[1], match[2], match[3]];
  const { figures, spec } = context;
  const argument = rawArgument === '@' ? (scope?.item.key ?? '') : (rawArgument ?? '');
  const style = isMoneyStyle(modifier) ? modifier : money;
  const amount = (fen: number | undefined): Value => (fen === undefined ? MISSING : formatAmount(fen, spec.money.unit, style));
  switch (op) {
    case 'year':
      return String(figures.year);
    case 'priorYear':
      return String(figures.priorYear);
    case 'dept':
      return figures.departmentName;
    case 'asOf':
      return figures.assetsAsOf || MISSING;
    case 'n':
      return scope ? String(scope.n) : unknown(whole);
    case 'name':
      return scope ? scope.item.name || MISSING : unknown(whole);
    case 'code':
      return scope ? (scope.item.code ?? MISSING) : unknown(whole);
    case 'amount':
      return amount(figures.amounts[argument]);
    case 'prior':
      return amount(figures.prior[argument]);
    case 'count': {
      const count = scope && argument === '' ? scope.item.count : figures.counts[argument];
      return count === undefined ? MISSING : String(count);
    }
    case 'share': {
      const [part, whole] = resolveShareKeys(rawArgument ?? '', scope);
      return shares.get(`${part}/${whole}`) ?? MISSING;
    }
    case 'change': {
      const current = figures.amounts[argument];
      const prior = figures.prior[argument];
      if (current === undefined || prior === undefined) return MISSING;
      const comparison = modifier && !isMoneyStyle(modifier) ? spec.comparisons[modifier] : spec.comparisons.default;
      if (!comparison) throw new Error(`narrative: no comparison style "${modifier}"`);
      const reason = context.workbook.texts.reasons[argument] ?? '';
      return comparisonPhrase(current, prior, comparison, reason, { unit: spec.money.unit, money, year: figures.year, priorYear: figures.priorYear });
    }
    case 'text':
      return cleanReason(context.workbook.texts.reasons[argument]) || MISSING;
    case 'list': {
      const list = spec.lists?.[argument];
      if (!list) return unknown(whole);
      const items = figures.lists[list.source];
      if (items.length === 0) return MISSING;
      return items.map((item, index) => fillTemplate(list.item, context, money, { item, n: index + 1 })).join(list.separator);
    }
    default:
      return unknown(whole);
  }
}

/** Words a name may end with that a template may also print after it ("{dept}部门", "{name}本级"). */
const DOUBLED_WORDS = ['本级', '部门', '单位', '机关', '项目'];

/** A substituted name without the word the template prints right after it anyway: "某某局本级" + "本级" → "某某局" + "本级". */
function undoubled(value: string, following: string): string {
  const word = DOUBLED_WORDS.find((candidate) => value.endsWith(candidate) && following.startsWith(candidate));
  return word ? value.slice(0, -word.length) : value;
}

function isMoneyStyle(value: string | undefined): value is MoneyStyle {
  return value === 'fixed' || value === 'compact' || value === 'trim';
}

function unknown(placeholder: string): never {
  throw new Error(`narrative template: unknown placeholder ${placeholder}`);
}

/** Every {share:PART/WHOLE} of the template, computed per WHOLE so that a split sums to 100.00. */
function shareTable(template: string, context: RenderContext, scope?: ItemScope): Map<string, Value> {
  const byWhole = new Map<string, string[]>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match[1] !== 'share' || !match[2]) continue;
    const [part, whole] = resolveShareKeys(match[2], scope);
    if (part === undefined || whole === undefined) throw new Error(`narrative template: share needs PART/WHOLE, got ${match[0]}`);
    const parts = byWhole.get(whole) ?? [];
    if (!parts.includes(part)) parts.push(part);
    byWhole.set(whole, parts);
  }
  const table = new Map<string, Value>();
  for (const [whole, parts] of byWhole) {
    const amounts = context.figures.amounts;
    const shares = splitShares(parts.map((part) => amounts[part] ?? 0), amounts[whole] ?? 0);
    parts.forEach((part, index) => table.set(`${part}/${whole}`, shares[index] ?? MISSING));
  }
  return table;
}

function resolveShareKeys(argument: string, scope?: ItemScope): [string | undefined, string | undefined] {
  const [part, whole] = argument.split('/');
  const own = (key: string | undefined) => (key === '@' ? scope?.item.key : key);
  return [own(part), own(whole)];
}
