/**
 * A class-day's counted written homework against its limit: what is already set (blue), what this item adds (orange,
 * red once over), and a mark at the limit. Over the limit the bar stretches past the mark, so the excess shows.
 */
import { Flex, Typography } from 'antd';
import { useT } from '../../../app/i18n';

export function LoadBar({ limit, written, adds = 0, testId }: { limit: number; written: number; adds?: number; testId?: string }) {
  const t = useT();
  const before = Math.max(0, written - adds);
  const over = written > limit;
  const scale = Math.max(limit, written, 1);
  const pct = (n: number) => `${(n / scale) * 100}%`;
  return (
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
}
