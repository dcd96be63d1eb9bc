import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listSuggestions } from '../grid/bindings';
import type { Suggestion } from '../grid/types';
import type { EntryColumn } from '../grid/useEntryGrid';

/**
 * The indicator levels the provinces' forms use (财政部 绩效指标体系): 一级 → its 二级. Province
 * wording, so offered as choices; any other text is kept as typed.
 */
const LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

const option = (text: string): Suggestion => ({ value: text, label: text });

export function indicatorSuggestions(level1: string, column: string, text: string): Suggestion[] {
  if (column === 'level1') return listSuggestions(Object.keys(LEVELS).map(option), text);
  if (column === 'level2') {
    const key = Object.keys(LEVELS).find((name) => level1.includes(name.slice(0, 2)));
    const choices = key ? (LEVELS[key] ?? []) : Object.values(LEVELS).flat();
    return listSuggestions(choices.map(option), text);
  }
  return [];
}

export function useIndicatorColumns(): EntryColumn[] {
  const { t } = useTranslation('workbench');
  return useMemo(
    () => [
      { id: 'level1', header: t('indicator.level1'), width: 110 },
      { id: 'level2', header: t('indicator.level2'), width: 150 },
      { id: 'level3', header: t('indicator.level3'), width: 200 },
      { id: 'description', header: t('indicator.description'), width: 200, multiline: true },
      { id: 'value', header: t('indicator.value'), width: 130 },
      { id: 'valueNote', header: t('indicator.valueNote'), width: 200, multiline: true },
    ],
    [t],
  );
}
