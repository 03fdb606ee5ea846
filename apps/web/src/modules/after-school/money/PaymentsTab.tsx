/**
 * 缴费: import a bank or payment-platform export (from the template or the bank's own file; matched lines go to the
 * children's bills; a bad file is refused whole with each row named), match the unmatched lines by hand to a child,
 * the month's payments (both lists paged by the server), and 冲正 of a payment recorded by mistake (with its reason; settled periods named to redo).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Payment, PaymentImportResult, PaymentReversalResult, RowError } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { QueryError } from '../../../components/QueryError';
import { usePaging } from '../../../components/usePaging';
import { yuan } from './money';
import { paymentTemplateUrl, useMonthBills, useMoneyWrites, usePayments } from './queries';
import { ReverseDialog } from './ReverseDialog';
import './messages';

export function PaymentsTab({ schoolId, month }: { schoolId: string | undefined; month: string }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const writes = useMoneyWrites();
  const unmatchedPager = usePaging(schoolId ?? '', 10);
  const monthPager = usePaging(`${schoolId}|${month}`);
  const unmatched = usePayments(schoolId, undefined, true, unmatchedPager.page, unmatchedPager.pageSize);
  const ofMonth = usePayments(schoolId, month, false, monthPager.page, monthPager.pageSize);
  const bills = useMonthBills(schoolId, month);
  const [result, setResult] = useState<PaymentImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [reversing, setReversing] = useState<Payment | null>(null);
  const [reversal, setReversal] = useState<PaymentReversalResult | null>(null);
  const y = (v: number) => yuan(v, locale);
  const reverseCell = (p: Payment) =>
    p.reversal ? (
      <Tooltip title={t('afterSchool.money.reversedBy', { by: p.reversal.reversedBy, reason: p.reversal.reason })}>
        <Tag color="default" data-testid="money-reversed-tag">
          {t('afterSchool.money.reversedTag')}
        </Tag>
      </Tooltip>
    ) : (
      <Button size="small" type="link" danger onClick={() => setReversing(p)}>
        {t('afterSchool.money.reverse')}
      </Button>
    );
  const amountCell = (v: number, p: Payment) => (p.reversal ? <Typography.Text delete type="secondary">{y(v)}</Typography.Text> : y(v));
  const students = (bills.data?.bills ?? []).map((b) => ({ value: b.studentId, label: `${b.className} ${b.studentName}（${b.studentNo}）` }));

  const upload = async (file: File) => {
    setImporting(true);
    setResult(null);
    setErrors(null);
    try {
      setResult(await writes.importPayments(schoolId!, file));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  };
  const match = async (p: Payment) => {
    try {
      await writes.match(p.id, picks[p.id]!);
      message.success(t('afterSchool.money.matched'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('afterSchool.money.import')}>
        <Typography.Paragraph type="secondary">{t('afterSchool.money.importHint')}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importing} disabled={!schoolId} data-testid="money-import">
              {t('afterSchool.money.import')}
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} href={paymentTemplateUrl(schoolId)} download disabled={!schoolId} data-testid="money-template">
            {t('afterSchool.money.template')}
          </Button>
        </Flex>
        {result && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="money-import-result" message={t('afterSchool.money.imported', { rows: result.rows, recorded: result.recorded, matched: result.matched, duplicates: result.duplicates })} />
        )}
        {errors && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={t('afterSchool.money.importErrors')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.slice(0, 20).map((e, i) => (
                  <li key={i}>
                    {t('afterSchool.money.row', { row: e.row })}「{e.column}」{e.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card size="small" title={t('afterSchool.money.unmatched')} data-testid="money-unmatched">
        {unmatched.error && <QueryError error={unmatched.error} />}
        <Table<Payment>
          rowKey="id"
          size="small"
          loading={unmatched.isFetching}
          dataSource={unmatched.data?.items ?? []}
          pagination={unmatched.data?.total ? unmatchedPager.pagination(unmatched.data.total, [10, 20, 50]) : false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('afterSchool.money.noUnmatched') }}
          columns={[
            { title: t('afterSchool.money.paidOn'), dataIndex: 'paidOn', width: 110 },
            { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: y },
            { title: t('afterSchool.money.payer'), dataIndex: 'payer' },
            { title: t('afterSchool.money.remark'), dataIndex: 'remark' },
            { title: t('afterSchool.money.reference'), dataIndex: 'reference' },
            {
              title: t('afterSchool.money.matchTo'),
              key: 'match',
              width: 380,
              render: (_, p) => (
                <Flex gap={8}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 220 }}
                    aria-label={t('afterSchool.money.matchTo')}
                    value={picks[p.id]}
                    onChange={(v: string) => setPicks({ ...picks, [p.id]: v })}
                    options={students}
                  />
                  <Button disabled={!picks[p.id]} onClick={() => void match(p)}>
                    {t('afterSchool.money.match')}
                  </Button>
                  {reverseCell(p)}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('afterSchool.money.paymentsOfMonth')} data-testid="money-payments">
        {reversal && (
          <Alert
            style={{ marginBottom: 12 }}
            type={reversal.resettle.length ? 'warning' : 'info'}
            showIcon
            closable
            onClose={() => setReversal(null)}
            data-testid="money-reversal-result"
            message={t('afterSchool.money.reversalDone', { amount: y(reversal.payment.amountFen), undone: y(reversal.payment.reversal?.undoneFen ?? 0) })}
            description={
              <>
                {reversal.bills.map((b) => (
                  <div key={b.billId}>{t('afterSchool.money.reversalBill', { month: b.month, undone: y(b.undoneFen), paid: y(b.paidFen), due: y(b.dueFen), status: t(`afterSchool.money.status.${b.status}`) })}</div>
                ))}
                {reversal.resettle.length > 0 && (
                  <Typography.Text strong>
                    {t('afterSchool.money.resettle', {
                      periods: reversal.resettle.map((r) => t('afterSchool.money.resettlePeriod', { period: r.period === 'semester' ? t('afterSchool.money.period.semester') : r.period, version: r.version })).join('、'),
                    })}
                  </Typography.Text>
                )}
              </>
            }
          />
        )}
        {ofMonth.error && <QueryError error={ofMonth.error} />}
        <Table<Payment>
          rowKey="id"
          size="small"
          loading={ofMonth.isFetching}
          dataSource={ofMonth.data?.items ?? []}
          pagination={monthPager.pagination(ofMonth.data?.total)}
          scroll={{ x: 800 }}
          columns={[
            { title: t('afterSchool.money.paidOn'), dataIndex: 'paidOn', width: 110 },
            { title: t('afterSchool.money.student'), key: 's', render: (_, p) => (p.studentName ? `${p.className ?? ''} ${p.studentName}` : <Tag color="warning">{t('afterSchool.money.unmatched')}</Tag>) },
            { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: amountCell },
            { title: t('afterSchool.money.applied'), dataIndex: 'appliedFen', align: 'right', render: y },
            { title: t('afterSchool.money.payer'), dataIndex: 'payer' },
            { title: t('afterSchool.money.reference'), dataIndex: 'reference' },
            { title: t('afterSchool.money.source'), dataIndex: 'source', render: (s: Payment['source']) => t(`afterSchool.money.source.${s}`) },
            { key: 'reverse', width: 90, render: (_, p) => reverseCell(p) },
          ]}
        />
      </Card>
      <ReverseDialog payment={reversing} onClose={() => setReversing(null)} onDone={setReversal} />
    </Flex>
  );
}
