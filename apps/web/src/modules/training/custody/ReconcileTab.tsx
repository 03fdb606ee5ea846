/** 银行对账: the statements imported (newest period first), the import dialog, and one reconciliation opened. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { StatementImport } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { ImportDialog } from './ImportDialog';
import { diffCount, statementTemplateUrl, useCustodySummary, useStatementImports } from './queries';
import { ReconcileView } from './ReconcileView';

export function ReconcileTab() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const open = params.get('import');
  const setOpen = (id: string | null) => setParams(id ? { tab: 'reconcile', import: id } : { tab: 'reconcile' }, { replace: false });
  const institutions = useCustodySummary().data?.rows ?? [];
  const [institutionId, setInstitutionId] = useState<string>();
  const [importing, setImporting] = useState(false);
  const list = useStatementImports(institutionId);
  const y = (v: number) => formatYuan(v as Fen, { locale });
  if (open) return <ReconcileView id={open} onBack={() => setOpen(null)} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('training.cd.rec.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('training.cd.allInstitutions')}
          value={institutionId}
          onChange={setInstitutionId}
          options={institutions.map((r) => ({ value: r.institutionId, label: r.institutionName }))}
        />
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="rec-import">
          {t('training.cd.rec.import')}
        </Button>
        <Button icon={<DownloadOutlined />} href={statementTemplateUrl} download data-testid="rec-template">
          {t('training.cd.rec.template')}
        </Button>
      </Flex>
      <QueryError error={list.error} />
      <Table<StatementImport>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.imports}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('training.cd.rec.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'rec-import-row', onClick: () => setOpen(r.id), style: { cursor: 'pointer' } }) as object}
        columns={[
          { title: t('training.cd.institution'), dataIndex: 'institutionName', width: 190 },
          { title: t('training.cd.rec.period'), key: 'period', width: 200, render: (_, i) => `${i.periodFrom} ~ ${i.periodTo}` },
          { title: t('training.cd.rec.bank'), dataIndex: 'bank', width: 110 },
          { title: t('training.cd.rec.file.col'), dataIndex: 'fileName', width: 260, ellipsis: true },
          { title: t('training.cd.rec.lines'), dataIndex: 'lines', width: 70, align: 'right' },
          { title: t('training.cd.rec.bankIn'), dataIndex: 'bankInFen', width: 120, align: 'right', render: y },
          { title: t('training.cd.rec.bankOut'), dataIndex: 'bankOutFen', width: 120, align: 'right', render: y },
          {
            title: t('training.cd.rec.result'),
            key: 'result',
            width: 110,
            render: (_, i) => (i.clean ? <Tag color="success">{t('training.cd.rec.clean')}</Tag> : <Tag color="error">{t('training.cd.rec.diffs', { n: diffCount(i) })}</Tag>),
          },
          { title: t('training.cd.rec.importedAt'), dataIndex: 'importedAt', width: 110, render: (v: string) => new Date(v).toLocaleDateString(locale) },
        ]}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} onDone={(id) => (setImporting(false), setOpen(id))} institutions={institutions} />
    </>
  );
}
