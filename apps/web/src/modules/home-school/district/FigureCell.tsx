/** One figure in a table cell: a rate with num/den (暂无数据 when nothing was counted), a count, or done / not yet. */
import type { IndicatorRatio } from '@shuangjian/contracts';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { type HsFigureSpec, ratePct } from './figures';

export function FigureCell({ spec, figure, yesNo }: { spec: HsFigureSpec; figure: IndicatorRatio | undefined; yesNo?: boolean }) {
  const { t } = useI18n();
  if (yesNo) return (figure?.num ?? 0) > 0 ? <Tag color="green">{t('hs.district.done')}</Tag> : <Tag>{t('hs.district.notYet')}</Tag>;
  if (spec.kind === 'count') return <span style={{ fontWeight: 600 }}>{figure?.num ?? 0}</span>;
  const rate = ratePct(figure);
  if (rate === null) return <Typography.Text type="secondary">{t('hs.district.noData')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={{ fontWeight: 600 }}>{rate}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
        {figure!.num}/{figure!.den}
      </Typography.Text>
    </span>
  );
}
