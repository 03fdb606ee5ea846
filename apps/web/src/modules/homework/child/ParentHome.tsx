/**
 * The parent's home: today's homework of the chosen child first (the list, its load and whether the family reported),
 * then the week plan and the homework rules. A child switcher when there are several children.
 */
import { CalendarOutlined, FileProtectOutlined, MobileOutlined, MoonOutlined, RightOutlined, ShopOutlined, SmileOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useLastNight } from '../../five-managements/sleep/lastNight';
import { hoursMinutes } from '../../five-managements/sleep/format';
import { PageSpinner } from '../../../components/PageSpinner';
import { childDayKey, type ChildDayRow, fetchChildDay } from '../components/family';
import { districtToday, formatDay } from '../components/model';
import { ChildSwitcher } from './ChildSwitcher';
import { LoadSummary } from './DayTab';
import { ItemCard } from './ItemCard';
import { outcomeOf } from './ReportResult';
import type { Child } from './types';
import { useChild } from './useChild';

function Shortcut({ to, icon, title, sub, testId }: { to: string; icon: ReactNode; title: string; sub?: string; testId: string }) {
  return (
    <Link to={to} data-testid={testId}>
      <Card hoverable size="small" styles={{ body: { padding: 12 } }}>
        <Flex align="center" gap={10}>
          <span style={{ fontSize: 22, color: '#1677ff' }}>{icon}</span>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong style={{ display: 'block' }}>
              {title}
            </Typography.Text>
            {sub && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sub}
              </Typography.Text>
            )}
          </div>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </Flex>
      </Card>
    </Link>
  );
}

function Today({ child, day, today }: { child: Child; day: ChildDayRow; today: string }) {
  const { t } = useI18n();
  const dayLink = `/homework/child?child=${child.id}&date=${today}`;
  if (!day.list)
    return (
      <Card data-testid="home-today-none">
        <Empty
          description={
            day.dayKind === 'school_day' ? t('hwf.home.notYet') : t('hwv.home.noneDay', { kind: day.dayName ?? t(`hw.dayKind.${day.dayKind}`) })
          }
        />
      </Card>
    );
  const outcome = outcomeOf(day);
  return (
    <Flex vertical gap={10} data-testid="home-today">
      <Card styles={{ body: { padding: 14 } }}>
        <Flex vertical gap={8}>
          <LoadSummary list={day.list} grade={day.grade} />
          {outcome ? (
            <Alert
              type={outcome === 'within' ? 'success' : outcome === 'over' ? 'error' : outcome === 'bedtime' ? 'warning' : 'info'}
              showIcon
              data-testid="home-reported"
              title={t('hwf.home.reported', { outcome: t(`hwf.outcome.${outcome}`) })}
              action={
                <Link to={`${dayLink}#report`}>
                  <Button size="small">{t('hwv.report.view')}</Button>
                </Link>
              }
            />
          ) : (
            <Link to={`${dayLink}#report`} data-testid="home-report">
              <Button type="primary" size="large" block style={{ height: 48, fontSize: 17 }}>
                {t('hwf.home.report')}
              </Button>
            </Link>
          )}
        </Flex>
      </Card>
      {day.list.items.map((i) => (
        <ItemCard key={i.itemId} item={i} />
      ))}
    </Flex>
  );
}

export default function ParentHome() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const { child, choose } = useChild();
  const today = districtToday(tz);
  const day = useQuery({ queryKey: childDayKey(child?.id ?? '', today), queryFn: () => fetchChildDay(child!.id, today), enabled: !!child });
  const night = useLastNight(child?.id);
  if (!me) return null;
  if (!child)
    return (
      <Card>
        <Empty description={t('hwv.child.noChildren')} />
      </Card>
    );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="parent-home">
      <ChildSwitcher value={child.id} onChange={choose} />
      <Flex justify="space-between" align="baseline" wrap gap={4} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('hwf.home.today')}
        </Typography.Title>
        <Typography.Text type="secondary">{formatDay(today, locale)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 10 }} data-testid="home-child">
        {child.name} · {child.schoolName} {child.className}
      </Typography.Text>
      {day.isLoading && <PageSpinner />}
      {day.error && <Alert type="error" showIcon title={day.error.message} />}
      {day.data && <Today child={child} day={day.data} today={today} />}
      <Flex vertical gap={10} style={{ marginTop: 12 }}>
        <Shortcut to={`/homework/child?child=${child.id}&tab=week`} icon={<CalendarOutlined />} title={t('hwf.home.week')} testId="home-week" />
        <Shortcut to={`/homework/rules?child=${child.id}`} icon={<FileProtectOutlined />} title={t('hwf.home.rules')} sub={t('hwf.home.rulesHelp')} testId="home-rules" />
        <Shortcut to={`/after-school/enrol/child?child=${child.id}`} icon={<SmileOutlined />} title={t('afterSchool.enrol.home')} sub={t('afterSchool.enrol.homeSub')} testId="home-after-school-enrol" />
        <Shortcut
          to={`/five/sleep?child=${child.id}`}
          icon={<MoonOutlined />}
          title={t('menu.five.sleep')}
          sub={night === undefined ? t('five.sleep.home.title') : night ? t('five.sleep.home.slept', { time: hoursMinutes(t, night.minutes) }) : t('five.sleep.home.missing')}
          testId="home-sleep"
        />
        <Shortcut to={`/five/phones?child=${child.id}`} icon={<MobileOutlined />} title={t('menu.five.phones')} sub={t('five.phones.homeSub')} testId="home-phones" />
        <Shortcut to={`/training/family?child=${child.id}`} icon={<ShopOutlined />} title={t('training.family.home')} sub={t('training.family.homeSub')} testId="home-training" />
        <Shortcut to={`/home-school/family?child=${child.id}`} icon={<TeamOutlined />} title={t('hs.family.home')} sub={t('hs.family.homeSub')} testId="home-hs-family" />
      </Flex>
    </div>
  );
}
