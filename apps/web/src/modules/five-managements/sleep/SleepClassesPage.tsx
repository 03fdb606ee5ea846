/**
 * 睡眠管理 for staff: the week's share of nights long enough and in bed on time, per class the user reaches, a page at a
 * time with the classes needing attention first; classes below the district's threshold flagged. The district picks a
 * school (or reads the whole district); the school's staff see their own classes. Filters and page stay in the URL.
 */
import { Card, DatePicker, Empty, Flex, Pagination, Progress, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { SchoolSelect, useUrlFilters } from '../../org/filters';
import { ClassWeekDrawer } from './ClassWeekDrawer';
import { pct } from './format';
import { useSleepClasses } from './queries';

const PAGE_SIZE = 20;

export default function SleepClassesPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const { data: me } = useMe();
  const district = hasRole(me, 'district_admin', 'inspector');
  const [filters, setFilters] = useUrlFilters('week', 'below', 'schoolId', 'page');
  const week = filters.week ?? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const below = filters.below === 'true';
  const page = Math.max(1, Number(filters.page) || 1);
  const [open, setOpen] = useState<string | null>(null);
  const q = useSleepClasses({ week, below, schoolId: district ? filters.schoolId : undefined, page, pageSize: PAGE_SIZE });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }} data-testid="sleep-classes">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.five.sleepClasses')}
      </Typography.Title>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker picker="week" inputReadOnly allowClear={false} value={dayjs(week)} onChange={(v) => v && setFilters({ week: v.format('YYYY-MM-DD') })} />
        {district && <SchoolSelect allowClear value={filters.schoolId} onChange={(id) => setFilters({ schoolId: id })} />}
        <span>
          <Switch size="small" checked={below} onChange={(on) => setFilters({ below: on ? 'true' : undefined })} data-testid="sleep-below" /> {t('five.sleep.belowOnly')}
        </span>
      </Flex>
      {q.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('five.sleep.threshold', { pct: pct(q.data.thresholdBp) })} · {q.data.weekStart} · five-managements.sleep {q.data.policyVersions ?? t('five.sleep.ruleDefault')} ·{' '}
          <span data-testid="sleep-total">{t('five.sleep.total', { n: q.data.total })}</span>
        </Typography.Paragraph>
      )}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {q.data && !q.data.items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Flex vertical gap={8}>
        {q.data?.items.map((c) => (
          <Card key={c.classId} size="small" hoverable onClick={() => setOpen(c.classId)} data-testid="sleep-class-row">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>
                {c.schoolName} {c.className}
              </Typography.Text>
              {c.below && <Tag color="red">{t('five.sleep.below')}</Tag>}
            </Flex>
            <Flex gap={12} align="center" style={{ fontSize: 12 }}>
              <span style={{ whiteSpace: 'nowrap' }}>
                {t('five.sleep.col.meets')} {pct(c.meetsBp)}
              </span>
              <Progress percent={c.meetsBp === null ? 0 : c.meetsBp / 100} showInfo={false} size="small" status={c.below ? 'exception' : 'normal'} style={{ flex: 1, margin: 0 }} />
              <span style={{ whiteSpace: 'nowrap' }}>
                {t('five.sleep.col.bedtime')} {pct(c.bedtimeBp)}
              </span>
              <span style={{ whiteSpace: 'nowrap', color: '#888' }}>
                {t('five.sleep.col.reports')} {c.reports}
              </span>
            </Flex>
          </Card>
        ))}
      </Flex>
      {q.data && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={q.data.total}
          hideOnSinglePage
          showSizeChanger={false}
          onChange={(p) => setFilters({ page: p })}
          style={{ marginTop: 12, justifyContent: 'center' }}
          data-testid="sleep-pages"
        />
      )}
      <ClassWeekDrawer classId={open} week={week} onClose={() => setOpen(null)} />
    </div>
  );
}
