/** One reported night on the family's page: times, how long, the verdicts, the rule applied, homework of that evening. */
import type { SleepNight } from '@shuangjian/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { hoursMinutes, ruleCite } from './format';

export function NightCard({ night, onEdit }: { night: SleepNight; onEdit?: (n: SleepNight) => void }) {
  const { t } = useI18n();
  const hw = night.homework;
  return (
    <Card size="small" data-testid="sleep-night" hoverable={night.editable} onClick={night.editable ? () => onEdit?.(night) : undefined}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('five.sleep.nightOf', { date: night.date.slice(5) })}</Typography.Text>
        <span>
          <Tag color={night.meetsMinimum ? 'green' : 'orange'}>{night.meetsMinimum ? t('five.sleep.meets') : t('five.sleep.short')}</Tag>
          <Tag color={night.bedtimeOk ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
            {night.bedtimeOk ? t('five.sleep.onTime') : t('five.sleep.late', { n: night.lateMinutes })}
          </Tag>
        </span>
      </Flex>
      <div style={{ fontSize: 13, marginTop: 4 }}>
        {night.bedtime} → {night.wakeTime} · {hoursMinutes(t, night.minutes)}
        {night.asUsual && (
          <Tag bordered={false} style={{ marginInlineStart: 6 }}>
            {t('five.sleep.usualTag')}
          </Tag>
        )}
      </div>
      {hw && (
        <Typography.Text type={hw.ranPastBedtime ? 'danger' : 'secondary'} style={{ fontSize: 12, display: 'block', marginTop: 4 }} data-testid="sleep-homework">
          {hw.ranPastBedtime && hw.endedAt
            ? t('five.sleep.homeworkLate', { time: hw.endedAt })
            : hw.stoppedAtBedtime
              ? t('five.sleep.homeworkStopped')
              : hw.endedAt
                ? t('five.sleep.homeworkEnded', { time: hw.endedAt })
                : null}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block', marginTop: 2 }}>
        {night.rule.minMinutes / 60}h / {night.rule.latestBedtime} · {ruleCite(t, night.rule)}
      </Typography.Text>
    </Card>
  );
}
