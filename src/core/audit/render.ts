import { figureLabel } from '../prior/labels';
import type { AuditFinding } from './index';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A finding's message in the user's language: figure keys named as the prior-year preview names them. */
export function auditMessage(finding: AuditFinding, t: Translate): string {
  const name = (key: string) => {
    const label = figureLabel(key);
    return t(label.code, label.params);
  };
  const params: Record<string, unknown> = { ...finding.params };
  if (typeof finding.params.figureKey === 'string') params.figure = name(finding.params.figureKey);
  if (typeof finding.params.partKeys === 'string') params.parts = finding.params.partKeys.split(',').map(name).join(' + ');
  return t(finding.messageKey, params);
}
