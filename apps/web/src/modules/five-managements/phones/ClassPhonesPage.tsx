/** 手机管理 for the class teacher on the phone: the rule and hotline, requests to decide, today's register (统一保管). */
import { Button, Flex, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { PendingList } from './PendingList';
import { usePhoneRegister, usePhoneWrites } from './queries';
import { RegisterCard } from './RegisterCard';
import { RuleCard } from './RuleCard';

export default function ClassPhonesPage() {
  const { t } = useI18n();
  const message = useMessage();
  const { data: me } = useMe();
  const classes = useMemo(() => (me?.classes ?? []).filter((c) => c.roles.includes('class_teacher')), [me]);
  const [classId, setClassId] = useState<string | undefined>();
  const chosen = classId ?? classes[0]?.id;
  const q = usePhoneRegister(chosen);
  const writes = usePhoneWrites();
  const [typed, setPhone] = useState<string | null>(null);
  const phone = typed ?? q.data?.hotline.phone ?? '';
  const saveHotline = async () => {
    try {
      await writes.hotline(chosen!, phone.trim());
      message.success(t('five.phones.hotlineSaved'));
    } catch (e) {
      applyServerError(null, e, message.error);
    }
  };
  const d = q.data;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="class-phones">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.five.phonesClass')}
      </Typography.Title>
      {classes.length > 1 && (
        <Select style={{ width: '100%', marginBottom: 12 }} value={chosen} onChange={setClassId} options={classes.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.className}` }))} />
      )}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {d && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {d.schoolName} {d.className} · {t('five.phones.figures', { decided: d.decided, approved: d.approved })}
          </Typography.Paragraph>
          <RuleCard rule={d.rule} hotline={d.hotline} />
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={11} inputMode="tel" addonBefore={t('five.phones.hotline')} />
            <Button onClick={saveHotline}>{t('five.phones.setHotline')}</Button>
          </Space.Compact>
          <PendingList items={d.pending} />
          <Flex vertical gap={8}>
            <RegisterCard data={d} />
          </Flex>
        </>
      )}
    </div>
  );
}
