/**
 * One reconciliation: bank and ledger side by side (in, out, closing balance and its difference), then the lines with
 * their result (differences highlighted) and the ledger's transfers the bank did not show; re-run and export.
 */
import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type LedgerGap,
  RECONCILE_SHOW,
  type ReconcileShow,
  type StatementLine,
  statementDirectionLabels,
  statementMatchLabels,
  transferKindLabels,
} from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Alert, Button, Card, Descriptions, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { QueryError } from '../../../components/QueryError';
import { diffCount, reconcileExportUrl, useReconcile, useReconcileWrites } from './queries';

const STATUS_COLOR: Record<StatementLine['status'] | 'missing_bank', string> = { matched: 'success', amount_differs: 'warning', unmatched_bank: 'error', missing_bank: 'magenta' };

export function ReconcileView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const writes = useReconcileWrites();
  const [show, setShow] = useState<ReconcileShow>('differences');
  const [busy, setBusy] = useState(false);
  const q = useReconcile(id, show);
  const y = (v: number | null) => (v === null ? '' : formatYuan(v as Fen, { locale }));
  const imp = q.data?.import;
  const rerun = async () => {
    setBusy(true);
    try {
      await writes.rerun(id);
      message.success(t('training.cd.rec.rerunDone'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const differs = (a: number, b: number) => (a === b ? y(a) : <Typography.Text type="danger" strong>{y(a)}</Typography.Text>);
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('training.cd.rec.back')}
        </Button>
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void rerun()} data-testid="rec-rerun">
            {t('training.cd.rec.rerun')}
          </Button>
          <Button icon={<DownloadOutlined />} href={reconcileExportUrl(id)} download data-testid="rec-export">
            {t('training.cd.rec.exportDiffs')}
          </Button>
        </Flex>
      </Flex>
      <QueryError error={q.error} />
      {imp && (
        <Card size="small" title={`${imp.institutionName} · ${imp.periodFrom} ~ ${imp.periodTo}${imp.bank ? ` · ${imp.bank}` : ''}`} extra={<Typography.Text type="secondary">{imp.fileName}</Typography.Text>}>
          {imp.clean ? (
            <Alert type="success" showIcon data-testid="rec-clean" message={t('training.cd.rec.clean')} description={t('training.cd.rec.cleanAll', { lines: imp.lines })} style={{ marginBottom: 12 }} />
          ) : (
            <Alert type="error" showIcon data-testid="rec-differs" message={t('training.cd.rec.diffs', { n: diffCount(imp) })} style={{ marginBottom: 12 }} />
          )}
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="rec-summary">
            <Descriptions.Item label={t('training.cd.rec.bankIn')}>{differs(imp.bankInFen, imp.ledgerInFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.ledgerIn')}>{y(imp.ledgerInFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.bankOut')}>{differs(imp.bankOutFen, imp.ledgerOutFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.ledgerOut')}>{y(imp.ledgerOutFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.stmtClosing')}>
              {imp.statementClosingFen === null ? <Typography.Text type="secondary">{t('training.cd.rec.noBalance')}</Typography.Text> : differs(imp.statementClosingFen, imp.ledgerClosingFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.ledgerClosing')}>{y(imp.ledgerClosingFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.balanceDiff')}>
              <span data-testid="rec-balance-diff">{imp.balanceDiffFen === null ? '—' : imp.balanceDiffFen === 0 ? y(0) : <Typography.Text type="danger" strong>{y(imp.balanceDiffFen)}</Typography.Text>}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('training.cd.rec.result')}>
              <Flex wrap gap={4}>
                <Tag color="success">{t('training.cd.rec.matched')} {imp.matched}</Tag>
                <Tag color="warning">{statementMatchLabels.amount_differs[locale]} {imp.amountDiffers}</Tag>
                <Tag color="error">{statementMatchLabels.unmatched_bank[locale]} {imp.unmatchedBank}</Tag>
                <Tag color="magenta">{statementMatchLabels.missing_bank[locale]} {imp.missingBank}</Tag>
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('training.cd.rec.runs', { runs: imp.runs, at: new Date(imp.reconciledAt).toLocaleString(locale), by: imp.reconciledByName ?? '' })}
          </Typography.Paragraph>
        </Card>
      )}
      <Segmented<ReconcileShow> value={show} onChange={setShow} options={RECONCILE_SHOW.map((s) => ({ value: s, label: t(`training.cd.rec.show.${s}`) }))} data-testid="rec-show" />
      {show !== 'missing_bank' && (
        <Card size="small" title={t('training.cd.rec.bankSide')}>
          <Table<StatementLine>
            rowKey="id"
            size="small"
            loading={q.isFetching && !q.data}
            dataSource={q.data?.lines}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('training.cd.rec.noLines') }}
            onRow={(l) => ({ 'data-testid': 'rec-line', 'data-status': l.status, style: l.status === 'matched' ? undefined : { background: l.status === 'amount_differs' ? '#fffbe6' : '#fff1f0' } }) as object}
            columns={[
              { title: t('training.cd.rec.match'), dataIndex: 'status', width: 120, render: (s: StatementLine['status']) => <Tag color={STATUS_COLOR[s]}>{statementMatchLabels[s][locale]}</Tag> },
              { title: t('training.cd.rec.date'), dataIndex: 'date', width: 105 },
              { title: t('training.cd.rec.dir'), dataIndex: 'direction', width: 60, render: (d: StatementLine['direction']) => statementDirectionLabels[d][locale] },
              { title: t('training.cd.rec.bankAmount'), dataIndex: 'amountFen', width: 115, align: 'right', render: y },
              { title: t('training.cd.rec.ledgerAmount'), dataIndex: 'ledgerAmountFen', width: 115, align: 'right', render: y },
              { title: t('training.cd.rec.diff'), dataIndex: 'diffFen', width: 90, align: 'right', render: (v: number | null) => (v ? <Typography.Text type="danger">{y(v)}</Typography.Text> : '') },
              { title: t('training.cd.orderCode'), dataIndex: 'orderCode', width: 150 },
              { title: t('training.cd.kind'), dataIndex: 'transferKind', width: 100, render: (k: StatementLine['transferKind']) => (k ? transferKindLabels[k][locale] : '') },
              { title: t('training.cd.rec.serial'), dataIndex: 'serialNo', width: 130 },
              { title: t('training.cd.rec.counterparty'), dataIndex: 'counterparty', width: 140 },
              { title: t('training.cd.rec.remark'), dataIndex: 'remark', ellipsis: true },
              { title: t('training.cd.note'), dataIndex: 'note', width: 220 },
            ]}
          />
        </Card>
      )}
      {(show === 'differences' || show === 'all' || show === 'missing_bank') && (
        <Card size="small" title={t('training.cd.rec.ledgerSide')}>
          <Table<LedgerGap>
            rowKey="transferId"
            size="small"
            dataSource={q.data?.gaps}
            scroll={{ x: 800 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('training.cd.rec.noGaps') }}
            onRow={() => ({ 'data-testid': 'rec-gap', style: { background: '#fff0f6' } }) as object}
            columns={[
              { title: t('training.cd.rec.match'), key: 's', width: 120, render: () => <Tag color={STATUS_COLOR.missing_bank}>{statementMatchLabels.missing_bank[locale]}</Tag> },
              { title: t('training.cd.rec.date'), dataIndex: 'date', width: 105 },
              { title: t('training.cd.rec.dir'), dataIndex: 'direction', width: 60, render: (d: LedgerGap['direction']) => statementDirectionLabels[d][locale] },
              { title: t('training.cd.rec.ledgerAmount'), dataIndex: 'amountFen', width: 115, align: 'right', render: y },
              { title: t('training.cd.orderCode'), dataIndex: 'orderCode', width: 150 },
              { title: t('training.cd.kind'), dataIndex: 'kind', width: 110, render: (k: LedgerGap['kind']) => transferKindLabels[k][locale] },
              { title: t('training.cd.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
