/**
 * 暑期托管 (district office and schools): the year's sites — a school's own or a community site — with their sessions
 * and seats taken; set up a site, add a session inside the vacation, open a session's roster with its fees.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { SummerEnrolment, SummerSession, SummerSite } from '@shuangjian/contracts';
import { afterSchoolSettings, DEFAULT_TIME_ZONE, type Fen, formatYuan, todayIn } from '@shuangjian/policy';
import { Button, Card, Col, Drawer, Empty, Flex, InputNumber, Progress, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSessionEnrolments, useSiteRota, useSummerSites } from './queries';
import { SessionForm, SiteForm } from './SiteForms';

/** A waiver category's name as shipped (a district that renamed one still shows its code's shipped name). */
const waiverLabel = (code: string) => afterSchoolSettings['after-school.waivers'].default.find((w) => w.code === code)?.label ?? code;

export default function SummerPage() {
  const { t, locale } = useI18n();
  const today = todayIn(useTimeZone() ?? DEFAULT_TIME_ZONE);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const sites = useSummerSites(year);
  const [newSite, setNewSite] = useState(false);
  const [sessionFor, setSessionFor] = useState<SummerSite | null>(null);
  const [roster, setRoster] = useState<SummerSession | null>(null);
  const enrolments = useSessionEnrolments(roster?.id ?? null);
  const rota = useSiteRota(roster);
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
                      <Button size="small" onClick={() => setRoster(s)}>
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
      <Drawer open={!!roster} width={Math.min(640, window.innerWidth)} title={roster && `${roster.name} · ${roster.startDate} ~ ${roster.endDate}`} onClose={() => setRoster(null)}>
        {enrolments.error && <QueryError error={enrolments.error} />}
        <Table<SummerEnrolment>
          rowKey="id"
          size="small"
          loading={enrolments.isLoading}
          dataSource={enrolments.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('afterSchool.care.summer.school'), dataIndex: 'schoolName' },
            { title: t('afterSchool.care.student'), dataIndex: 'studentName' },
            { title: t('afterSchool.care.summer.waiver'), dataIndex: 'waiverCode', render: (v: string | null) => (v ? <Tag>{waiverLabel(v)}</Tag> : '—') },
            { title: t('afterSchool.care.due'), key: 'due', align: 'right', render: (_, e) => y(e.dueFen) },
          ]}
        />
        <Typography.Title level={5}>{t('afterSchool.care.summer.rota')}</Typography.Title>
        {rota.data && !rota.data.items.length && <Typography.Text type="secondary">{t('afterSchool.care.summer.noRota')}</Typography.Text>}
        {rota.data?.items.map((d) => (
          <div key={d.date} data-testid="rota-day">
            <Typography.Text strong>{d.date.slice(5)}</Typography.Text> {d.staff.map((s) => s.name).join('、')}
          </div>
        ))}
      </Drawer>
    </>
  );
}
