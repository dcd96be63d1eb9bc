import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { auditPackage, auditText, auditTextUnits, type AuditFinding } from '../../core/audit';
import { auditMessage } from '../../core/audit/render';
import { recognizeExcel } from '../../core/prior';
import { TEMPLATES } from '../../core/templates';
import { UserError } from '../../shared/api';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { readXlsxSheets } from '../services/prior/read-xlsx';
import { fileError, readRegularFile } from '../services/store/file-header';
import type { Command } from './commands';
import { decodeUtf8 } from './run';

/**
 * `audit <published.xlsx> [--text narrative.txt]`: reads a published package (any table the prior-year
 * recognizer finds, any built-in province) without facts and prints what is inconsistent in it, each finding
 * with its sheet and cell (or the narrative's line). Exit 0: nothing wrong; 1: errors found; 2: the file could
 * not be read (damaged, encrypted, past the import limits) or holds no recognizable table.
 */
export const AUDIT_COMMAND: Command = {
  usage: 'audit <published.xlsx> [--text narrative.txt]',
  options: { text: { type: 'string' } },
  async run(positionals, values, context) {
    const [file] = positionals;
    if (!file) throw new UserError('cli:missingArgument', { usage: this.usage });
    const path = context.resolvePath(file);
    if (!existsSync(path)) throw new UserError('cli:fileNotFound', { path });
    let bytes: Buffer;
    try {
      bytes = readRegularFile(path);
    } catch (error) {
      throw fileError(path, error);
    }
    const fileName = basename(path);
    const { grids } = await readXlsxSheets(bytes, fileName);
    const recognition = recognizeExcel(grids, { templates: Object.values(TEMPLATES), preferredTemplate: null, department: { code: '', name: '' } });
    const report = auditPackage(recognition, grids);
    if (report.recognized === 0) throw new UserError('audit:noTables', { fileName, sheets: grids.length });
    const findings: AuditFinding[] = [...report.findings];
    if (typeof values.text === 'string') {
      const textPath = context.resolvePath(values.text);
      if (!existsSync(textPath)) throw new UserError('audit:textNotFound', { path: textPath });
      const text = decodeUtf8(readFileSync(textPath), textPath);
      findings.push(...auditText(text, recognition.identity.year), ...auditTextUnits(text, recognition));
    }
    const i18n = createI18n(languageFromEnv(context.io.env));
    const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    context.printJson({
      file: fileName,
      template: recognition.templateId,
      year: recognition.identity.year,
      department: recognition.identity.departmentName,
      sheets: recognition.sheets.map((sheet) => ({ sheet: sheet.sheet, status: sheet.status, table: sheet.tableId, title: sheet.title })),
      summary: { errors: count('error'), warnings: count('warning'), info: count('info') },
      findings: findings.map((finding) => ({ ...finding, message: auditMessage(finding, t) })),
    });
    return count('error') > 0 ? 1 : 0;
  },
};
