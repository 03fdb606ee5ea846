/** The class's weekly online parent lectures (家长教育大讲堂) this semester, and recording this week's after it took place. */
import { PlusOutlined } from '@ant-design/icons';
import { LECTURE_LINK_MAX, MEETING_TITLE_MAX, type ClassMeetings } from '@shuangjian/contracts';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { districtToday, formatDay } from '../../homework/components/model';
import { useMeetingWrites } from './queries';

interface LectureValues {
  topic: string;
  date: Dayjs;
  link?: string;
  joined: number;
}

export function ClassLecturesCard({ data }: { data: ClassMeetings }) {
  const { t, locale } = useI18n();
  const today = districtToday(useTimeZone());
  const writes = useMeetingWrites();
  const [form] = Form.useForm<LectureValues>();
  const [open, setOpen] = useState(false);
  const save = useSaveMutation({
    form,
    saved: t('hs.meetings.lectureOk'),
    mutationFn: (v: LectureValues) => writes.classLecture({ classId: data.classId, topic: v.topic.trim(), date: v.date.format('YYYY-MM-DD'), link: v.link?.trim() || null, joined: v.joined }),
    onSuccess: () => setOpen(false),
  });
  return (
    <Card
      size="small"
      title={t('hs.meetings.lectures')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="hs-lecture-add">
          {t('hs.meetings.addLecture')}
        </Button>
      }
      data-testid="hs-class-lectures"
    >
      {!data.lectures.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hs.meetings.lecturesNone')} />}
      <Flex vertical gap={0}>
        {data.lectures.slice(0, 8).map((l) => (
          <Flex key={l.id} justify="space-between" align="center" gap={8} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }} data-testid="hs-class-lecture">
            <span style={{ minWidth: 0 }}>
              <Typography.Text>{l.topic}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {formatDay(l.date, locale)}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('hs.meetings.joinedN', { n: l.joined })}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      <FormModal<LectureValues>
        open={open}
        title={`${t('hs.meetings.addLecture')} · ${data.className}`}
        form={form}
        name="hs-class-lecture"
        loading={save.isPending}
        onCancel={() => setOpen(false)}
        onFinish={(v) => save.mutate(v)}
        initialValues={{ date: dayjs(today), joined: 0 }}
        intro={
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('hs.meetings.lectureHelp')}
          </Typography.Paragraph>
        }
      >
        <Form.Item name="topic" label={t('hs.meetings.topic')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={MEETING_TITLE_MAX} placeholder={t('hs.meetings.topicHint')} />
        </Form.Item>
        <Form.Item name="date" label={t('hs.meetings.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="link" label={t('hs.meetings.link')}>
          <Input maxLength={LECTURE_LINK_MAX} placeholder="https://" />
        </Form.Item>
        <Form.Item name="joined" label={t('hs.meetings.joined')} rules={[{ required: true }]}>
          <InputNumber min={0} max={2000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
