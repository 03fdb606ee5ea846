/** Home of the district office and inspectors: this week's figures beside last week's, then the schools and classes to look at. */
import { RightOutlined } from '@ant-design/icons';
import type { DistrictHome as DistrictHomeData, Figures } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { Figure } from '../../../components/Figure';
import { formatDay, hwKey } from '../components/model';
import { overColor, percent, withinColor } from '../components/rates';

type Home = z.infer<typeof DistrictHomeData>;
type Reason = Home['schools'][number]['reasons'][number];

function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useI18n();
  const color: Record<Reason, string> = { overloaded: 'red', belowTarget: 'orange', noReports: 'default' };
  return (
    <Space size={0} wrap>
      {reasons.map((r) => (
        <Tag key={r} color={color[r]}>
          {t(`hwv.home.reason.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}

function RatesLine({ f, target }: { f: z.infer<typeof Figures>; target: number }) {
  const { t } = useI18n();
  return (
    <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
      <span style={{ color: withinColor(f.withinLimitRate, target) }}>
        {t('hwv.district.cellWithin')} {percent(f.withinLimitRate)}
      </span>
      {' · '}
      <span>
        {t('hwv.district.cellReporting')} {percent(f.reportingRate)}
      </span>
      {' · '}
      <span style={{ color: overColor(f.overLimitRate, target) }}>
        {t('hwv.district.cellOver')} {f.overloadedDays}/{f.reportedDays}
      </span>
    </Typography.Text>
  );
}

export function DistrictHome() {
  const { t, locale } = useI18n();
  const q = useQuery({ queryKey: hwKey('home-district'), queryFn: () => api.get<Home>('/api/homework/home/district') });
  const d = q.data;
  const target = d?.target ?? 0.9;
  const p = Math.round(target * 100);
  const vsLast = (v: number | null | undefined) => t('hwv.home.lastWeek', { v: percent(v) });
  const basisNote = d ? (d.basis === d.week.weekStart ? t('hwv.home.basisThisWeek') : t('hwv.home.basisLastWeek')) : '';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home-district">
      <QueryError error={q.error} />
      <Card
        title={d ? t('hwv.home.thisWeek', { from: formatDay(d.week.weekStart, locale), to: formatDay(d.today, locale) }) : t('hwv.thisWeek')}
        extra={<Link to="/homework/district">{t('hwv.home.openDashboard')}</Link>}
        loading={q.isLoading}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Figure
              testId="home-kpi-within"
              title={t('hwv.withinRate')}
              value={percent(d?.week.withinLimitRate)}
              color={withinColor(d?.week.withinLimitRate, target)}
              extra={<Typography.Text type="secondary">{vsLast(d?.lastWeek.withinLimitRate)}</Typography.Text>}
              note={t('hwv.note.within', { p, n: d?.week.reporters ?? 0 })}
            />
          </Col>
          <Col xs={24} sm={8}>
            <Figure
              testId="home-kpi-over"
              title={t('hwv.overRate')}
              value={percent(d?.week.overLimitRate)}
              color={overColor(d?.week.overLimitRate, target)}
              extra={<Typography.Text type="secondary">{vsLast(d?.lastWeek.overLimitRate)}</Typography.Text>}
              note={t('hwv.note.overRate', { over: d?.week.overloadedDays ?? 0, days: d?.week.reportedDays ?? 0, tol: Math.round((1 - target) * 100) })}
            />
          </Col>
          <Col xs={24} sm={8}>
            <Figure
              testId="home-kpi-reporting"
              title={t('hwv.reportingRate')}
              value={percent(d?.week.reportingRate)}
              extra={<Typography.Text type="secondary">{vsLast(d?.lastWeek.reportingRate)}</Typography.Text>}
              note={t('hwv.note.reporting', { n: d?.week.reporters ?? 0, m: d?.week.students ?? 0 })}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('hwv.home.schoolsToWatch')} extra={<Typography.Text type="secondary">{basisNote}</Typography.Text>} loading={q.isLoading} style={{ height: '100%' }}>
            <List
              dataSource={d?.schools}
              locale={{ emptyText: t('hwv.home.noneToWatch') }}
              data-testid="home-watch-schools"
              renderItem={(s) => (
                <List.Item extra={<Link to={`/homework/district${qs({ school: s.schoolId })}`}><RightOutlined /></Link>}>
                  <List.Item.Meta
                    title={
                      <Link to={`/homework/district${qs({ school: s.schoolId })}`} data-testid="home-watch-school">
                        {s.schoolName}
                      </Link>
                    }
                    description={
                      <Space orientation="vertical" size={2}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.zoneName}
                        </Typography.Text>
                        <RatesLine f={s} target={target} />
                        <Reasons reasons={s.reasons} />
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('hwv.home.classesToWatch')} extra={<Typography.Text type="secondary">{basisNote}</Typography.Text>} loading={q.isLoading} style={{ height: '100%' }}>
            <List
              dataSource={d?.classes}
              locale={{ emptyText: t('hwv.home.noneToWatch') }}
              data-testid="home-watch-classes"
              renderItem={(c) => {
                const link = `/homework/class${qs({ classId: c.classId })}`;
                return (
                  <List.Item extra={<Link to={link}><RightOutlined /></Link>}>
                    <List.Item.Meta
                      title={
                        <Link to={link} data-testid="home-watch-class">
                          {c.schoolName} {c.className}
                        </Link>
                      }
                      description={
                        <Space orientation="vertical" size={2}>
                          <RatesLine f={c} target={target} />
                          <Reasons reasons={c.reasons} />
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
