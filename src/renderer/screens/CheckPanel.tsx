import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../core/checks';
import type { Workbook } from '../../core/model';
import { useFindingWording } from '../grid/hooks';
import { useWorkbench } from '../state/workbench-context';
import { targetOf } from './finding-target';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Findings grouped by severity; each leads to the cell or field it names. */
export function CheckPanel({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const word = useFindingWording();
  const findings = useWorkbench((state) => state.checks.findings);
  const reveal = useWorkbench((state) => state.reveal);
  const go = useWorkbench((state) => state.go);
  const close = useWorkbench((state) => state.toggleCheckPanel);

  const open = (finding: Finding) => {
    const target = targetOf(finding, workbook);
    if (!target) return;
    if (target.focus) reveal(target.focus, target.section, target.projectId);
    else go(target.section, target.projectId);
  };

  return (
    <aside className="check-panel" aria-labelledby="check-panel-title">
      <div className="check-panel-heading">
        <h2 id="check-panel-title">{t('checks.title')}</h2>
        <button type="button" className="quiet" onClick={() => close(false)}>
          {t('checks.close')}
        </button>
      </div>
      {findings.length === 0 && <p className="muted">{t('checks.none')}</p>}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`check-group ${severity}`} aria-label={t(`checks.group.${severity}`, { count: group.length })}>
            <h3>{t(`checks.group.${severity}`, { count: group.length })}</h3>
            <ul>
              {group.map((finding, index) => (
                <li key={`${finding.ruleId}-${index}`}>
                  <button type="button" className="check-item" onClick={() => open(finding)} data-rule={finding.ruleId}>
                    {word(finding)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
