import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_KEYS } from '../../core/checks/figures';
import type { Texts, Workbook } from '../../core/model';
import { NARRATIVE_BLOCKS } from '../../core/narrative';
import { templateForWorkbook } from '../../core/templates';
import {
  applyToList,
  glossaryCodec,
  reasonCodec,
  textBlocksFor,
  withIds,
  withoutIds,
  type GlossaryRow,
  type ReasonRow,
  type TextBlockEntry,
  type TextBlockList,
} from '../../core/workbench';
import { listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import { useFieldMarks } from '../grid/hooks';
import type { CellMark } from '../grid/types';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { ScreenHeading } from './ScreenHeading';
import { Tabs, TextBlock, useFieldFocus } from './parts';

type TextTab = 'duties' | 'organization' | 'reasons' | 'glossary' | 'blocks' | 'other';
const NO_DEFAULTS = {};

/** The tab that shows a field a finding or another screen asks for (texts.reasons keys, texts.blocks keys, "other"). */
function tabFor(column: string, blocks: readonly string[]): TextTab {
  if (column === '' || column === 'other') return 'other';
  if (column === 'duties' || column === 'organization') return column;
  if (blocks.includes(column)) return 'blocks';
  return 'reasons';
}

/** 主要职责, 机构设置, reasons for changes, the glossary, the narrative's prose blocks and other notes. */
export function TextsScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const texts = workbook.texts;
  const [tab, setTab] = useState<TextTab>('duties');
  const root = useRef<HTMLElement>(null);
  const reasonMarks = useFieldMarks('text', 'reasons');
  const otherMarks = useFieldMarks('text', 'other');
  const blockMarks = useFieldMarks('text', 'blocks');
  // The workbook's own template (a custom or folder one too), resolved from its copy.
  const template = templateForWorkbook(workbook) ?? null;
  const blocks = useMemo(() => textBlocksFor(template, texts.blocks), [template, texts.blocks]);
  const blockIds = useMemo(() => [...NARRATIVE_BLOCKS, ...blocks.entries.map((entry) => entry.block)], [blocks]);
  useFieldFocus(
    'texts',
    root,
    useCallback((column: string) => setTab(tabFor(column, blockIds)), [blockIds]),
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
          { id: 'blocks', label: t('texts.blocks'), count: blocks.entries.filter((entry) => (texts.blocks[entry.block] ?? '').trim() !== '').length },
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
      {tab === 'blocks' && (
        <TextBlocks
          list={blocks}
          templateName={template?.name ?? ''}
          texts={texts.blocks}
          marks={blockMarks}
          onCommit={(block, text) => {
            const { [block]: _old, ...others } = texts.blocks;
            // An emptied block is removed: absent and empty print the same (the heading alone).
            save({ ...texts, blocks: text.trim() === '' ? others : { ...others, [block]: text } });
          }}
        />
      )}
      {tab === 'other' && (
        <TextBlock label={t('texts.other')} field="other" rows={12} value={texts.other} mark={[...otherMarks.values()][0] ?? null} onCommit={(other) => save({ ...texts, other })} />
      )}
    </main>
  );
}

/**
 * One text area per prose block, headed as the narrative heads it: under the chosen template, or with
 * each template's heading when none is chosen. The hint says how lines are read.
 */
function TextBlocks({
  list,
  templateName,
  texts,
  marks,
  onCommit,
}: {
  list: TextBlockList;
  templateName: string;
  texts: Readonly<Record<string, string>>;
  marks: ReadonlyMap<string, CellMark>;
  onCommit(block: string, text: string): void;
}) {
  const { t } = useTranslation('workbench');
  const chosen = list.template !== null;
  const label = (entry: TextBlockEntry) => {
    if (entry.headings.length === 0) return t('texts.blockUnknown', { block: entry.block });
    if (chosen && entry.printed) return entry.headings.map((heading) => heading.heading).join(' / ');
    return entry.headings.map((heading) => t('texts.blockHeading', { heading: heading.heading, province: heading.province, template: heading.templateId })).join(' / ');
  };
  return (
    <div className="text-blocks">
      <p className="muted">{chosen ? t('texts.blocksHint', { template: templateName }) : t('texts.blocksHintAll')}</p>
      {list.entries.length === 0 && <p className="muted empty-note">{t('texts.blocksNone')}</p>}
      {list.entries.map((entry) => (
        <TextBlock
          key={entry.block}
          label={label(entry)}
          field={entry.block}
          rows={5}
          value={texts[entry.block] ?? ''}
          hint={entry.printed ? undefined : t('texts.blockNotPrinted')}
          mark={marks.get(entry.block) ?? null}
          onCommit={(text) => onCommit(entry.block, text)}
        />
      ))}
    </div>
  );
}
