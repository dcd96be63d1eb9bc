import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useWorkbench } from '../state/workbench-context';
import type { CellMark } from '../grid/types';

/** Sub-screens of a screen, as tabs; `id` names the set for tests and focus. */
export function Tabs<T extends string>({ label, tabs, current, onChange }: { label: string; tabs: readonly { id: T; label: string; count?: number }[]; current: T; onChange(tab: T): void }) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button key={tab.id} type="button" role="tab" aria-selected={current === tab.id} onClick={() => onChange(tab.id)}>
          {tab.label}
          {tab.count !== undefined && <span className="tab-count">{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * A labelled multi-line text kept in the workbook: typed freely, saved (one edit, one undo step)
 * when the clerk leaves it. Undo or another change of the saved text replaces what is shown.
 */
export function TextBlock({
  label,
  value,
  onCommit,
  field,
  rows = 6,
  hint,
  mark,
}: {
  label: string;
  value: string;
  onCommit(text: string): void;
  /** Names the field for focus requests ("purpose", "performance.goal"). */
  field: string;
  rows?: number;
  hint?: string;
  mark?: CellMark | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <div className={`text-block${mark ? ` mark-${mark.level}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        data-field={field}
        rows={rows}
        value={draft}
        spellCheck={false}
        aria-invalid={mark?.level === 'error' ? true : undefined}
        aria-describedby={mark ? `${id}-mark` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== value) onCommit(draft);
        }}
      />
      {hint && <p className="field-hint">{hint}</p>}
      {mark && (
        <p id={`${id}-mark`} className={`field-mark ${mark.level}`}>
          {mark.message}
        </p>
      )}
    </div>
  );
}

/** A one-line field with its own parser; the problem (already worded) shows under it until fixed. */
export function LineField({
  label,
  value,
  field,
  onCommit,
  inputMode,
  className,
  mark,
  labelHidden = false,
  suffix,
}: {
  label: string;
  value: string;
  field: string;
  /** Returns a worded problem, or null when the text was taken. */
  onCommit(text: string): string | null;
  inputMode?: 'numeric' | 'decimal' | 'text';
  className?: string;
  mark?: CellMark | null;
  /** The label is read out but not shown (a table's column and row headers say it). */
  labelHidden?: boolean;
  /** A unit shown after the input ("平方米"). */
  suffix?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setProblem(null);
  }, [value]);
  const commit = () => {
    if (draft === value) return setProblem(null);
    setProblem(onCommit(draft));
  };
  const shown = problem ?? mark?.message ?? null;
  const input = (
    <input
      id={id}
      data-field={field}
      value={draft}
      inputMode={inputMode}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={problem || mark?.level === 'error' ? true : undefined}
      aria-describedby={shown ? `${id}-problem` : undefined}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {suffix ? (
        <span className="input-with-suffix">
          {input}
          <span className="input-suffix">{suffix}</span>
        </span>
      ) : (
        input
      )}
      {shown && (
        <p id={`${id}-problem`} className={problem || mark?.level === 'error' ? 'field-problem' : 'field-hint'} role={problem ? 'alert' : undefined}>
          {shown}
        </p>
      )}
    </div>
  );
}

/**
 * Focus requests for form fields of a screen: the element with data-field = the requested column,
 * inside `root`, gets focus (after `onReveal` switched to the right tab).
 */
export function useFieldFocus(tableId: string, root: React.RefObject<HTMLElement | null>, onReveal?: (column: string) => void): void {
  const focus = useWorkbench((state) => state.focus);
  const focusDone = useWorkbench((state) => state.focusDone);
  const handled = useRef(0);
  useEffect(() => {
    if (!focus || focus.tableId !== tableId || focus.seq === handled.current) return;
    handled.current = focus.seq;
    onReveal?.(focus.column);
    const column = focus.column;
    // After the tab switch renders.
    requestAnimationFrame(() => {
      const element = root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(column)}"]`);
      if (!element) return; // a grid on the revealed tab carries the request out itself
      element.focus();
      element.scrollIntoView({ block: 'nearest' });
      focusDone(focus.seq);
    });
  }, [focus, tableId, root, onReveal, focusDone]);
}

export function Section({ title, children, actions, className }: { title: string; children: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <section className={`screen-section${className ? ` ${className}` : ''}`} aria-label={title}>
      <div className="screen-section-heading">
        <h3>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
