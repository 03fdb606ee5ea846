/** A period's reports: a table on a wide screen, one card per report on a phone; each with its Excel and PDF. */
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { ReportSummary } from '@shuangjian/contracts';
import { Button, Card, Empty, Flex, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { reportFileUrl } from '../queries-reports';

function Files({ r }: { r: ReportSummary }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Button size="small" icon={<FileExcelOutlined />} href={reportFileUrl(r.id, 'xlsx')} download data-testid="report-xlsx">
        {t('svr.excel')}
      </Button>
      <Button size="small" icon={<FilePdfOutlined />} href={reportFileUrl(r.id, 'pdf')} download data-testid="report-pdf">
        {t('svr.pdf')}
      </Button>
    </Space>
  );
}

function Scope({ r }: { r: ReportSummary }) {
  const { t } = useI18n();
  return r.scope === 'district' ? (
    <Space size={4}>
      <Tag color="blue">{t('svr.scope.district')}</Tag>
      <Typography.Text strong>{r.periodLabel}</Typography.Text>
    </Space>
  ) : (
    <Typography.Text>{r.schoolName}</Typography.Text>
  );
}

export function ReportRows({ items, loading }: { items: ReportSummary[]; loading: boolean }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const screens = Grid.useBreakpoint();
  const by = (r: ReportSummary) => r.generatedBy ?? t('svr.byJob');
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Flex vertical>{t('svr.empty')}<Typography.Text type="secondary">{t('svr.emptyHint')}</Typography.Text></Flex>} />;
  if (screens.md === false)
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: empty }}
        data-testid="reports"
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="report-row">
            <Flex vertical gap={6}>
              <Flex justify="space-between" wrap gap={4}>
                <Scope r={r} />
                {r.zoneName && <Typography.Text type="secondary">{r.zoneName}</Typography.Text>}
              </Flex>
              <Typography.Text type="secondary">
                {r.periodFrom} ~ {r.periodTo} · {by(r)} · {formatDateTime(r.generatedAt, tz)}
              </Typography.Text>
              <Files r={r} />
            </Flex>
          </Card>
        )}
      />
    );
  return (
    <Table<ReportSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      data-testid="reports"
      onRow={() => ({ 'data-testid': 'report-row' }) as object}
      locale={{ emptyText: empty }}
      scroll={{ x: 900 }}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (n) => t('svr.count', { n }) } : false}
      columns={[
        { title: t('svr.scope'), key: 'scope', render: (_: unknown, r) => <Scope r={r} /> },
        { title: t('svr.zone'), dataIndex: 'zoneName', width: 150, render: (z: string | null) => z ?? '—' },
        { title: t('svr.range'), key: 'range', width: 220, render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.periodFrom} ~ ${r.periodTo}`}</span> },
        {
          title: t('svr.assessments'),
          dataIndex: 'assessments',
          width: 90,
          align: 'center',
          render: (n: number) => (n ? <Tag color="purple">{t('svr.assessmentsN', { n })}</Tag> : '—'),
        },
        {
          title: t('svr.generatedAt'),
          key: 'at',
          width: 200,
          render: (_: unknown, r) => (
            <Space orientation="vertical" size={0}>
              <span>{formatDateTime(r.generatedAt, tz)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {by(r)}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('svr.files'), key: 'files', width: 180, render: (_: unknown, r) => <Files r={r} /> },
      ]}
    />
  );
}
