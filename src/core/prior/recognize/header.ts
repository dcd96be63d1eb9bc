import type { HeaderCell } from '../../tables/spec';
import { normalizeText } from '../text';

/**
 * Columns are told apart by their header path: the header texts above a column, top to bottom
 * ("基本支出 › 人员经费 › 工资福利支出"). A template's paths come from its header spec, a sheet's from
 * its header rows with merged cells spread over their area; the two are aligned in order, so a
 * sheet may add, drop, join or reword columns and every template column still finds its own.
 */

export type ColumnPath = string[];

/** The header path of each template column. */
export function templateColumnPaths(header: HeaderCell[][], columnCount: number): ColumnPath[] {
  const paths: ColumnPath[] = Array.from({ length: columnCount }, () => []);
  const occupied = new Set<string>();
  header.forEach((cells, rowIndex) => {
    let column = 0;
    for (const cell of cells) {
      while (occupied.has(`${rowIndex}:${column}`)) column += 1;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let r = rowIndex; r < rowIndex + rowSpan; r += 1) {
        for (let c = column; c < column + colSpan; c += 1) occupied.add(`${r}:${c}`);
      }
      for (let c = column; c < Math.min(column + colSpan, columnCount); c += 1) addStep(paths[c] as ColumnPath, cell.text);
      column += colSpan;
    }
  });
  return paths;
}

/** The header path of each sheet column over `rows` (merged areas already spread). */
export function sheetColumnPaths(filledRows: string[][], from: number, to: number): ColumnPath[] {
  const width = Math.max(0, ...filledRows.slice(from, to + 1).map((row) => row.length));
  const paths: ColumnPath[] = Array.from({ length: width }, () => []);
  for (let r = from; r <= to; r += 1) {
    const row = filledRows[r] ?? [];
    for (let c = 0; c < width; c += 1) addStep(paths[c] as ColumnPath, row[c] ?? '');
  }
  return paths;
}

/** Words clerks use for the same amount column ("金额" in Henan's template, "预算数" in a hand-made copy). */
const SAME_HEADING: Record<string, string> = { 预算数: '金额', 预算金额: '金额', 本年预算数: '金额', 预算额: '金额' };

/** Column numbers (the 栏次 row) and empty texts say nothing about a column's meaning. */
function addStep(path: ColumnPath, text: string): void {
  // Placeholders and years differ between the template and a given year's sheet.
  const plain = normalizeText(text).replace(/\{\w+\}|20\d{2}/g, '');
  const step = SAME_HEADING[plain] ?? plain;
  if (step === '' || /^\d+$/.test(step) || step === '栏次') return;
  if (path[path.length - 1] !== step) path.push(step);
}

/** How alike two header paths are, 0–1: the last step counts most, the steps above it break ties. */
export function pathSimilarity(template: ColumnPath, sheet: ColumnPath): number {
  if (template.length === 0 || sheet.length === 0) return 0;
  const leafA = template[template.length - 1] as string;
  const leafB = sheet[sheet.length - 1] as string;
  const above = overlap(template.slice(0, -1), sheet.slice(0, -1));
  if (leafA === leafB) return 0.6 + 0.4 * above;
  if (leafA.includes(leafB) || leafB.includes(leafA)) return 0.45 + 0.3 * above;
  // One joined column under a heading the template splits ("科目编码" over 类/款/项).
  if (template.includes(leafB) || sheet.includes(leafA)) return 0.35;
  const anywhere = overlap(template, sheet);
  return anywhere > 0 ? 0.3 * anywhere : 0;
}

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const setB = new Set(b);
  const common = new Set(a.filter((step) => setB.has(step))).size;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : common / union;
}

const MINIMUM_SIMILARITY = 0.25;

/**
 * Template column → sheet column (or null), keeping their order, maximising the summed
 * similarity. A sheet with one joined "科目编码" column gets it matched to one of the template's
 * 类/款/项 columns; the code reader takes a joined code from there.
 */
export function alignColumns(template: ColumnPath[], sheet: ColumnPath[]): (number | null)[] {
  const rows = template.length;
  const columns = sheet.length;
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  const score = (i: number, j: number) => pathSimilarity(template[i] as ColumnPath, sheet[j] as ColumnPath);
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      const here = score(i, j);
      const take = here >= MINIMUM_SIMILARITY ? here + (best[i + 1]?.[j + 1] ?? 0) : -1;
      (best[i] as number[])[j] = Math.max(take, best[i + 1]?.[j] ?? 0, best[i]?.[j + 1] ?? 0);
    }
  }
  const mapping: (number | null)[] = new Array(rows).fill(null);
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    const here = score(i, j);
    const current = best[i]?.[j] ?? 0;
    if (here >= MINIMUM_SIMILARITY && Math.abs(current - (here + (best[i + 1]?.[j + 1] ?? 0))) < 1e-9) {
      mapping[i] = j;
      i += 1;
      j += 1;
    } else if (Math.abs(current - (best[i + 1]?.[j] ?? 0)) < 1e-9) i += 1;
    else j += 1;
  }
  return mapping;
}
