/**
 * 暑期托管 (district office and schools): the year's sites — a school's own or a community site — with their sessions
 * and seats taken; set up a site, add a session inside the vacation, open a session: its roster with fees (enrol a
 * child, granting a waiver), the staff rota, a day's attendance.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { SummerSession, SummerSite } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE, type Fen, formatYuan, todayIn } from '@shuangjian/policy';
import { Button, Card, Col, Empty, Flex, InputNumber, Progress, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSummerSites } from './queries';
import { SummerSessionDrawer } from './SummerSessionDrawer';
import { SessionForm, SiteForm } from './SiteForms';
import './messages';

export default function SummerPage() {
  const { t, locale } = useI18n();
  const today = todayIn(useTimeZone() ?? DEFAULT_TIME_ZONE);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const sites = useSummerSites(year);
  const [newSite, setNewSite] = useState(false);
  const [sessionFor, setSessionFor] = useState<SummerSite | null>(null);
  /** The session opened (its site and itself read afresh from the list, so seats taken show at once). */
  const [roster, setRoster] = useState<{ siteId: string; sessionId: string } | null>(null);
  const openedSite = roster && sites.data?.items.find((s) => s.id === roster.siteId);
  const openedSession = openedSite?.sessions.find((s) => s.id === roster?.sessionId);
  const opened = openedSite && openedSession ? { site: openedSite, session: openedSession } : null;
  const y = (f: number) => formatYuan(f as Fen, { locale });
  const vacation = sites.data?.vacation;

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.summer')}
        sub={
          <>
            {t('afterSchool.care.summer.sub')}
            {' · '}
            {vacation ? t('afterSchool.care.summer.vacation', { from: vacation.startDate, to: vacation.endDate }) : t('afterSchool.care.summer.noVacation')}
          </>
        }
        extra={
          <Flex gap={8}>
            <InputNumber aria-label={t('afterSchool.care.summer.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonBefore={t('afterSchool.care.summer.year')} />
            <Button type="primary" icon={<PlusOutlined />} disabled={!vacation} onClick={() => setNewSite(true)}>
              {t('afterSchool.care.summer.newSite')}
            </Button>
          </Flex>
        }
      />
      {sites.error && <QueryError error={sites.error} />}
      {sites.data && !sites.data.items.length && <Empty description={t('afterSchool.care.summer.none')} />}
      <Row gutter={[16, 16]}>
        {sites.data?.items.map((site) => (
          <Col key={site.id} xs={24} xl={12}>
            <Card
              size="small"
              data-testid="summer-site"
              title={
                <Flex gap={8} align="center">
                  {site.name}
                  <Tag color={site.kind === 'school' ? 'blue' : 'purple'}>{t(`afterSchool.care.summer.kind.${site.kind}`)}</Tag>
                </Flex>
              }
              extra={
                site.canManage && (
                  <Button size="small" icon={<PlusOutlined />} disabled={!vacation} onClick={() => setSessionFor(site)}>
                    {t('afterSchool.care.summer.addSession')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {site.address} · {t('afterSchool.care.summer.capacity')} {site.capacity} ·{' '}
                {t(site.feeMode === 'session' ? 'afterSchool.care.summer.feeSession' : 'afterSchool.care.summer.feeWeek', { fee: y(site.feeFen) })}
              </Typography.Paragraph>
              <Table<SummerSession>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={site.sessions}
                columns={[
                  { title: t('afterSchool.care.summer.sessionName'), dataIndex: 'name' },
                  { title: t('afterSchool.care.summer.dates'), key: 'd', render: (_, s) => `${s.startDate} ~ ${s.endDate}` },
                  {
                    title: t('afterSchool.care.summer.capacity'),
                    key: 'seats',
                    render: (_, s) => (
                      <Flex vertical gap={0} style={{ minWidth: 110 }}>
                        {t('afterSchool.care.summer.seats', { enrolled: s.enrolled, capacity: s.capacity })}
                        <Progress percent={Math.round((s.enrolled * 100) / s.capacity)} size="small" showInfo={false} />
                      </Flex>
                    ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_, s) => (
                      <Button size="small" onClick={() => setRoster({ siteId: site.id, sessionId: s.id })}>
                        {t('afterSchool.care.summer.roster')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {newSite && <SiteForm year={year} onClose={() => setNewSite(false)} />}
      {sessionFor && <SessionForm site={sessionFor} onClose={() => setSessionFor(null)} />}
      {opened && <SummerSessionDrawer site={opened.site} session={opened.session} today={today} onClose={() => setRoster(null)} />}
    </>
  );
}
