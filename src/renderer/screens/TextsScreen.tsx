import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Texts, Workbook } from '../../core/model';
import { applyToList, glossaryCodec, reasonCodec, withIds, withoutIds, type GlossaryRow, type ReasonRow } from '../../core/workbench';
import { listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import { useFieldMarks } from '../grid/hooks';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { ScreenHeading } from './ScreenHeading';
import { Tabs, TextBlock, useFieldFocus } from './parts';

type TextTab = 'duties' | 'organization' | 'reasons' | 'glossary' | 'other';
const NO_DEFAULTS = {};

/** The narrative figures a reason may explain (keys of texts.reasons, as the narrative names them). */
export const REASON_KEYS = [
  'total',
  'income.total',
  'basic',
  'project',
  'basic.personnel',
  'basic.public',
  'fiscal.total',
  'fiscal.gen',
  'fiscal.fund',
  'fiscal.capital',
  'sanGong.total',
  'sanGong.abroad',
  'sanGong.reception',
  'sanGong.vehiclePurchase',
  'sanGong.vehicleRunning',
  'meeting',
  'training',
  'operatingCost',
];

/** 主要职责, 机构设置, reasons for changes, the glossary and other notes. */
export function TextsScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const texts = workbook.texts;
  const [tab, setTab] = useState<TextTab>('duties');
  const root = useRef<HTMLElement>(null);
  const reasonMarks = useFieldMarks('text', 'reasons');
  const otherMarks = useFieldMarks('text', 'other');
  useFieldFocus(
    'texts',
    root,
    useCallback((column: string) => setTab(column === '' || column === 'other' ? 'other' : 'reasons'), []),
  );

  const save = useCallback((value: Texts) => void edit([{ op: 'set', key: 'texts', value }]), [edit]);
  const figures = useMemo(
    () => REASON_KEYS.map((key) => ({ key, label: i18n.t(`checks:figureNames.${key.replace(/\./g, '_')}`) })),
    // Labels follow the interface language.
    [i18n, i18n.language],
  );
  const reasonRows = useMemo<ReasonRow[]>(() => Object.entries(texts.reasons).map(([key, text]) => ({ id: `reasons.${key}`, key, text })), [texts.reasons]);
  const reasons = useMemo(() => reasonCodec(figures), [figures]);
  const persistReasons = useCallback(
    (puts: ReasonRow[], deletes: string[]) => {
      const rows = applyToList(reasonRows, puts, deletes);
      save({ ...texts, reasons: Object.fromEntries(rows.map((row) => [row.key, row.text])) });
    },
    [reasonRows, save, texts],
  );
  const glossaryRows = useMemo<GlossaryRow[]>(() => withIds(texts.glossary, 'g'), [texts.glossary]);
  const persistGlossary = useCallback(
    (puts: GlossaryRow[], deletes: string[]) => save({ ...texts, glossary: withoutIds(applyToList(glossaryRows, puts, deletes)) }),
    [glossaryRows, save, texts],
  );
  const reasonColumns = useMemo<EntryColumn[]>(
    () => [
      { id: 'key', header: t('texts.reasonFigure'), width: 220 },
      { id: 'text', header: t('texts.reasonText'), width: 760, multiline: true },
    ],
    [t],
  );
  const glossaryColumns = useMemo<EntryColumn[]>(
    () => [
      { id: 'term', header: t('texts.term'), width: 220 },
      { id: 'explanation', header: t('texts.explanation'), width: 760, multiline: true },
    ],
    [t],
  );
  const reasonSuggest = useCallback(
    (_row: unknown, column: string, text: string) => (column === 'key' ? listSuggestions(figures.map((figure) => ({ value: figure.label, label: figure.label })), text) : []),
    [figures],
  );
  const reasonMark = [...reasonMarks.values()][0] ?? null;

  return (
    <main className="screen grid-screen" ref={root}>
      <ScreenHeading title={t('texts.title')} hint={t('texts.hint')} />
      <Tabs<TextTab>
        label={t('texts.title')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'duties', label: t('texts.duties') },
          { id: 'organization', label: t('texts.organization') },
          { id: 'reasons', label: t('texts.reasons'), count: reasonRows.length },
          { id: 'glossary', label: t('texts.glossary'), count: texts.glossary.length },
          { id: 'other', label: t('texts.other') },
        ]}
      />
      {tab === 'duties' && <TextBlock label={t('texts.duties')} field="duties" rows={16} value={texts.duties} onCommit={(duties) => save({ ...texts, duties })} />}
      {tab === 'organization' && (
        <TextBlock label={t('texts.organization')} field="organization" rows={16} value={texts.organization} onCommit={(organization) => save({ ...texts, organization })} />
      )}
      {tab === 'reasons' && (
        <>
          {reasonMark && <p className={`field-mark ${reasonMark.level}`}>{reasonMark.message}</p>}
          <EntryGrid id="texts" label={t('texts.reasons')} records={reasonRows} codec={reasons} columns={reasonColumns} ctx={ctx} defaults={NO_DEFAULTS} persist={persistReasons} suggest={reasonSuggest} />
        </>
      )}
      {tab === 'glossary' && (
        <EntryGrid id="glossary" label={t('texts.glossary')} records={glossaryRows} codec={glossaryCodec} columns={glossaryColumns} ctx={ctx} defaults={NO_DEFAULTS} persist={persistGlossary} />
      )}
      {tab === 'other' && (
        <TextBlock label={t('texts.other')} field="other" rows={12} value={texts.other} mark={[...otherMarks.values()][0] ?? null} onCommit={(other) => save({ ...texts, other })} />
      )}
    </main>
  );
}
