/**
 * 孩子的作业 (parents, phone first): the published list of a day with a one-screen report of actual time (作业熔断
 * included), the weekly plan, the vacation checklist (假期作业天天交清单) and the error notebook (错题本, grade 3 and up).
 * One file per tab; the day tab comes with the page, the others load when opened.
 */
import { FileProtectOutlined } from '@ant-design/icons';
import { Empty, Flex, Tabs, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { districtToday } from '../components/model';
import { ChildSwitcher } from './ChildSwitcher';
import { useChild } from './useChild';
import { DayTab } from './DayTab';
import type { Tab } from './types';

const WeekTab = lazy(() => import('./WeekTab'));
const VacationTab = lazy(() => import('./VacationTab'));
const MistakesTab = lazy(() => import('./MistakesTab'));
const lazyTab = (tab: ReactNode) => <Suspense fallback={<PageSpinner />}>{tab}</Suspense>;

export default function ChildHomeworkPage() {
  const tz = useTimeZone();
  const { t } = useI18n();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const today = districtToday(tz);
  const { child, choose } = useChild();
  const rawDate = params.get('date');
  const date = rawDate && /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? rawDate : today;
  const rawTab = params.get('tab') as Tab | null;
  const mistakesAllowed = !!child && child.grade >= 3;
  const tab: Tab = rawTab === 'week' || rawTab === 'vacation' || (rawTab === 'mistakes' && mistakesAllowed) ? rawTab : 'day';
  const update = (patch: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) next.set(k, v);
        return next;
      },
      { replace: true },
    );

  if (!me) return null;
  if (!child)
    return (
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Empty description={t('hwv.child.noChildren')} />
      </div>
    );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.homework.child')}
      </Typography.Title>
      <ChildSwitcher value={child.id} onChange={choose} />
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text type="secondary">
          {child.name} · {child.schoolName} {child.className}
        </Typography.Text>
        <Link to={`/homework/rules?child=${child.id}`} data-testid="child-rules-link">
          <FileProtectOutlined /> {t('hwf.rules.open')}
        </Link>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k })}
        tabBarGutter={18}
        items={[
          { key: 'day', label: t('hwv.child.tab.day'), children: <DayTab child={child} date={date} today={today} onDate={(d) => update({ date: d })} /> },
          { key: 'week', label: t('hwv.child.tab.week'), children: lazyTab(<WeekTab child={child} date={date} today={today} onDate={(d) => update({ date: d })} />) },
          { key: 'vacation', label: t('hwv.child.tab.vacation'), children: lazyTab(<VacationTab child={child} today={today} />) },
          ...(mistakesAllowed ? [{ key: 'mistakes', label: t('hwv.child.tab.mistakes'), children: lazyTab(<MistakesTab child={child} date={date} today={today} />) }] : []),
        ]}
      />
    </div>
  );
}
