import type { BodyPart, CellSpec, TableSpec, TemplateSpec } from '../../tables/spec';
import { normalizeLabel, normalizeText, textSimilarity } from './cells';
import { rowTexts, type Block, type SheetView } from './blocks';
import type { KnownValues } from './texts';

/**
 * Which table of a template each block of the published file is: its title against the table's title
 * (placeholders standing for anything, years and the department's name left out), its header words against the
 * table's, and for a form its labels against the labels the form prints. Each table is taken once, except a
 * table printed once per project.
 */

export interface BlockMatch {
  block: Block;
  table: TableSpec | null;
  score: number;
  titleScore: number;
  headerScore: number;
}

export const ACCEPT = 0.55;

/** The distinct words of a table's header (numbers, placeholders and years left out). */
function headerWords(table: TableSpec): Set<string> {
  const words = new Set<string>();
  for (const row of table.header) for (const cell of row) addWord(words, cell.text);
  return words;
}

function addWord(words: Set<string>, text: string) {
  const word = normalizeText(text).replace(/\{\w+\}|20\d{2}/g, '');
  if (word !== '' && !/^\d+$/.test(word) && word !== '栏次') words.add(word);
}

function blockHeaderWords(view: SheetView, block: Block): Set<string> {
  const words = new Set<string>();
  if (!block.header) return words;
  for (let row = block.header.from; row <= block.header.to; row += 1) for (const { text } of rowTexts(view, row, block.left, block.right)) addWord(words, text);
  return words;
}

/** The literal labels a form prints (its fixed rows' texts), for forms without header rows. */
function formLabels(table: TableSpec): Set<string> {
  const words = new Set<string>();
  const visit = (part: BodyPart) => {
    if (part.kind === 'numbered') {
      part.parts.forEach(visit);
      return;
    }
    const lists: CellSpec[][] = 'cells' in part && Array.isArray(part.cells) ? [part.cells] : [];
    for (const cells of lists) {
      for (const cell of cells) {
        const text = typeof cell === 'string' ? cell : typeof cell === 'object' && 'text' in cell ? cell.text : '';
        const label = normalizeLabel(text);
        if (label.length >= 2 && !label.includes('{')) words.add(label);
      }
    }
  };
  table.body.forEach(visit);
  return words;
}

function blockTexts(view: SheetView, block: Block): Set<string> {
  const words = new Set<string>();
  const from = block.header?.from ?? block.body[0] ?? block.top;
  for (let row = from; row <= block.bottom; row += 1) for (const { text } of rowTexts(view, row, block.left, block.right)) words.add(normalizeLabel(text));
  return words;
}

/** A title as compared: year-free, department-free, numbering ("表1", "一、") off. */
function plainTitle(text: string, values: KnownValues): string {
  let plain = normalizeText(text)
    .replace(/\{\w+\}/g, '')
    .replace(/20\d{2}年度?/g, '')
    .replace(/\(20\d{2}\)|20\d{2}/g, '')
    .replace(/^(表[0-9一二三四五六七八九十]+|[一二三四五六七八九十]+、|\d+[、.])/, '');
  if (values.departmentName) plain = plain.split(normalizeText(values.departmentName)).join('');
  return plain;
}

function titlePattern(title: string): RegExp | null {
  if (!/\{\w+\}/.test(title)) return null;
  const source = normalizeText(title)
    .split(/(\{\w+\})/)
    .map((part) => (part === '{year}' ? '\\d{4}' : /^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function titleScore(block: Block, table: TableSpec, values: KnownValues): number {
  const printed = normalizeText(block.title);
  const pattern = titlePattern(table.title);
  if (pattern && pattern.test(printed.replace(/^(表[0-9一二三四五六七八九十]+|[一二三四五六七八九十]+、)/, ''))) {
    // "{projectName}绩效目标表" matches any project's title: only as well as its fixed words are long.
    const fixed = normalizeText(table.title).replace(/\{\w+\}/g, '');
    return table.title.includes('{projectName}') ? Math.min(1, 0.6 + fixed.length / 20) : 1;
  }
  const a = plainTitle(block.title, values);
  const b = plainTitle(table.title, values);
  if (a === '' && b === '') return 1;
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  return textSimilarity(a, b);
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common += 1;
  return (2 * common) / (a.size + b.size);
}

export function isForm(table: TableSpec): boolean {
  return table.header.length === 0 || table.kind === 'form';
}

/** A block read as a form: no header rows, every row of it body. */
export function asForm(block: Block): Block {
  if (!block.header) return block;
  const rows: number[] = [];
  for (let row = block.header.from; row <= block.header.to; row += 1) rows.push(row);
  return { ...block, header: null, body: [...rows, ...block.body].sort((a, b) => a - b) };
}

/** The block with a header of `height` rows (its detected header being too short or too long for the table). */
export function withHeaderHeight(view: SheetView, block: Block, height: number): Block {
  const rows = [...(block.header ? range(block.header.from, block.header.to) : []), ...block.body].sort((a, b) => a - b);
  if (rows.length < height || height < 1) return block;
  const from = rows[0] as number;
  const to = rows[height - 1] as number;
  return { ...block, header: { from, to }, body: rows.filter((row) => row > to && rowTexts(view, row).length > 0) };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += 1) out.push(n);
  return out;
}

export function scoreBlock(view: SheetView, block: Block, table: TableSpec, values: KnownValues): BlockMatch {
  const form = isForm(table);
  const candidates = form ? [asForm(block)] : [block, ...(block.header && block.header.to - block.header.from + 1 !== table.header.length ? [withHeaderHeight(view, block, table.header.length)] : []), ...(!block.header ? [withHeaderHeight(view, block, table.header.length)] : [])];
  let best: BlockMatch = { block, table, score: 0, titleScore: 0, headerScore: 0 };
  for (const candidate of candidates) {
    const title = table.title.trim() === '' && candidate.title === '' ? 1 : titleScore(candidate, table, values);
    const header = form ? recall(formLabels(table), blockTexts(view, candidate)) : dice(headerWords(table), blockHeaderWords(view, candidate));
    const untitled = table.title.trim() === '' || candidate.title === '';
    const score = untitled ? (table.title.trim() === '' && candidate.title === '' ? header : 0.85 * header) : 0.55 * title + 0.45 * header;
    if (score > best.score) best = { block: candidate, table, score, titleScore: title, headerScore: header };
  }
  return best;
}

function recall(wanted: Set<string>, found: Set<string>): number {
  if (wanted.size === 0) return 0;
  let hits = 0;
  for (const word of wanted) if (found.has(word)) hits += 1;
  return hits / wanted.size;
}

/** Blocks matched to the template's tables: the best pairs first, each table once unless it repeats per project. */
export function assignBlocks(view: (block: Block) => SheetView, blocks: Block[], template: TemplateSpec, values: KnownValues): BlockMatch[] {
  const pairs: { match: BlockMatch; blockIndex: number; tableIndex: number }[] = [];
  blocks.forEach((block, blockIndex) => {
    template.tables.forEach((table, tableIndex) => {
      const match = scoreBlock(view(block), block, table, values);
      if (match.score >= ACCEPT && (match.titleScore >= 0.5 || match.headerScore >= 0.75)) pairs.push({ match, blockIndex, tableIndex });
    });
  });
  // Best first; between equals, the table at the same place in the package.
  pairs.sort((a, b) => b.match.score - a.match.score || Math.abs(a.blockIndex - a.tableIndex) - Math.abs(b.blockIndex - b.tableIndex));
  const taken = new Set<number>();
  const result: (BlockMatch | null)[] = blocks.map(() => null);
  for (const pair of pairs) {
    if (result[pair.blockIndex]) continue;
    const table = template.tables[pair.tableIndex] as TableSpec;
    if (taken.has(pair.tableIndex) && !table.perProject) continue;
    result[pair.blockIndex] = pair.match;
    taken.add(pair.tableIndex);
  }
  return result.map((match, index) => match ?? { block: blocks[index] as Block, table: null, score: 0, titleScore: 0, headerScore: 0 });
}

/** How well a template fits the file: the summed scores of its matched blocks. */
export function templateFit(matches: BlockMatch[]): number {
  return matches.reduce((sum, match) => sum + (match.table ? match.score : 0), 0);
}
