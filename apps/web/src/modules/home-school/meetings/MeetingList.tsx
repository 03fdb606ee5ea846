/** The semester's parent meetings of a class: schedule one (the parents are told), record one held, read a held one. */
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_TITLE_MAX, type ClassMeetings } from '@shuangjian/contracts';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { districtToday, formatDay } from '../../homework/components/model';
import { HoldMeetingDialog } from './HoldMeetingDialog';
import { useMeetingWrites } from './queries';

interface PlanValues {
  title: string;
  date: Dayjs;
  place?: string;
}

export function MeetingList({ data }: { data: ClassMeetings }) {
  const { t, locale } = useI18n();
  const today = districtToday(useTimeZone());
  const writes = useMeetingWrites();
  const [form] = Form.useForm<PlanValues>();
  const [planning, setPlanning] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const plan = useSaveMutation({
    form,
    saved: t('hs.meetings.planned'),
    mutationFn: (v: PlanValues) => writes.plan({ classId: data.classId, title: v.title.trim(), date: v.date.format('YYYY-MM-DD'), place: v.place?.trim() || null }),
    onSuccess: () => setPlanning(false),
  });
  return (
    <Card
      size="small"
      title={t('hs.meetings.list')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="hs-meeting-plan">
          {t('hs.meetings.plan')}
        </Button>
      }
      data-testid="hs-meeting-list"
    >
      {!data.meetings.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hs.meetings.none')} />}
      <Flex vertical gap={8}>
        {data.meetings.map((m) => {
          const held = m.status === 'held';
          return (
            <Card key={m.id} size="small" type="inner" data-testid="hs-meeting-row" styles={{ body: { padding: 10 } }}>
              <Typography.Text strong style={{ display: 'block' }}>
                {m.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatDay(m.date, locale, true)}
                {m.place ? ` · ${m.place}` : ''}
              </Typography.Text>
              <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
                <span>
                  <Tag color={held ? 'green' : 'blue'}>{t(`hs.meetings.status.${m.status}`)}</Tag>
                  {held && <Typography.Text type="secondary">{t('hs.meetings.attendance', { attended: m.attended, families: m.families })}</Typography.Text>}
                </span>
                {held ? (
                  <Button size="small" onClick={() => setOpen(m.id)}>
                    {t('hs.meetings.view')}
                  </Button>
                ) : m.date <= today ? (
                  <Button size="small" type="primary" onClick={() => setOpen(m.id)} data-testid="hs-meeting-hold">
                    {t('hs.meetings.markHeld')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('hs.meetings.notYet')}
                  </Typography.Text>
                )}
              </Flex>
            </Card>
          );
        })}
      </Flex>
      <FormModal<PlanValues>
        open={planning}
        title={`${t('hs.meetings.plan')} · ${data.className}`}
        form={form}
        name="hs-meeting"
        loading={plan.isPending}
        onCancel={() => setPlanning(false)}
        onFinish={(v) => plan.mutate(v)}
        initialValues={{ date: dayjs(today) }}
        okText={t('hs.meetings.plan')}
        intro={
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('hs.meetings.planHelp')}
          </Typography.Paragraph>
        }
      >
        <Form.Item name="title" label={t('hs.meetings.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={MEETING_TITLE_MAX} placeholder={t('hs.meetings.titleHint')} />
        </Form.Item>
        <Form.Item name="date" label={t('hs.meetings.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="place" label={t('hs.meetings.place')}>
          <Input maxLength={100} placeholder={t('hs.meetings.placeHint')} />
        </Form.Item>
      </FormModal>
      <HoldMeetingDialog id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
