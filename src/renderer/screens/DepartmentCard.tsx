import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../core/model';
import { Field } from '../components/Field';
import { checkDepartment, departmentDraft, type DepartmentDraft, type DepartmentField, type Problems } from '../forms';
import { useApp } from '../state/context';
import { useFieldFocus } from './parts';

/**
 * The department's own fields. A change is committed when the clerk leaves the field or presses
 * Enter: each commit is one edit, saved at once, undoable.
 */
export function DepartmentCard({ department }: { department: Department }) {
  const { t } = useTranslation('app');
  const edit = useApp((state) => state.edit);
  const [draft, setDraft] = useState<DepartmentDraft>(() => departmentDraft(department));
  const [problems, setProblems] = useState<Problems<DepartmentField>>({});
  const root = useRef<HTMLElement>(null);
  // Findings about the department's facts (a missing 公开日期 …) lead here.
  useFieldFocus('department', root);

  // Undo/redo and other edits replace the department; show what the file holds.
  useEffect(() => {
    setDraft(departmentDraft(department));
    setProblems({});
  }, [department]);

  const commit = async () => {
    const checked = checkDepartment(draft);
    setProblems(checked.problems);
    const value = checked.value;
    if (!value) return;
    if (
      value.code === department.code &&
      value.name === department.name &&
      value.year === department.year &&
      value.publishedOn === department.publishedOn
    )
      return;
    await edit([{ op: 'set', key: 'department', value: { ...department, ...value } }]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void commit();
  };

  const set = (field: DepartmentField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  return (
    <section className="card" aria-labelledby="department-title" ref={root}>
      <h2 id="department-title">{t('workbook.departmentTitle')}</h2>
      <form className="field-row department-form" onSubmit={submit} onBlur={() => void commit()} noValidate>
        <Field label={t('department.code')} value={draft.code} onValueChange={set('code')} problem={problems.code} className="narrow" />
        <Field label={t('department.name')} value={draft.name} onValueChange={set('name')} problem={problems.name} className="wide" />
        <Field
          label={t('department.year')}
          value={draft.year}
          onValueChange={set('year')}
          problem={problems.year}
          inputMode="numeric"
          className="narrow"
        />
        <Field
          label={t('department.publishedOn')}
          value={draft.publishedOn}
          onValueChange={set('publishedOn')}
          problem={problems.publishedOn}
          hint={t('department.publishedOnHint')}
          data-field="publishedOn"
          className="narrow"
        />
        {/* Enter in a field submits the form; the button itself stays out of sight. */}
        <button type="submit" hidden />
      </form>
    </section>
  );
}
