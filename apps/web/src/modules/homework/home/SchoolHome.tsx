/** Home of academic affairs (教务处): today's publication progress per school and this week's figures; what waits for approval is the to-do card below it. */
import type { SchoolHome as SchoolHomeData } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { formatDay, hwKey } from '../components/model';
import { percent, withinColor } from '../components/rates';

type Home = z.infer<typeof SchoolHomeData>;

export function SchoolHome() {
  const { t, locale } = useI18n();
  const q = useQuery({ queryKey: hwKey('home-school'), queryFn: () => api.get<Home>('/api/homework/home/school') });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home-school">
      <QueryError error={q.error} />
      {q.data?.schools.map((s) => {
        const schoolDay = s.dayKind === 'school_day';
        return (
          <Card
            key={s.schoolId}
            title={t('hwv.home.schoolToday', { school: s.schoolName, date: formatDay(s.date, locale) })}
            extra={<Link to={`/homework/school?schoolId=${s.schoolId}`}>{t('menu.homework.school')}</Link>}
          >
            <Row gutter={[24, 16]} align="middle">
              <Col xs={24} md={10}>
                <Typography.Text type="secondary">{t('hwv.home.publishProgress')}</Typography.Text>
                <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }} data-testid="home-publish-progress">
                  {t('hwv.home.classesPublished', { n: s.published, total: s.classes })}
                </div>
                <Progress percent={s.classes ? Math.round((s.published / s.classes) * 100) : 0} showInfo={false} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {schoolDay ? t('hwv.home.publishNote') : t('hwv.home.noSchoolDay', { name: s.dayName ?? t(`hw.dayKind.${s.dayKind}`) })}
                </Typography.Text>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('hwv.home.plannedOver')} value={s.plannedOver} styles={{ content: { color: s.plannedOver ? '#cf1322' : undefined } }} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('hwv.home.weekWithin')} value={percent(s.week.withinLimitRate)} styles={{ content: { color: withinColor(s.week.withinLimitRate, q.data!.target) } }} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hwv.home.weekReporting', { rate: percent(s.week.reportingRate), n: s.week.reporters, m: s.week.students })}
                </Typography.Text>
              </Col>
            </Row>
          </Card>
        );
      })}
    </Space>
  );
}
