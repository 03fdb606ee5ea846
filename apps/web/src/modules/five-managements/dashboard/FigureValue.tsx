/**
 * One figure as every dashboard cell shows it: the rate, and under it numerator / denominator; 暂无数据 when nothing
 * was counted (never a rate of 0 from an empty week). Links to the area page behind it when there is one.
 */
import type { IndicatorRatio } from '@shuangjian/contracts';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { ratePct } from './figures';

export function FigureValue({ figure, path, warn, testId }: { figure: IndicatorRatio | undefined; path?: string | null; warn?: boolean; testId?: string }) {
  const { t } = useI18n();
  if (!figure || figure.den <= 0)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('five.dashboard.noData')}
      </Typography.Text>
    );
  const rate = <span style={{ fontWeight: 600, color: warn ? '#cf1322' : undefined }}>{ratePct(figure)}</span>;
  return (
    <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {path ? <Link to={path}>{rate}</Link> : rate}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
        {figure.num}/{figure.den}
      </Typography.Text>
    </span>
  );
}
