import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('app');
  return (
    <header className="top-bar">
      <h1 className="app-title">{t('title')}</h1>
      <div className="top-bar-middle">{children}</div>
      <LanguageSwitch />
    </header>
  );
}
