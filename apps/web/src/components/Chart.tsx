/** A small ECharts wrapper: init on mount, update on option change, resize with the container. Animation off by default. */
import * as echarts from 'echarts';
import { type CSSProperties, useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsOption;

export function Chart({ option, style, onClick }: { option: ChartOption; style?: CSSProperties; onClick?: (params: echarts.ECElementEvent) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
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
