/** The class teacher's pending requests: approve, or reject with a note (the family is told either way). */
import type { PhoneRequest } from '@shuangjian/contracts';
import { Button, Empty, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { usePhoneWrites } from './queries';
import { RequestCard } from './RequestCard';

function Decide({ r }: { r: PhoneRequest }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = usePhoneWrites();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (approve: boolean) => {
    setBusy(true);
    try {
      await writes.decide(r.id, approve, note.trim() || null);
      message.success(approve ? t('five.phones.approved') : t('five.phones.rejected'));
    } catch (e) {
      applyServerError(null, e, message.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input placeholder={t('five.phones.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
      <Button type="primary" loading={busy} onClick={() => decide(true)} data-testid="phone-approve">
        {t('five.phones.approve')}
      </Button>
      <Button danger loading={busy} onClick={() => decide(false)} data-testid="phone-reject">
        {t('five.phones.reject')}
      </Button>
    </Space.Compact>
  );
}

export function PendingList({ items }: { items: PhoneRequest[] }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{t('five.phones.pending', { n: items.length })}</Typography.Title>
      {!items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('five.phones.noPending')} />}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {items.map((r) => (
          <RequestCard key={r.id} r={r} title={r.studentName} actions={<Decide r={r} />} />
        ))}
      </Flex>
    </>
  );
}
