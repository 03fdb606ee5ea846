/**
 * A class's figures over the range, each with the line that says what it counts. Completion counts only families who
 * reported (the reporting rate stands beside it); a bedtime stop is within the limit for the child and over-load for the
 * class, so completion can be full while a day is over-loaded — the lines say which children made which figure.
 */
import type { ClassDayStat } from '@shuangjian/contracts';
import { Col, Row, Typography } from 'antd';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { finishedShare, overColor, percent, ratio, withinColor } from '../components/rates';

type Stat = z.infer<typeof ClassDayStat>;

export function classTotals(days: Stat[]) {
  const published = days.filter((d) => d.published);
  const reported = days.filter((d) => d.reporters > 0);
  const sum = (list: Stat[], f: (d: Stat) => number) => list.reduce((s, d) => s + f(d), 0);
  const reporters = sum(reported, (d) => d.reporters);
  const within = sum(reported, (d) => d.withinLimit);
  const bedtime = sum(reported, (d) => d.bedtimeStops);
  return {
    published: published.length,
    reportedDays: reported.length,
    overloaded: reported.filter((d) => d.overloaded).length,
    students: sum(published, (d) => d.students),
    reporters,
    within,
    bedtime,
    lateNights: sum(reported, (d) => d.lateNights),
    withinRate: ratio(within, reporters),
    finishedRate: finishedShare(within, bedtime, reporters),
    bedtimeRate: ratio(bedtime, reporters),
    reportingRate: ratio(reporters, sum(published, (d) => d.students)),
    /** No day of the range allows written homework at home (grades 1–2 by default). */
    noWritten: published.length > 0 && published.every((d) => d.limit === 0),
    writtenDays: published.filter((d) => d.plannedWritten > 0).length,
  };
}

export function ClassFigures({ days, target, loading }: { days: Stat[]; target: number; loading: boolean }) {
  const { t } = useI18n();
  const x = classTotals(days);
  const p = Math.round(target * 100);
  const tol = Math.round((1 - target) * 100);
  const overRate = ratio(x.overloaded, x.reportedDays);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="class-fig-published"
          title={t('hwv.class.publishedDays')}
          value={x.published}
          loading={loading}
          note={x.noWritten ? t('hwv.class.note.publishedNoWritten') : t('hwv.class.note.published', { n: x.writtenDays })}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          testId="class-fig-within"
          title={t('hwv.withinRate')}
          value={percent(x.withinRate)}
          color={withinColor(x.withinRate, target)}
          loading={loading}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="class-fig-within-split">
              {t('hwv.class.withinSplit', { finished: percent(x.finishedRate), bedtime: percent(x.bedtimeRate) })}
            </Typography.Text>
          }
          note={t('hwv.class.note.within', { n: x.reporters, p })}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          testId="class-fig-reporting"
          title={t('hwv.reportingRate')}
          value={percent(x.reportingRate)}
          loading={loading}
          note={t('hwv.note.reporting', { n: x.reporters, m: x.students })}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Figure
          testId="class-fig-overloaded"
          title={t('hwv.class.overloadedDays')}
          value={`${x.overloaded} / ${x.reportedDays}`}
          color={x.reportedDays ? overColor(overRate, target) : undefined}
          loading={loading}
          note={x.noWritten ? t('hwv.class.note.overloadedNoWritten', { tol }) : t('hwv.class.note.overloaded', { tol, rate: percent(overRate) })}
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Figure
          testId="class-fig-bedtime"
          title={t('hwv.bedtimeStops')}
          value={x.bedtime}
          loading={loading}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hwv.class.lateNights', { n: x.lateNights })}
            </Typography.Text>
          }
          note={t('hwv.class.note.bedtime')}
        />
      </Col>
    </Row>
  );
}
