import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Fen, type MoneyUnit } from '../../core/money';

/** A screen's title with an optional total and a one-line hint. */
export function ScreenHeading({ title, total, unit, hint, children }: { title: string; total?: Fen; unit?: MoneyUnit; hint?: string; children?: ReactNode }) {
  const { t } = useTranslation('workbench');
  return (
    <div className="screen-heading">
      <h2>{title}</h2>
      {total !== undefined && unit && (
        <span className="screen-total">{t('screenTotal', { amount: formatMoney(total, unit), unit: t(`moneyUnit.${unit}`) })}</span>
      )}
      {hint && <span className="screen-hint">{hint}</span>}
      {children}
    </div>
  );
}
