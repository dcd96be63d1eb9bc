import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookSummary } from '../../shared/api';
import { useApp } from '../state/context';

/** File name, "saved" state, undo/redo and close; Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) outside text fields. */
export function WorkbookToolbar({ summary }: { summary: WorkbookSummary }) {
  const { t } = useTranslation('app');
  const undo = useApp((state) => state.undo);
  const redo = useApp((state) => state.redo);
  const close = useApp((state) => state.close);
  const pending = useApp((state) => state.pending > 0);
  const unsent = useApp((state) => (state.offline ? state.unsent : 0));
  const offline = useApp((state) => state.offline);
  const canUndo = useApp((state) => state.localUndo) || summary.canUndo;
  const canRedo = useApp((state) => state.localRedo) || summary.canRedo;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return (
    <div className="workbook-toolbar">
      <div className="workbook-identity">
        <span className="workbook-name">{t('workbook.heading', { name: summary.departmentName, year: summary.year })}</span>
        <span className="workbook-path" title={summary.path}>
          {summary.path}
        </span>
      </div>
      <span className={offline ? 'save-state unsaved' : 'save-state'} role="status" data-testid="save-state">
        {offline ? t('workbook.unsaved', { count: unsent }) : pending ? t('workbook.saving') : t('workbook.saved')}
      </span>
      <button type="button" className="secondary" disabled={!canUndo} onClick={() => void undo()} title={t('workbook.undoShortcut')}>
        {t('workbook.undo')}
      </button>
      <button type="button" className="secondary" disabled={!canRedo} onClick={() => void redo()} title={t('workbook.redoShortcut')}>
        {t('workbook.redo')}
      </button>
      <button type="button" className="secondary" onClick={() => void close()}>
        {t('workbook.close')}
      </button>
    </div>
  );
}

/** In a text field Ctrl+Z belongs to the field's own typing history. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type);
}
