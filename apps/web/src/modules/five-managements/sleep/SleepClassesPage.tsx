/** 睡眠管理 for staff: the week's share of nights long enough and in bed on time, per class the user reaches; classes below the district's threshold flagged. */
import { Card, DatePicker, Empty, Flex, Progress, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ClassWeekDrawer } from './ClassWeekDrawer';
import { pct } from './format';
import { useSleepClasses } from './queries';

export default function SleepClassesPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const [week, setWeek] = useState(() => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()));
  const [below, setBelow] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const q = useSleepClasses(week, below);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }} data-testid="sleep-classes">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.five.sleepClasses')}
      </Typography.Title>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker picker="week" inputReadOnly allowClear={false} value={dayjs(week)} onChange={(v) => v && setWeek(v.format('YYYY-MM-DD'))} />
        <span>
          <Switch size="small" checked={below} onChange={setBelow} data-testid="sleep-below" /> {t('five.sleep.belowOnly')}
        </span>
      </Flex>
      {q.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('five.sleep.threshold', { pct: pct(q.data.thresholdBp) })} · {q.data.weekStart} · five-managements.sleep {q.data.policyVersions ?? t('five.sleep.ruleDefault')}
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
      <ClassWeekDrawer classId={open} week={week} onClose={() => setOpen(null)} />
    </div>
  );
}
