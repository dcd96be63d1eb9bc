import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Only what the summary screen draws is bundled: bar and pie charts, SVG output.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * One ECharts chart: SVG renderer (crisp, selectable text, no canvas), the interface language's
 * locale, animation off so a chart shows its numbers at once and screenshots are stable.
 */
export function EChart({ option, label, testId }: { option: EChartsCoreOption; label: string; testId?: string }) {
  const { i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const locale = i18n.language === 'en' ? 'EN' : 'ZH';

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, null, { renderer: 'svg', locale });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option, locale]);

  return <div ref={host} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
