/**
 * 缴费: import a bank or payment-platform export (matched lines go to the children's bills; a bad file is refused whole
 * with each row named), match the unmatched lines by hand to a child, and the month's payments.
 */
import { UploadOutlined } from '@ant-design/icons';
import type { Payment, PaymentImportResult, RowError } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { QueryError } from '../../../components/QueryError';
import { yuan } from './money';
import { useMonthBills, useMoneyWrites, usePayments } from './queries';

export function PaymentsTab({ schoolId, month }: { schoolId: string | undefined; month: string }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const writes = useMoneyWrites();
  const unmatched = usePayments(schoolId, undefined, true);
  const ofMonth = usePayments(schoolId, month);
  const bills = useMonthBills(schoolId, month);
  const [result, setResult] = useState<PaymentImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const y = (v: number) => yuan(v, locale);
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
      <Card size="small" title={t('afterSchool.money.unmatched')}>
        {unmatched.error && <QueryError error={unmatched.error} />}
        <Table<Payment>
          rowKey="id"
          size="small"
          loading={unmatched.isLoading}
          dataSource={unmatched.data ?? []}
          pagination={false}
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
              width: 320,
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
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('afterSchool.money.paymentsOfMonth')}>
        {ofMonth.error && <QueryError error={ofMonth.error} />}
        <Table<Payment>
          rowKey="id"
          size="small"
          loading={ofMonth.isLoading}
          dataSource={ofMonth.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          columns={[
            { title: t('afterSchool.money.paidOn'), dataIndex: 'paidOn', width: 110 },
            { title: t('afterSchool.money.student'), key: 's', render: (_, p) => (p.studentName ? `${p.className ?? ''} ${p.studentName}` : <Tag color="warning">{t('afterSchool.money.unmatched')}</Tag>) },
            { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: y },
            { title: t('afterSchool.money.applied'), dataIndex: 'appliedFen', align: 'right', render: y },
            { title: t('afterSchool.money.payer'), dataIndex: 'payer' },
            { title: t('afterSchool.money.reference'), dataIndex: 'reference' },
            { title: t('afterSchool.money.source'), dataIndex: 'source', render: (s: Payment['source']) => t(`afterSchool.money.source.${s}`) },
          ]}
        />
      </Card>
    </Flex>
  );
}
