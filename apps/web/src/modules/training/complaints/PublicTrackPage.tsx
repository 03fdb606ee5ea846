/** Public, no sign-in: a ticket's progress by its code — status, deadline, the timeline without staff names, the answer. */
import { complaintCategoryLabels } from '@shuangjian/contracts';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { PublicFrame } from './PublicComplaintPage';
import { useTicket } from './queries';
import { AnswerBox, StatusTag, TicketTimeline } from './TicketTimeline';

export default function PublicTrackPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim().toUpperCase() || undefined;
  const ticket = useTicket(code);
  return (
    <PublicFrame title={t('training.complaints.track.title')}>
      <Card size="small">
        <Form layout="inline" key={code} initialValues={{ code }} onFinish={(v: { code: string }) => setParams({ code: v.code.trim().toUpperCase() })} style={{ flexWrap: 'nowrap' }}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
            <Input size="large" maxLength={10} placeholder={t('training.complaints.track.code')} style={{ fontFamily: 'monospace', letterSpacing: 2 }} data-testid="track-code" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" data-testid="track-search">
            {t('training.complaints.track.search')}
          </Button>
        </Form>
      </Card>
      {ticket.isLoading && <PageSpinner />}
      {ticket.error && (
        <Alert
          type="error"
          showIcon
          title={ticket.error instanceof ApiError && ticket.error.status === 404 ? t('training.complaints.track.notFound') : ticket.error.message}
          data-testid="track-error"
        />
      )}
      {ticket.data && (
        <Card size="small" data-testid="track-ticket">
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
              {ticket.data.code}
            </Typography.Text>
            <span>
              <StatusTag status={ticket.data.status} overdue={ticket.data.overdue} />
            </span>
          </Flex>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('training.complaints.ticket.institution')}>{ticket.data.institutionName}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.category')}>{complaintCategoryLabels[ticket.data.category][locale]}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.received')}>{ticket.data.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.deadline')}>{ticket.data.deadline}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.phone')}>{ticket.data.replyPhone ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
            {ticket.data.description}
          </Typography.Paragraph>
          <AnswerBox answer={ticket.data.answer} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('training.complaints.ticket.timeline')}
          </Typography.Title>
          <TicketTimeline events={ticket.data.timeline} />
        </Card>
      )}
      <Flex justify="center" gap={16}>
        <Link to="/public/complaints">{t('training.complaints.public.fileLink')}</Link>
        <Link to="/login">{t('training.complaints.public.signIn')}</Link>
      </Flex>
    </PublicFrame>
  );
}
