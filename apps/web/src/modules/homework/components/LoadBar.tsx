/**
 * A class-day's counted written homework against its limit: what is already set (blue), what this item adds (orange,
 * red once over), and a mark at the limit. Over the limit the bar stretches past the mark, so the excess shows.
 */
import { Flex, Typography } from 'antd';
import { useT } from '../../../app/i18n';

export function LoadBar({ limit, written, adds = 0, testId, legend }: { limit: number; written: number; adds?: number; testId?: string; legend?: boolean }) {
  const t = useT();
  const before = Math.max(0, written - adds);
  const over = written > limit;
  const scale = Math.max(limit, written, 1);
  const pct = (n: number) => `${(n / scale) * 100}%`;
  const bar = (
    <Flex align="center" gap={8} data-testid={testId} data-over={over ? 'true' : 'false'}>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={written}
        aria-label={t('hw.load.bar', { written, limit })}
        style={{ position: 'relative', flex: 1, height: 14, background: '#f0f0f0', borderRadius: 7, overflow: 'hidden', minWidth: 120 }}
      >
        <div style={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: pct(before), background: over ? '#ff7875' : '#4096ff' }} />
        {adds > 0 && (
          <div
            style={{
              position: 'absolute',
              left: pct(before),
              top: 0,
              bottom: 0,
              width: pct(adds),
              background: over ? '#cf1322' : '#fa8c16',
              backgroundImage: 'repeating-linear-gradient(45deg, rgba(255,255,255,.25) 0 4px, transparent 4px 8px)',
            }}
          />
        )}
        {limit > 0 && written > limit && <div style={{ position: 'absolute', left: pct(limit), top: 0, bottom: 0, width: 2, background: '#262626' }} />}
      </div>
      <Typography.Text strong type={over ? 'danger' : undefined} style={{ whiteSpace: 'nowrap', minWidth: 92, textAlign: 'right' }}>
        {t('hw.load.ofLimit', { written, limit })}
      </Typography.Text>
    </Flex>
  );
  if (!legend || adds <= 0) return bar;
  const swatch = (color: string) => <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: color, marginInlineEnd: 4 }} />;
  return (
    <div>
      {bar}
      <Flex gap={12} wrap style={{ fontSize: 12, color: 'rgba(0,0,0,.55)', marginTop: 2 }}>
        <span>
          {swatch(over ? '#ff7875' : '#4096ff')}
          {t('hw.load.legendSet', { n: before })}
        </span>
        <span>
          {swatch(over ? '#cf1322' : '#fa8c16')}
          {t('hw.load.legendThis', { n: adds })}
        </span>
        {over && (
          <span>
            <span style={{ display: 'inline-block', width: 2, height: 10, background: '#262626', marginInlineEnd: 4 }} />
            {t('hw.load.legendLimit', { n: limit })}
          </span>
        )}
      </Flex>
    </div>
  );
}
