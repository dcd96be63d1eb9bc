import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { catalogFor } from '../../core/catalog';
import { fundNode } from '../../core/funds';
import { formatMoney, moneyToNumber, percentOf, type Fen } from '../../core/money';
import type { Workbook } from '../../core/model';
import { summaryFigures } from '../../core/workbench';
import { EChart } from '../charts/EChart';
import { ScreenHeading } from './ScreenHeading';

const PALETTE = ['#1f6f8b', '#4f9d69', '#d08c2b', '#b3261e', '#7a5ea8', '#5b7083', '#2a9d8f', '#c9604b'];

/** Where the money comes from and goes, and how it moved against last year. */
export function SummaryScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const unit = workbook.settings.entryUnit;
  const unitName = t(`moneyUnit.${unit}`);
  const english = i18n.language === 'en';
  const figures = useMemo(() => summaryFigures(workbook, catalogFor(workbook.catalogEntries)), [workbook]);
  const value = (fen: Fen) => moneyToNumber(fen, unit);
  const money = (fen: Fen) => formatMoney(fen, unit);

  const options = useMemo(() => {
    const pieTooltip = { trigger: 'item', valueFormatter: (number: number) => `${number.toFixed(2)} ${unitName}` };
    const pie = (data: { name: string; value: number }[]): EChartsCoreOption => ({
      color: PALETTE,
      tooltip: pieTooltip,
      legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          radius: ['36%', '62%'],
          center: ['50%', '44%'],
          label: { formatter: '{b}\n{d}%', fontSize: 12 },
          data,
        },
      ],
    });
    const income = pie(figures.incomeByFund.map((entry) => ({ name: (english ? fundNode(entry.fund)?.nameEn : fundNode(entry.fund)?.name) ?? entry.fund, value: value(entry.amount) })));
    const nature = pie(figures.byNature.map((entry) => ({ name: t(`summary.nature.${entry.key}`), value: value(entry.amount) })));
    const classes = [...figures.byFunctionClass].reverse();
    const functionBars: EChartsCoreOption = {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (number: number) => `${number.toFixed(2)} ${unitName}` },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: unitName, nameTextStyle: { fontSize: 11 } },
      yAxis: { type: 'category', data: classes.map((entry) => `${entry.code} ${entry.name}`), axisLabel: { fontSize: 12 } },
      series: [{ type: 'bar', data: classes.map((entry) => value(entry.amount)), label: { show: true, position: 'right', fontSize: 11 }, barMaxWidth: 26 }],
    };
    const change: EChartsCoreOption = {
      color: ['#9aa5b1', '#1f6f8b'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (number: number) => `${number.toFixed(2)} ${unitName}` },
      legend: { top: 0, data: [t('summary.prior'), t('summary.current')] },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: figures.change.map((entry) => i18n.t(`checks:figureNames.${entry.key.replace(/\./g, '_')}`)), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', name: unitName, nameTextStyle: { fontSize: 11 } },
      series: [
        { name: t('summary.prior'), type: 'bar', data: figures.change.map((entry) => (entry.prior === null ? null : value(entry.prior))), barMaxWidth: 22 },
        { name: t('summary.current'), type: 'bar', data: figures.change.map((entry) => value(entry.current)), barMaxWidth: 22 },
      ],
    };
    return { income, nature, functionBars, change };
    // value() and money() depend only on the unit.
  }, [figures, english, t, i18n, unitName, unit]);

  const hasPrior = figures.change.some((entry) => entry.prior !== null);

  return (
    <main className="screen summary-screen">
      <ScreenHeading title={t('summary.title')} hint={t('summary.hint', { unit: unitName })} />
      <div className="chart-grid">
        <section className="chart-card" aria-label={t('summary.income')}>
          <h3>{t('summary.income')}</h3>
          {figures.incomeByFund.length > 0 ? <EChart option={options.income} label={t('summary.income')} testId="chart-income" /> : <p className="muted">{t('summary.empty')}</p>}
        </section>
        <section className="chart-card" aria-label={t('summary.byNature')}>
          <h3>{t('summary.byNature')}</h3>
          {figures.byNature.length > 0 ? <EChart option={options.nature} label={t('summary.byNature')} testId="chart-nature" /> : <p className="muted">{t('summary.empty')}</p>}
        </section>
        <section className="chart-card" aria-label={t('summary.byFunction')}>
          <h3>{t('summary.byFunction')}</h3>
          {figures.byFunctionClass.length > 0 ? <EChart option={options.functionBars} label={t('summary.byFunction')} testId="chart-function" /> : <p className="muted">{t('summary.empty')}</p>}
        </section>
        <section className="chart-card" aria-label={t('summary.change')}>
          <h3>{t('summary.change')}</h3>
          <EChart option={options.change} label={t('summary.change')} testId="chart-change" />
          {!hasPrior && <p className="muted chart-note">{t('summary.noPrior')}</p>}
          <table className="change-table">
            <tbody>
              {figures.change.map((entry) => {
                const difference = entry.prior === null ? null : entry.current - entry.prior;
                const share = entry.prior === null || difference === null ? null : percentOf(difference, entry.prior);
                return (
                  <tr key={entry.key}>
                    <th scope="row">{i18n.t(`checks:figureNames.${entry.key.replace(/\./g, '_')}`)}</th>
                    <td>{money(entry.current)}</td>
                    <td>{difference === null ? '—' : `${difference >= 0 ? '+' : ''}${money(difference)}${share === null ? '' : ` (${difference >= 0 ? '+' : ''}${share}%)`}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}
