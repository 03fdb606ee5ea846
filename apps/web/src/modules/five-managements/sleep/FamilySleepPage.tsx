/** 孩子睡眠 on the parent's phone: the rule for the child's stage, the night's report (one tap for "as usual"), the nights so far. */
import type { SleepNight } from '@shuangjian/contracts';
import { Alert, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useChild } from '../../homework/child/useChild';
import { ruleCite, ruleLine } from './format';
import { NightCard } from './NightCard';
import { useFamilySleep } from './queries';
import { SleepReportForm } from './SleepReportForm';

export default function FamilySleepPage() {
  const { t } = useI18n();
  const { child, choose } = useChild();
  const studentId = child?.id;
  const sleep = useFamilySleep(studentId);
  const [editing, setEditing] = useState<SleepNight | null>(null);
  const data = sleep.data;
  const openNights = data ? Math.round((Date.parse(data.lastNight) - Date.parse(data.earliest)) / 86_400_000) + 1 : 0;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="family-sleep">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.five.sleep')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('five.sleep.sub')}
      </Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={choose} />}
      {sleep.error && <QueryError error={sleep.error} />}
      {sleep.isLoading && <PageSpinner />}
      {data && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={ruleLine(t, data.rule)}
            description={<span style={{ fontSize: 12 }}>{ruleCite(t, data.rule)}</span>}
            data-testid="sleep-rule"
          />
          <Card size="small" title={`${t('five.sleep.report')} · ${data.studentName}`} style={{ marginBottom: 12 }}>
            <SleepReportForm key={data.studentId} data={data} editing={editing} />
          </Card>
          <Typography.Title level={5}>{t('five.sleep.history')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('five.sleep.editHint', { n: openNights })}
          </Typography.Paragraph>
          {!data.nights.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('five.sleep.none')} />}
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {data.nights.map((n) => (
              <NightCard
                key={n.date}
                night={n}
                onEdit={(x) => {
                  setEditing(x);
                  window.scrollTo({ top: 0, behavior: 'smooth' });
                }}
              />
            ))}
          </Flex>
        </>
      )}
    </div>
  );
}
