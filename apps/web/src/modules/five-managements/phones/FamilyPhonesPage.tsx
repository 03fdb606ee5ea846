/** 手机入校 on the parent's phone: the school's rule with the class teacher's hotline, the child's requests, a new written request. */
import { Alert, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useChild } from '../../homework/child/useChild';
import { useFamilyPhones, usePhoneWrites } from './queries';
import { RequestCard } from './RequestCard';
import { RequestForm } from './RequestForm';
import { RuleCard } from './RuleCard';

export default function FamilyPhonesPage() {
  const { t } = useI18n();
  const message = useMessage();
  const { child, choose } = useChild();
  const studentId = child?.id;
  const q = useFamilyPhones(studentId);
  const writes = usePhoneWrites();
  const d = q.data;
  const live = d?.requests.some((r) => r.status === 'pending' || (r.status === 'approved' && !r.expired));
  const withdraw = async (id: string) => {
    try {
      await writes.withdraw(id);
      message.success(t('five.phones.withdrawn'));
    } catch (e) {
      applyServerError(null, e, message.error);
    }
  };
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="family-phones">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.five.phones')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('five.phones.sub')}
      </Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={choose} />}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {d && (
        <>
          <RuleCard rule={d.rule} hotline={d.hotline} />
          <Typography.Title level={5}>{t('five.phones.requests')}</Typography.Title>
          {!d.requests.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('five.phones.none')} />}
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {d.requests.map((r) => (
              <RequestCard
                key={r.id}
                r={r}
                actions={
                  (r.status === 'pending' || (r.status === 'approved' && !r.expired)) && (
                    <Popconfirm title={t('five.phones.withdrawConfirm')} onConfirm={() => withdraw(r.id)}>
                      <Button size="small">{t('five.phones.withdraw')}</Button>
                    </Popconfirm>
                  )
                }
              />
            ))}
          </Flex>
          {d.rule.value === 'ban' ? (
            <Alert type="warning" title={t('five.phones.banned')} />
          ) : live ? (
            <Alert type="info" title={t('five.phones.live')} />
          ) : (
            <Card size="small" title={`${t('five.phones.new')} · ${d.studentName}`}>
              <RequestForm studentId={d.studentId} latestValidUntil={d.latestValidUntil} onFiled={() => undefined} />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
