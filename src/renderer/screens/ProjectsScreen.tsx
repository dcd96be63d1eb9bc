import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edit } from '../../core/edits';
import type { Fen } from '../../core/money';
import type { Project, Workbook } from '../../core/model';
import { PROJECT_TYPE_LABELS, projectCodec } from '../../core/workbench';
import { collectionEdits, listSuggestions, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import type { Suggestion } from '../grid/types';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { ProjectDetail } from './ProjectDetail';
import { ScreenHeading } from './ScreenHeading';

export function ProjectsScreen({ workbook }: { workbook: Workbook }) {
  const projectId = useWorkbench((state) => state.projectId);
  const project = projectId ? workbook.projects.find((candidate) => candidate.id === projectId) : undefined;
  return project ? <ProjectDetail key={project.id} workbook={workbook} project={project} /> : <ProjectList workbook={workbook} />;
}

/** Line totals per project, for the list's amount column and the detail's heading. */
export function useProjectTotals(workbook: Workbook): (projectId: string) => { amount: Fen; lines: number } {
  const totals = useMemo(() => {
    const map = new Map<string, { amount: Fen; lines: number }>();
    for (const line of workbook.budgetLines) {
      if (line.projectId === null) continue;
      const entry = map.get(line.projectId) ?? { amount: 0, lines: 0 };
      entry.amount += line.amount;
      entry.lines += 1;
      map.set(line.projectId, entry);
    }
    return map;
  }, [workbook.budgetLines]);
  return useCallback((projectId: string) => totals.get(projectId) ?? { amount: 0, lines: 0 }, [totals]);
}

function ProjectList({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const go = useWorkbench((state) => state.go);
  const totals = useProjectTotals(workbook);
  const codec = useMemo(() => projectCodec(totals), [totals]);
  const [activeKey, setActiveKey] = useState('');
  const onlyUnit = workbook.units.length === 1 ? workbook.units[0]?.id : undefined;
  const defaults = useMemo<Partial<Project>>(() => ({ type: 'specificGoal', continuing: false, ...(onlyUnit ? { unitId: onlyUnit } : {}) }), [onlyUnit]);
  const persist = useCallback(
    (puts: Project[], deletes: string[]) => {
      // A project goes with its lines: the file refuses lines that name a deleted project.
      const lines = deletes.length > 0 ? workbook.budgetLines.filter((line) => line.projectId !== null && deletes.includes(line.projectId)) : [];
      const edits: Edit[] = [...collectionEdits('budgetLines', [], lines.map((line) => line.id)), ...collectionEdits('projects', puts, deletes)];
      void edit(edits);
    },
    [edit, workbook.budgetLines],
  );
  const columns = useMemo<EntryColumn[]>(
    () => [
      { id: 'code', header: t('project.code'), width: 200 },
      { id: 'name', header: t('project.name'), width: 260 },
      { id: 'unitId', header: t('column.unit'), width: 170 },
      { id: 'type', header: t('project.type'), width: 110 },
      { id: 'continuing', header: t('project.continuing'), width: 80 },
      { id: 'amount', header: t('column.amount', { unit: t(`moneyUnit.${ctx.entryUnit}`) }), width: 130 },
      { id: 'indicators', header: t('project.indicatorCount'), width: 90 },
    ],
    [t, ctx.entryUnit],
  );
  const suggest = useCallback(
    (_row: unknown, column: string, text: string): Suggestion[] => {
      if (column === 'unitId') return listSuggestions(ctx.units.map((unit) => ({ value: unit.name, label: unit.name, detail: unit.code })), text);
      if (column === 'type') {
        return listSuggestions(
          Object.values(PROJECT_TYPE_LABELS).map((labels) => ({ value: labels[ctx.language], label: labels[ctx.language] })),
          text,
        );
      }
      return [];
    },
    [ctx],
  );
  const active = workbook.projects.find((project) => project.id === activeKey);
  const total = useMemo(() => workbook.projects.reduce((sum, project) => sum + totals(project.id).amount, 0), [workbook.projects, totals]);

  return (
    <main className="screen grid-screen">
      <ScreenHeading title={t('project.listTitle')} total={total} unit={workbook.settings.entryUnit} hint={t('project.listHint')} />
      <EntryGrid
        id="projects"
        label={t('project.listTitle')}
        records={workbook.projects}
        codec={codec}
        columns={columns}
        ctx={ctx}
        defaults={defaults}
        persist={persist}
        suggest={suggest}
        onActiveRowChange={setActiveKey}
        toolbar={
          <button type="button" className="primary" disabled={!active} onClick={() => active && go('projects', active.id)}>
            {active ? t('project.openNamed', { name: active.name }) : t('project.open')}
          </button>
        }
      />
    </main>
  );
}
