import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../core/money';
import type { Workbook } from '../../core/model';
import { useWorkbench } from '../state/workbench-context';
import { countUnsavedRows } from '../state/workbench-store';

/** Always visible: 收入总计, 支出总计, their difference, and the counts of errors, warnings and unsaved cells. */
export function StatusBar({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const findings = useWorkbench((state) => state.checks.findings);
  const running = useWorkbench((state) => state.checks.running);
  const drafts = useWorkbench((state) => state.drafts);
  const togglePanel = useWorkbench((state) => state.toggleCheckPanel);
  const panelOpen = useWorkbench((state) => state.checkPanelOpen);
  const unit = workbook.settings.entryUnit;

  const income = useMemo(() => workbook.incomeLines.reduce((sum, line) => sum + line.amount, 0), [workbook.incomeLines]);
  const expenditure = useMemo(() => workbook.budgetLines.reduce((sum, line) => sum + line.amount, 0), [workbook.budgetLines]);
  const difference = income - expenditure;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const unsaved = countUnsavedRows(drafts);
  const money = (fen: number) => formatMoney(fen, unit);
  const unitName = t(`moneyUnit.${unit}`);

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-figure">
        {t('status.income')} <strong data-testid="status-income">{money(income)}</strong>
      </span>
      <span className="status-figure">
        {t('status.expenditure')} <strong data-testid="status-expenditure">{money(expenditure)}</strong>
      </span>
      <span className={`status-figure ${difference === 0 ? 'balanced' : 'unbalanced'}`} data-testid="status-balance">
        {difference === 0 ? t('status.balanced') : t('status.difference', { amount: money(difference) })}
      </span>
      <span className="status-unit">{t('status.unit', { unit: unitName })}</span>
      <span className="status-space" />
      {running && <span className="status-running">{t('status.checking')}</span>}
      {unsaved > 0 && <span className="status-unsaved" data-testid="status-unsaved">{t('status.unsaved', { count: unsaved })}</span>}
      <button type="button" className="status-checks" aria-expanded={panelOpen} onClick={() => togglePanel()} data-testid="status-checks">
        <span className={errors > 0 ? 'count-error' : 'count-ok'}>{t('status.errors', { count: errors })}</span>
        <span className={warnings > 0 ? 'count-warning' : 'count-ok'}>{t('status.warnings', { count: warnings })}</span>
      </button>
    </footer>
  );
}
