/** The ledger's transfer journal (custody area's route): filter by institution, kind and dates; page; export. */
import { DownloadOutlined } from '@ant-design/icons';
import { TRANSFER_KINDS, type TransferKind, type TransferRow, transferKindLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { transfersExportUrl, useCustodySummary, useTransfers } from './queries';

export function JournalTab() {
  const { t, locale } = useI18n();
  const institutions = useCustodySummary().data?.rows ?? [];
  const [institutionId, setInstitutionId] = useState<string>();
  const [kind, setKind] = useState<TransferKind>();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const filter = { institutionId, kind, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const q = useTransfers({ ...filter, page });
  const y = (v: number) => formatYuan(v as Fen, { locale });
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('training.cd.allInstitutions')}
          value={institutionId}
          onChange={(v?: string) => (setInstitutionId(v), setPage(1))}
          options={institutions.map((r) => ({ value: r.institutionId, label: r.institutionName }))}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('training.cd.kind')}
          value={kind}
          onChange={(v?: TransferKind) => (setKind(v), setPage(1))}
          options={TRANSFER_KINDS.map((k) => ({ value: k, label: transferKindLabels[k][locale] }))}
        />
        <DatePicker.RangePicker inputReadOnly value={range} onChange={(v) => (setRange(v?.[0] && v[1] ? [v[0], v[1]] : null), setPage(1))} />
        <Button icon={<DownloadOutlined />} href={transfersExportUrl(filter)} download>
          {t('training.cd.export')}
        </Button>
      </Flex>
      <QueryError error={q.error} />
      {q.data && <Typography.Paragraph type="secondary">{t('training.cd.journalSum', { total: q.data.total, sum: y(q.data.sumFen) })}</Typography.Paragraph>}
      <Table<TransferRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('training.cd.time'), dataIndex: 'createdAt', width: 160, render: (v: string) => new Date(v).toLocaleString(locale) },
          { title: t('training.cd.kind'), dataIndex: 'kind', width: 110, render: (k: TransferKind) => <Tag>{transferKindLabels[k][locale]}</Tag> },
          { title: t('training.cd.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: y },
          { title: t('training.cd.institution'), dataIndex: 'institutionName' },
          { title: t('training.cd.orderCode'), dataIndex: 'orderCode', width: 140 },
          { title: t('training.cd.debit'), dataIndex: 'debitAccount' },
          { title: t('training.cd.credit'), dataIndex: 'creditAccount' },
          { title: t('training.cd.note'), dataIndex: 'note' },
        ]}
      />
    </>
  );
}
