/** 月账单: generate the month, every child's fee, waiver, refund and provider fees with what is due and paid; record a payment from a row. */
import { DownloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { Bill } from '@shuangjian/contracts';
import { Button, Empty, Flex, Form, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { yuan } from './money';
import { billsExportUrl, useMonthBills, useMoneyWrites } from './queries';
import { PaymentDialog } from './PaymentDialog';
import './messages';

export const STATUS_COLOR = { unpaid: 'error', partly_paid: 'warning', paid: 'success' } as const;

export function BillsTab({ schoolId, month }: { schoolId: string | undefined; month: string }) {
  const { t, locale } = useI18n();
  const bills = useMonthBills(schoolId, month);
  const writes = useMoneyWrites();
  const [paying, setPaying] = useState<Bill | null>(null);
  const [form] = Form.useForm();
  const generate = useSaveMutation({
    form: null,
    mutationFn: () => writes.generate(schoolId!, month),
    saved: (r) => t('afterSchool.money.generated', { generated: r.generated, replaced: r.replaced, unchanged: r.unchanged, kept: r.kept }),
  });
  const y = (v: number) => yuan(v, locale);
  const totals = bills.data?.totals;

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<ThunderboltOutlined />} loading={generate.isPending} onClick={() => generate.mutate(undefined)} disabled={!schoolId}>
          {t('afterSchool.money.generate')}
        </Button>
        <Button icon={<DownloadOutlined />} href={billsExportUrl(schoolId, month)} download disabled={!bills.data?.bills.length}>
          {t('afterSchool.money.export')}
        </Button>
      </Flex>
      {bills.error && <QueryError error={bills.error} />}
      <Table<Bill>
        rowKey="id"
        size="small"
        loading={bills.isLoading}
        dataSource={bills.data?.bills ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('afterSchool.money.noBills')} /> }}
        columns={[
          { title: t('afterSchool.money.class'), dataIndex: 'className', width: 120 },
          { title: t('afterSchool.money.student'), key: 'student', width: 120, render: (_, b) => <span title={b.studentNo}>{b.studentName}</span> },
          { title: t('afterSchool.money.fee'), dataIndex: 'feeFen', align: 'right', render: y },
          {
            title: t('afterSchool.money.waiver'),
            key: 'waiver',
            align: 'right',
            render: (_, b) => (b.waiverFen ? <span title={b.waiverLabel ?? ''}>−{y(b.waiverFen)}</span> : '—'),
          },
          {
            title: t('afterSchool.money.refund'),
            key: 'refund',
            align: 'right',
            render: (_, b) => {
              const untaken = b.detail.closed + b.detail.optedOut + b.detail.leave;
              return (
                <div>
                  {b.refundFen ? `−${y(b.refundFen)}` : '—'}
                  {untaken > 0 && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} title={t('afterSchool.money.untakenDetail', { closed: b.detail.closed, optedOut: b.detail.optedOut, leave: b.detail.leave })}>
                      {t('afterSchool.money.untaken', { untaken, days: b.detail.serviceDays })}
                    </Typography.Text>
                  )}
                </div>
              );
            },
          },
          {
            title: t('afterSchool.money.passThrough'),
            key: 'pt',
            align: 'right',
            render: (_, b) => (b.passThroughFen ? <span title={b.detail.courses.map((c) => t('afterSchool.money.lessons', { name: c.name, lessons: c.lessons })).join('\n')}>{y(b.passThroughFen)}</span> : '—'),
          },
          { title: t('afterSchool.money.due'), dataIndex: 'dueFen', align: 'right', render: (v: number) => <strong>{y(v)}</strong> },
          { title: t('afterSchool.money.paid'), dataIndex: 'paidFen', align: 'right', render: y },
          { title: t('afterSchool.money.status'), dataIndex: 'status', render: (s: Bill['status']) => <Tag color={STATUS_COLOR[s]}>{t(`afterSchool.money.status.${s}`)}</Tag> },
          {
            key: 'pay',
            render: (_, b) =>
              b.status !== 'paid' && (
                <Button size="small" onClick={() => setPaying(b)}>
                  {t('afterSchool.money.record')}
                </Button>
              ),
          },
        ]}
        summary={() =>
          totals && bills.data?.bills.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('afterSchool.money.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{y(totals.feeFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">−{y(totals.waiverFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">−{y(totals.refundFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{y(totals.passThroughFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right"><strong data-testid="money-due-total">{y(totals.dueFen)}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">{y(totals.paidFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={8} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {paying && schoolId && <PaymentDialog form={form} schoolId={schoolId} bill={paying} onClose={() => setPaying(null)} />}
    </>
  );
}
