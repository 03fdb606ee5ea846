/**
 * One parent meeting: recording it held (the minutes, then every family's attendance — all present in one tap, then
 * a tap on each family that did not come), or reading a held one.
 */
import { CheckOutlined } from '@ant-design/icons';
import { MEETING_MINUTES_MAX } from '@shuangjian/contracts';
import { Alert, Button, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay } from '../../homework/components/model';
import { type MeetingDetailRow, useMeetingDetail, useMeetingWrites } from './queries';

function Families({ meeting, present, toggle }: { meeting: MeetingDetailRow; present: Set<string> | null; toggle?: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 6 }} data-testid="hs-meeting-families">
      {meeting.attendance.map((a) => {
        const on = present ? present.has(a.studentId) : !!a.attended;
        return (
          <Button
            key={a.studentId}
            size="middle"
            type={on ? 'primary' : 'default'}
            ghost={on}
            danger={!on && (present !== null || a.attended === false)}
            icon={on ? <CheckOutlined /> : undefined}
            onClick={toggle ? () => toggle(a.studentId) : undefined}
            aria-pressed={on}
            title={t(on ? 'hs.meetings.present' : 'hs.meetings.absent')}
            data-testid="hs-meeting-family"
            style={{ paddingInline: 6, pointerEvents: toggle ? undefined : 'none' }}
          >
            {a.name}
          </Button>
        );
      })}
    </div>
  );
}

export function HoldMeetingDialog({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const q = useMeetingDetail(id);
  const writes = useMeetingWrites();
  const [form] = Form.useForm<{ minutes: string }>();
  const [present, setPresent] = useState<{ id: string; ids: Set<string> } | null>(null);
  const m = q.data?.id === id ? q.data : undefined;
  const chosen = present && present.id === id ? present.ids : new Set<string>();
  const toggle = (studentId: string) => {
    const next = new Set(chosen);
    if (next.has(studentId)) next.delete(studentId);
    else next.add(studentId);
    setPresent({ id: id!, ids: next });
  };
  const hold = useSaveMutation({
    form,
    saved: t('hs.meetings.heldOk'),
    mutationFn: (v: { minutes: string }) => writes.hold(id!, v.minutes.trim(), [...chosen]),
    onSuccess: onClose,
  });
  const planned = m?.status === 'planned';
  return (
    <Modal
      open={!!id}
      destroyOnHidden
      onCancel={onClose}
      title={m ? t('hs.meetings.holdTitle', { title: m.title }) : ' '}
      width={640}
      footer={
        planned
          ? [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={hold.isPending} onClick={() => form.submit()} data-testid="hs-meeting-hold-save">
                {t('hs.meetings.saveHeld')}
              </Button>,
            ]
          : null
      }
      data-testid="hs-meeting-dialog"
    >
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {m && (
        <Flex vertical gap={10}>
          <Typography.Text type="secondary">
            {m.className} · {formatDay(m.date, locale, true)}
            {m.place ? ` · ${m.place}` : ''}
          </Typography.Text>
          {planned ? (
            <Form form={form} layout="vertical" name="hs-hold" onFinish={(v) => hold.mutate(v)}>
              <Form.Item name="minutes" label={t('hs.meetings.minutes')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={MEETING_MINUTES_MAX} placeholder={t('hs.meetings.minutesHint')} />
              </Form.Item>
            </Form>
          ) : (
            <Alert type="info" title={t('hs.meetings.minutes')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</span>} />
          )}
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('hs.meetings.families')}</Typography.Text>
            <Tag color="blue" data-testid="hs-meeting-count" style={{ marginInlineEnd: 0 }}>
              {t('hs.meetings.count', { n: planned ? chosen.size : m.attended, total: m.attendance.length })}
            </Tag>
          </Flex>
          {planned && (
            <Flex align="center" gap={8} wrap>
              <Button onClick={() => setPresent({ id: m.id, ids: new Set(m.attendance.map((a) => a.studentId)) })} data-testid="hs-meeting-all">
                {t('hs.meetings.allPresent')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('hs.meetings.exceptions')}
              </Typography.Text>
            </Flex>
          )}
          <Families meeting={m} present={planned ? chosen : null} toggle={planned ? toggle : undefined} />
        </Flex>
      )}
    </Modal>
  );
}
