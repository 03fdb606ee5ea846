/** A day's saved report: the outcome (within the limit, over, stopped at bedtime, unfinished), a late night, and a way to correct it. */
import { Alert, Button, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import type { ChildDayRow } from '../components/family';
import { useTimeZone } from '../../../app/auth';

export type Outcome = 'within' | 'over' | 'bedtime' | 'unfinished';

export function outcomeOf(day: ChildDayRow): Outcome | null {
  const f = day.feedback;
  if (!f || !day.list) return null;
  if (f.stoppedAtBedtime) return 'bedtime';
  if (f.withinLimit) return 'within';
  if (f.minutes > day.list.limit) return 'over';
  return 'unfinished';
}

const OUTCOME_TYPE: Record<Outcome, 'success' | 'error' | 'warning' | 'info'> = { within: 'success', over: 'error', bedtime: 'warning', unfinished: 'info' };

export function ReportResult({ day, onEdit, canEdit }: { day: ChildDayRow; onEdit(): void; canEdit: boolean }) {
  const tz = useTimeZone();
  const { t } = useI18n();
  const outcome = outcomeOf(day)!;
  const f = day.feedback!;
  return (
    <Alert
      data-testid="report-result"
      type={OUTCOME_TYPE[outcome]}
      showIcon
      title={<span data-testid="report-outcome">{t(`hwf.outcome.${outcome}`)}</span>}
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <span>{t('hwv.report.savedMinutes', { n: f.minutes, limit: day.list!.limit })}</span>
          <span>{t(`hwf.outcomeHelp.${outcome}`, { bedtime: day.bedtime })}</span>
          {f.endedAt && (
            <Typography.Text type={f.lateMinutes > 0 ? 'warning' : undefined} data-testid="report-ended-result">
              {f.lateMinutes > 0 ? t('hwf.result.late', { time: f.endedAt, n: f.lateMinutes, bedtime: day.bedtime }) : t('hwf.result.ended', { time: f.endedAt })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hwv.report.reportedAt', { at: formatDateTime(f.reportedAt, tz) })}
          </Typography.Text>
          {canEdit && (
            <Button size="large" block onClick={onEdit} data-testid="report-edit" style={{ marginTop: 8 }}>
              {t('hwv.report.correct')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
