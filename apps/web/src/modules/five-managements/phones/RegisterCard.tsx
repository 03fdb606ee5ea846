/** The day's register (统一保管): each approved phone handed in and given back, one switch each; revoke an approval with a reason. */
import type { PhoneRegister } from '@shuangjian/contracts';
import { Button, Card, Empty, Flex, Input, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { type PhoneMark, usePhoneWrites } from './queries';

export function RegisterCard({ data }: { data: PhoneRegister }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = usePhoneWrites();
  // the teacher's changes over the saved marks, until saved
  const [edits, setEdits] = useState<Record<string, PhoneMark>>({});
  const marks: PhoneMark[] = data.register.map((r) => edits[r.requestId] ?? { requestId: r.requestId, handedIn: r.handedIn, returned: r.returned });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (id: string, change: Partial<PhoneMark>) => {
    const m = marks.find((x) => x.requestId === id)!;
    setEdits((all) => ({ ...all, [id]: { ...m, ...change, ...(change.handedIn === false ? { returned: false } : {}) } }));
  };
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
    } catch (e) {
      applyServerError(null, e, message.error);
    } finally {
      setBusy(false);
    }
  };
  const kept = marks.filter((m) => m.handedIn).length;
  return (
    <Card size="small" title={t('five.phones.register', { date: data.date, kept, n: marks.length })} data-testid="phone-register">
      {!data.register.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('five.phones.registerEmpty')} />}
      <Flex vertical gap={10}>
        {data.register.map((r) => {
          const m = marks.find((x) => x.requestId === r.requestId) ?? r;
          return (
            <div key={r.requestId} data-testid="phone-register-row">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{r.studentName}</Typography.Text>
                <Flex gap={12} align="center">
                  <label style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
                    <Switch size="small" checked={m.handedIn} onChange={(v) => set(r.requestId, { handedIn: v })} data-testid="phone-handed-in" /> {t('five.phones.handedIn')}
                  </label>
                  <label style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
                    <Switch size="small" checked={m.returned} disabled={!m.handedIn} onChange={(v) => set(r.requestId, { returned: v })} /> {t('five.phones.returned')}
                  </label>
                </Flex>
              </Flex>
              <Flex justify="space-between" align="center" style={{ fontSize: 12, color: '#888' }}>
                <span>{t('five.phones.until', { date: r.validUntil })}</span>
                <Popconfirm
                  title={<Input placeholder={t('five.phones.revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />}
                  onConfirm={() => run(() => writes.revoke(r.requestId, reason.trim()), t('five.phones.revoked'))}
                >
                  <Button size="small" type="link" danger>
                    {t('five.phones.revoke')}
                  </Button>
                </Popconfirm>
              </Flex>
            </div>
          );
        })}
      </Flex>
      {!!data.register.length && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button block onClick={() => setEdits(Object.fromEntries(marks.map((m) => [m.requestId, { ...m, handedIn: true }])))} data-testid="phone-all-in">
            {t('five.phones.allIn')}
          </Button>
          <Button block type="primary" loading={busy} onClick={() => run(() => writes.mark(data.classId, data.date, marks).then(() => setEdits({})), t('five.phones.marked'))} data-testid="phone-save-marks">
            {t('five.phones.saveMarks')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
