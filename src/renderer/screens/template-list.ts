import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbook } from '../../core/model';
import { TEMPLATES, templateForWorkbook } from '../../core/templates';
import type { ApiErrorPayload, ApiResult, TemplateEntryPayload } from '../../shared/api';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';

export type TemplateList = ApiResult<'templates.list'>;

export function errorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof ApiCallError) return error.payload;
  console.error(error);
  return { code: 'errors:internal', params: {} };
}

/**
 * What templates.list says (every template, the folder's broken files, the workbook's own), fetched when a
 * screen opens and again whenever the workbook's template changes (a choice, an undo, another file).
 */
export function useTemplateList(workbook: Workbook): { list: TemplateList | null; problem: string | null; reload(): void } {
  const { i18n } = useTranslation();
  const api = useApp((state) => state.api);
  const [list, setList] = useState<TemplateList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const { template, templateDocument } = workbook.settings;

  useEffect(() => {
    let cancelled = false;
    api.call('templates.list', {}).then(
      (result) => {
        if (cancelled) return;
        setList(result);
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        const payload = errorPayload(error);
        setProblem(errorMessage(i18n, payload.code, payload.params));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, i18n, template, templateDocument, asked]);

  const reload = useCallback(() => setAsked((count) => count + 1), []);
  return { list, problem, reload };
}

/**
 * The templates a clerk can choose from, for a select: the list's (built-in, folder, the workbook's own), or
 * the built-ins and the workbook's own while the list is on its way; the workbook's own is always there.
 */
export function templateChoices(workbook: Workbook, list: TemplateList | null): Pick<TemplateEntryPayload, 'id' | 'name' | 'origin'>[] {
  const choices: Pick<TemplateEntryPayload, 'id' | 'name' | 'origin'>[] = list
    ? list.templates.map(({ id, name, origin }) => ({ id, name, origin }))
    : Object.values(TEMPLATES).map(({ id, name }) => ({ id, name, origin: 'builtin' as const }));
  const own = templateForWorkbook(workbook);
  if (own && !choices.some((choice) => choice.id === own.id)) choices.push({ id: own.id, name: own.name, origin: 'workbook' });
  return choices;
}
