import { createRequire } from 'node:module';
import type { Workbook } from '../src/core/model';

/**
 * The peer: how clerks aggregate and check today — a spreadsheet of SUMIFS formulas over a sheet of
 * lines, recalculated by a formula engine (HyperFormula, GPLv3, installed only in bench/peer).
 * It computes the same pivots as the 支出表 (function item × nature/type columns) and the same
 * per-unit, per-fund balance checks (income − expenditure) as the app.
 */
const require = createRequire(new URL('./peer/package.json', import.meta.url));

interface HyperFormulaSheet {
  setCellContents(address: { sheet: number; col: number; row: number }, content: unknown): unknown;
  getCellValue(address: { sheet: number; col: number; row: number }): unknown;
  getSheetId(name: string): number | undefined;
}
interface HyperFormulaStatic {
  buildFromSheets(sheets: Record<string, unknown[][]>, config: Record<string, unknown>): HyperFormulaSheet;
}

export function loadHyperFormula(): HyperFormulaStatic {
  return require('hyperformula').HyperFormula as HyperFormulaStatic;
}

const fundGroup = (fund: string) => fund.split('.')[0] ?? fund;

export interface PeerSheet {
  engine: HyperFormulaSheet;
  linesSheet: number;
  formulaCount: number;
  /** Row of each budget line in the Lines sheet (0-based, after the header). */
  lineRow: Map<string, number>;
}

export function buildPeer(workbook: Workbook): PeerSheet {
  const HyperFormula = loadHyperFormula();
  const n = workbook.budgetLines.length;
  const m = workbook.incomeLines.length;
  const lines: unknown[][] = [['unit', 'function', 'econ', 'fund', 'nature', 'type', 'amount']];
  const projectType = new Map(workbook.projects.map((project) => [project.id, project.type]));
  const lineRow = new Map<string, number>();
  workbook.budgetLines.forEach((line, index) => {
    lineRow.set(line.id, index + 1);
    lines.push([line.unitId, line.functionCode, line.deptEconCode, fundGroup(line.fund), line.nature, line.projectId ? (projectType.get(line.projectId) ?? '') : '', line.amount / 100]);
  });
  const incomes: unknown[][] = [['unit', 'fund', 'amount']];
  for (const line of workbook.incomeLines) incomes.push([line.unitId, fundGroup(line.fund), line.amount / 100]);

  const A = (column: string) => `Lines!$${column}$2:$${column}$${n + 1}`;
  const I = (column: string) => `Income!$${column}$2:$${column}$${m + 1}`;
  const functionCodes = [...new Set(workbook.budgetLines.map((line) => line.functionCode))].sort();
  const pivot: unknown[][] = [['function', 'total', 'basic', 'personnel301', 'personnel303', 'public', 'project', 'operation', 'specificGoal']];
  functionCodes.forEach((code, index) => {
    const r = index + 2;
    pivot.push([
      code,
      `=SUMIFS(${A('G')},${A('B')},$A${r})`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('E')},"basic")`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('E')},"basic",${A('C')},"301*")`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('E')},"basic",${A('C')},"303*")`,
      `=C${r}-D${r}-E${r}`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('E')},"project")`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('F')},"operation")`,
      `=SUMIFS(${A('G')},${A('B')},$A${r},${A('F')},"specificGoal")`,
    ]);
  });
  const checks: unknown[][] = [['unit', 'fund', 'income', 'expenditure', 'difference', 'ok']];
  const funds = ['gen', 'fund', 'unit'];
  for (const unit of workbook.units) {
    for (const fund of funds) {
      const r = checks.length + 1;
      checks.push([unit.id, fund, `=SUMIFS(${I('C')},${I('A')},$A${r},${I('B')},$B${r})`, `=SUMIFS(${A('G')},${A('A')},$A${r},${A('D')},$B${r})`, `=C${r}-D${r}`, `=ABS(E${r})<0.005`]);
    }
  }
  checks.push(['total', '', `=SUM(${I('C')})`, `=SUM(${A('G')})`, `=C${checks.length + 1}-D${checks.length + 1}`, '']);
  const engine = HyperFormula.buildFromSheets({ Lines: lines, Income: incomes, Pivot: pivot, Checks: checks }, { licenseKey: 'gpl-v3', maxRows: 200_000 });
  const formulaCount = (pivot.length - 1) * 8 + (checks.length - 1) * 4;
  return { engine, linesSheet: engine.getSheetId('Lines') ?? 0, formulaCount, lineRow };
}

/** One edited amount, then the recalculated totals read back, as a clerk's spreadsheet does. */
export function peerEdit(peer: PeerSheet, lineId: string, amountFen: number): void {
  const row = peer.lineRow.get(lineId);
  if (row === undefined) throw new Error(`no line ${lineId}`);
  peer.engine.setCellContents({ sheet: peer.linesSheet, col: 6, row }, [[amountFen / 100]]);
}
