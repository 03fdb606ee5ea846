/** One figure, clickable: its rate coloured by how it stands (num/den beside it), linking to the page with its records. */
import type { Figure, MetricKey } from '@shuangjian/contracts';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { metricLink, pct, TONE_COLORS, toneOf } from './figures';

/** `stacked`: num/den under the rate (narrow cells, cards on a phone). */
export function FigureLink({ k, f, semesterId, big, stacked, testId }: { k: MetricKey; f: Figure | undefined; semesterId?: string | null; big?: boolean; stacked?: boolean; testId?: string }) {
  const { t } = useI18n();
  const rate = pct(f);
  if (!f || rate === null)
    return (
      <Typography.Text type="secondary" style={{ fontSize: big ? 20 : undefined, whiteSpace: 'nowrap' }} data-testid={testId}>
        {t('sv.home.noData')}
      </Typography.Text>
    );
  return (
    <Link to={metricLink(k, semesterId)} data-testid={testId} style={{ whiteSpace: 'nowrap' }} title={`${f.num}/${f.den}`}>
      <span style={{ fontWeight: 600, fontSize: big ? 24 : undefined, color: TONE_COLORS[toneOf(k, f)] }}>{rate}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: stacked ? 0 : 6, display: stacked ? 'block' : 'inline' }}>
        {f.num}/{f.den}
      </Typography.Text>
    </Link>
  );
}
