/** A ticket's status tag, its timeline (staff named only to staff) and its answer: shared by the public, parent and handler views. */
import { type ComplaintEvent, type ComplaintStatus, complaintStatusLabels } from '@shuangjian/contracts';
import { Alert, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';

const COLORS: Record<ComplaintStatus, string> = { received: 'blue', assigned: 'cyan', investigating: 'orange', answered: 'green', closed: 'default' };

export function StatusTag({ status, overdue }: { status: ComplaintStatus; overdue?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Tag color={COLORS[status]} data-testid="complaint-status" style={{ marginInlineEnd: 4 }}>
        {complaintStatusLabels[status][locale]}
      </Tag>
      {overdue && (
        <Tag color="red" data-testid="complaint-overdue">
          {t('training.complaints.ticket.overdue')}
        </Tag>
      )}
    </>
  );
}

export function TicketTimeline({ events }: { events: readonly ComplaintEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e) => ({
        color: COLORS[e.status],
        content: (
          <>
            <Typography.Text strong>{t(`training.complaints.event.${e.status}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
            {e.note && <div style={{ fontSize: 13 }}>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}

export function AnswerBox({ answer }: { answer: string | null }) {
  const { t } = useI18n();
  return answer ? (
    <Alert type="success" showIcon title={t('training.complaints.ticket.answer')} description={<span data-testid="complaint-answer">{answer}</span>} />
  ) : (
    <Alert type="info" showIcon title={t('training.complaints.ticket.noAnswer')} />
  );
}
