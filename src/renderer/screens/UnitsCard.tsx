import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../core/model';
import { FUNDING_FORMS, UNIT_GRADES, unitProfile, withUnitProfile, type UnitProfile } from '../../core/workbench';
import { Field } from '../components/Field';
import { UNIT_COUNT_FIELDS, checkUnit, newId, unitDraft, type Problems, type UnitDraft, type UnitField } from '../forms';
import { useApp } from '../state/context';

/** null: no form; 'new': adding; otherwise the id of the unit being edited. */
type Editing = null | 'new' | string;

export function UnitsCard({ units }: { units: Unit[] }) {
  const { t } = useTranslation('app');
  const edit = useApp((state) => state.edit);
  const pending = useApp((state) => state.pending > 0);
  const [editing, setEditing] = useState<Editing>(null);
  const editedUnit = editing && editing !== 'new' ? (units.find((unit) => unit.id === editing) ?? null) : null;

  // The unit being edited may vanish (undo of its creation): close the form then.
  useEffect(() => {
    if (editing && editing !== 'new' && !editedUnit) setEditing(null);
  }, [editing, editedUnit]);

  const remove = (unit: Unit) => {
    if (editing === unit.id) setEditing(null);
    void edit([{ op: 'delete', collection: 'units', id: unit.id }]);
  };

  return (
    <section className="card units-card" aria-labelledby="units-title">
      <div className="card-heading">
        <h2 id="units-title">{t('units.title')}</h2>
        <span className="muted">{t('units.count', { count: units.length })}</span>
        <button type="button" className="primary" disabled={editing === 'new'} onClick={() => setEditing('new')}>
          {t('units.add')}
        </button>
      </div>
      {editing !== null && (
        <UnitForm
          key={editing}
          unit={editedUnit}
          units={units}
          onDone={() => setEditing(null)}
        />
      )}
      {units.length === 0 ? (
        <p className="muted empty-note">{t('units.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="units-table" aria-labelledby="units-title">
            <thead>
              <tr>
                <th scope="col">{t('unit.code')}</th>
                <th scope="col">{t('unit.name')}</th>
                <th scope="col">{t('unit.kind')}</th>
                <th scope="col" className="number">{t('unit.authorizedStaff')}</th>
                <th scope="col" className="number">{t('unit.actualStaff')}</th>
                <th scope="col" className="number">{t('unit.retiredStaff')}</th>
                <th scope="col" className="actions">{t('units.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => (
                <tr key={unit.id} data-testid={`unit-row-${unit.code}`} className={editing === unit.id ? 'selected' : undefined}>
                  <td className="code">{unit.code}</td>
                  <td>{unit.name}</td>
                  <td>
                    {t(`unitKind.${unit.kind}`)}
                    <UnitProfileNote unit={unit} />
                  </td>
                  <td className="number">{unit.authorizedStaff}</td>
                  <td className="number">{unit.actualStaff}</td>
                  <td className="number">{unit.retiredStaff}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link"
                      aria-label={t('units.editNamed', { name: unit.name })}
                      onClick={() => setEditing(unit.id)}
                    >
                      {t('units.edit')}
                    </button>
                    <button
                      type="button"
                      className="link danger"
                      disabled={pending}
                      aria-label={t('units.deleteNamed', { name: unit.name })}
                      onClick={() => remove(unit)}
                    >
                      {t('units.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UnitForm({ unit, units, onDone }: { unit: Unit | null; units: Unit[]; onDone(): void }) {
  const { t } = useTranslation('app');
  const { t: tw } = useTranslation('workbench');
  const edit = useApp((state) => state.edit);
  const pending = useApp((state) => state.pending > 0);
  const [draft, setDraft] = useState<UnitDraft>(() => unitDraft(unit));
  const [profile, setProfile] = useState<UnitProfile>(() => unitProfile(unit));
  const [problems, setProblems] = useState<Problems<UnitField>>({});
  const [id] = useState(() => unit?.id ?? newId());
  const firstField = useRef<HTMLDivElement>(null);
  const title = unit ? t('units.editTitle', { name: unit.name }) : t('units.addTitle');

  useEffect(() => {
    firstField.current?.querySelector('input')?.focus();
  }, []);

  const set = (field: UnitField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUnit(draft, id, units);
    setProblems(checked.problems);
    if (!checked.unit) return;
    // 单位规格 and 经费保障形式 are free text beside the checked fields; empty ones are left out.
    if (await edit([{ op: 'put', collection: 'units', record: withUnitProfile(checked.unit, profile) }])) onDone();
  };

  return (
    <form className="unit-form" aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{title}</h3>
      <div className="field-row">
        <div ref={firstField} className="field-slot narrow">
          <Field label={t('unit.code')} value={draft.code} onValueChange={set('code')} problem={problems.code} />
        </div>
        <Field label={t('unit.name')} value={draft.name} onValueChange={set('name')} problem={problems.name} className="wide" />
        <div className="field">
          <label htmlFor="unit-kind">{t('unit.kind')}</label>
          <select id="unit-kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as UnitKind })}>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`unitKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {UNIT_COUNT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`unit.${field}`)}
            value={draft[field]}
            onValueChange={set(field)}
            problem={problems[field]}
            inputMode="numeric"
            className="count"
          />
        ))}
      </div>
      <div className="field-row">
        <Field
          label={tw('unit.grade')}
          value={profile.grade}
          onValueChange={(grade) => setProfile((current) => ({ ...current, grade }))}
          list="unit-grade-options"
          hint={tw('unit.gradeHint')}
        />
        <Field
          label={tw('unit.fundingForm')}
          value={profile.fundingForm}
          onValueChange={(fundingForm) => setProfile((current) => ({ ...current, fundingForm }))}
          list="unit-funding-form-options"
          hint={tw('unit.fundingFormHint')}
        />
        <datalist id="unit-grade-options">
          {UNIT_GRADES.map((grade) => (
            <option key={grade} value={grade} />
          ))}
        </datalist>
        <datalist id="unit-funding-form-options">
          {FUNDING_FORMS.map((form) => (
            <option key={form} value={form} />
          ))}
        </datalist>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {t('units.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('units.cancel')}
        </button>
      </div>
    </form>
  );
}

/** 单位规格 and 经费保障形式 under the unit's kind (the facts of the organisation table), when given. */
function UnitProfileNote({ unit }: { unit: Unit }) {
  const { t } = useTranslation('workbench');
  const parts = [
    unit.grade ? t('unit.gradeShown', { grade: unit.grade }) : null,
    unit.fundingForm ? t('unit.fundingFormShown', { fundingForm: unit.fundingForm }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? <span className="unit-profile">{parts.join(t('unit.profileSeparator'))}</span> : null;
}
