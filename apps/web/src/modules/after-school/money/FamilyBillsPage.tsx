/** 课后服务缴费 on the parent's phone: what is left to pay, each month's bill with its waiver, refund and provider fees, and the payments. */
import type { Bill } from '@shuangjian/contracts';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { STATUS_COLOR } from './BillsTab';
import { yuan } from './money';
import { useChildBills } from './queries';
import './messages';

function Line({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Flex justify="space-between">
      <Typography.Text type={strong ? undefined : 'secondary'}>{label}</Typography.Text>
      {strong ? <Typography.Text strong>{value}</Typography.Text> : <Typography.Text>{value}</Typography.Text>}
    </Flex>
  );
}

export default function FamilyBillsPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const q = useChildBills(studentId);
  const y = (v: number) => yuan(v, locale);
  const bill = (b: Bill) => {
    const untaken = b.detail.closed + b.detail.optedOut + b.detail.leave;
    return (
      <Card key={b.id} size="small" data-testid="family-bill" title={b.month} extra={<Tag color={STATUS_COLOR[b.status]}>{t(`afterSchool.money.status.${b.status}`)}</Tag>}>
        <Flex vertical gap={4}>
          <Line label={t('afterSchool.money.fee')} value={y(b.feeFen)} />
          {b.waiverFen > 0 && <Line label={`${t('afterSchool.money.waiver')}（${b.waiverLabel ?? ''}）`} value={`−${y(b.waiverFen)}`} />}
          {b.refundFen > 0 && <Line label={`${t('afterSchool.money.refund')}（${t('afterSchool.money.untaken', { untaken, days: b.detail.serviceDays })}）`} value={`−${y(b.refundFen)}`} />}
          {b.detail.courses.map((c) => (
            <Line key={c.courseId} label={`${t('afterSchool.money.passThrough')}：${t('afterSchool.money.lessons', { name: c.name, lessons: c.lessons })}`} value={y(c.amountFen)} />
          ))}
          <Line label={t('afterSchool.money.due')} value={y(b.dueFen)} strong />
          <Line label={t('afterSchool.money.paid')} value={y(b.paidFen)} />
        </Flex>
      </Card>
    );
  };

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.afterSchool.bills')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('afterSchool.money.family.sub')}</Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {q.data && (
        <Flex vertical gap={12}>
          {q.data.bills.length > 0 && (
          <Card size="small">
            <Flex justify="space-between" align="center">
              <Typography.Text>{t('afterSchool.money.family.owed')}</Typography.Text>
              {q.data.owedFen > 0 ? (
                <Typography.Title level={3} style={{ margin: 0 }} type="danger" data-testid="family-owed">
                  {y(q.data.owedFen)}
                </Typography.Title>
              ) : (
                <Tag color="success">{t('afterSchool.money.family.allPaid')}</Tag>
              )}
            </Flex>
          </Card>
          )}
          {!q.data.bills.length && <Empty description={t('afterSchool.money.family.none')} />}
          {q.data.bills.map(bill)}
          {q.data.payments.length > 0 && (
            <Card size="small" title={t('afterSchool.money.family.payments')}>
              <List
                size="small"
                dataSource={q.data.payments}
                renderItem={(p) => (
                  <List.Item
                    data-testid="family-payment"
                    extra={
                      p.reversal ? (
                        <Typography.Text delete type="secondary">
                          {y(p.amountFen)}
                        </Typography.Text>
                      ) : (
                        <Typography.Text strong>{y(p.amountFen)}</Typography.Text>
                      )
                    }
                  >
                    <List.Item.Meta
                      title={
                        <>
                          {p.paidOn} {p.reversal && <Tag>{t('afterSchool.money.reversedTag')}</Tag>}
                        </>
                      }
                      description={p.reversal ? t('afterSchool.money.family.reversed', { reason: p.reversal.reason }) : (p.payer ?? p.remark ?? '')}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Flex>
      )}
    </div>
  );
}
