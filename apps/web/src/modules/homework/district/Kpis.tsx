/** The district's figures for the latest week with reports in the range, each with a line saying what it counts. */
import { Col, Row, Tag, Typography } from 'antd';
import { addDays } from '@shuangjian/policy';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { formatDay } from '../components/model';
import { overColor, percent, withinColor } from '../components/rates';
import { type Weekly, weekLabel } from './types';

export function Kpis({ data, loading }: { data: Weekly | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const week = data?.weeks.filter((w) => w.reporters > 0).at(-1);
  const target = data?.target ?? 0.9;
  const p = Math.round(target * 100);
  const tol = Math.round((1 - target) * 100);
  const when = week ? t('hwv.district.kpiWeek', { w: weekLabel(week.weekStart) }) : '';
  const partial =
    week?.partial && data ? (
      <Tag color="gold" style={{ marginInlineStart: 6 }} data-testid="district-kpi-partial">
        {t('hwv.partialUntil', { date: formatDay([addDays(week.weekStart, 6), data.to, data.today].sort()[0]!, locale) })}
      </Tag>
    ) : null;
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {week ? t('hwv.district.kpiBasis', { w: formatDay(week.weekStart, locale) }) : t('hwv.district.kpiNone')}
        {partial}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Figure
            testId="district-kpi-within"
            title={`${t('hwv.withinRate')} · ${when}`}
            value={percent(week?.withinLimitRate)}
            color={withinColor(week?.withinLimitRate, target)}
            loading={loading}
            note={t('hwv.note.within', { p, n: week?.reporters ?? 0 })}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Figure
            testId="district-kpi-reporting"
            title={`${t('hwv.reportingRate')} · ${when}`}
            value={percent(week?.reportingRate)}
            loading={loading}
            note={t('hwv.note.reporting', { n: week?.reporters ?? 0, m: week?.students ?? 0 })}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Figure
            testId="district-kpi-over"
            title={`${t('hwv.overRate')} · ${when}`}
            value={percent(week?.overLimitRate)}
            color={overColor(week?.overLimitRate, target)}
            loading={loading}
            note={t('hwv.note.overRate', { over: week?.overloadedDays ?? 0, days: week?.reportedDays ?? 0, tol })}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Figure
            testId="district-kpi-bedtime"
            title={`${t('hwv.bedtimeStops')} · ${when}`}
            value={week?.bedtimeStops ?? '–'}
            loading={loading}
            note={t('hwv.note.bedtime')}
          />
        </Col>
      </Row>
    </>
  );
}
