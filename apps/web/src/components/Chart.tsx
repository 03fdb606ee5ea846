/**
 * The one ECharts wrapper: init on mount, update on option change, resize with the container; animation off by default.
 * Only the series and components the pages use are loaded (echarts/core); a chart needing another one adds it here,
 * and ChartOption's type refuses an option of a kind not listed.
 */
import { BarChart, type BarSeriesOption, HeatmapChart, type HeatmapSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  CalendarComponent,
  type CalendarComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapPiecewiseComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type EChartsType, init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

register([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CalendarComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | CalendarComponentOption
  | VisualMapComponentOption
>;

export function Chart({ option, style, onClick }: { option: ChartOption; style?: CSSProperties; onClick?: (params: ECElementEvent) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height: 320, ...style }} />;
}
