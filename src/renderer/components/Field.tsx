import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../forms';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange(value: string): void;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/** A labelled text input with an optional hint and a problem message naming the field. */
export function Field({ label, value, onValueChange, hint, problem, className, ...input }: FieldProps) {
  const { t } = useTranslation('app');
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        {...input}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {t(problem.key, { field: label, ...problem.params })}
        </p>
      )}
    </div>
  );
}
