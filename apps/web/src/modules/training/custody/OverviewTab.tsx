/** Custody per institution: held, owed, released, refunded, deposit and coverage (target 100%), with the district's totals. */
import { type CustodyRow, custodyModeLabels, trainingStatusLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Progress, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useCustodySummary } from './queries';

export function OverviewTab() {
  const { t, locale } = useI18n();
  const q = useCustodySummary();
  const y = (v: number) => formatYuan(v as Fen, { locale });
  const totals = q.data?.totals;
  return (
    <>
      <QueryError error={q.error} />
      <Table<CustodyRow>
        rowKey="institutionId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.rows}
        pagination={false}
        scroll={{ x: 1400 }}
        onRow={(r) => ({ 'data-testid': 'custody-row', 'data-institution': r.institutionName }) as object}
        columns={[
          { title: t('training.cd.institution'), dataIndex: 'institutionName', fixed: 'left', width: 190 },
          { title: t('training.cd.status'), dataIndex: 'status', width: 70, render: (s: CustodyRow['status']) => trainingStatusLabels[s][locale] },
          { title: t('training.cd.mode'), dataIndex: 'custodyMode', width: 100, render: (m: CustodyRow['custodyMode']) => <Tag>{custodyModeLabels[m][locale]}</Tag> },
          { title: t('training.cd.orders'), dataIndex: 'activeOrders', width: 80, align: 'right' },
          { title: t('training.cd.held'), dataIndex: 'heldFen', width: 125, align: 'right', render: y },
          { title: t('training.cd.owed'), dataIndex: 'owedFen', width: 125, align: 'right', render: y },
          { title: t('training.cd.released'), dataIndex: 'releasedFen', width: 125, align: 'right', render: y },
          { title: t('training.cd.refunded'), dataIndex: 'refundedFen', width: 125, align: 'right', render: y },
          { title: t('training.cd.deposit'), dataIndex: 'depositFen', width: 125, align: 'right', render: y },
          {
            title: t('training.cd.coverage'),
            key: 'coverage',
            width: 170,
            render: (_, r) =>
              r.coverageBp === null ? (
                <Typography.Text type="secondary">{t('training.cd.noOwed')}</Typography.Text>
              ) : (
                <>
                  <Progress
                    size="small"
                    percent={Math.min(100, Math.floor(r.coverageBp / 100))}
                    status={r.covered ? 'success' : 'exception'}
                    format={() => `${(r.coverageBp! / 100).toFixed(1)}%`}
                  />
                  {r.bankShortfallFen > 0 && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="bank-shortfall">
                      {t('training.cd.bankShort', { amount: y(r.bankShortfallFen), date: r.bankStatementTo ?? '' })}
                    </Typography.Text>
                  )}
                </>
              ),
          },
          { title: t('training.cd.refunds'), key: 'refunds', width: 110, align: 'right', render: (_, r) => `${r.openRefunds} / ${r.overdueRefunds}` },
        ]}
        summary={() =>
          totals && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <b>{t('training.cd.total')}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{y(totals.heldFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{y(totals.owedFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">{y(totals.releasedFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">{y(totals.refundedFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">{y(totals.depositFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={9} colSpan={2} />
            </Table.Summary.Row>
          )
        }
      />
      {q.data?.policyVersion && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('training.cd.policy', { version: q.data.policyVersion })}
        </Typography.Paragraph>
      )}
    </>
  );
}
