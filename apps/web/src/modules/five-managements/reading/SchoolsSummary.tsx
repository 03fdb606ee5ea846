/** The district's view of a semester: per school, titles and copies filed, negative-list hits and 教辅 to review. */
import type { ReadingSummary } from '@shuangjian/contracts';
import { Button, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

type Row = ReadingSummary['schools'][number];

export function SchoolsSummary({ summary, loading, onPick }: { summary: ReadingSummary | undefined; loading: boolean; onPick: (schoolId: string) => void }) {
  const { t } = useI18n();
  return (
    <Table<Row>
      rowKey="schoolId"
      size="small"
      loading={loading}
      dataSource={summary?.schools}
      pagination={false}
      scroll={{ x: 560 }}
      onRow={() => ({ 'data-testid': 'reading-summary-row' }) as object}
      columns={[
        {
          title: t('five.reading.col.school'),
          dataIndex: 'schoolName',
          render: (name: string, r) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(r.schoolId)}>
              {name}
            </Button>
          ),
        },
        { title: t('five.reading.fig.filings'), dataIndex: 'filings', align: 'right', width: 100 },
        { title: t('five.reading.summary.copies'), dataIndex: 'copies', align: 'right', width: 100 },
        {
          title: t('five.reading.fig.flagged'),
          dataIndex: 'flagged',
          align: 'right',
          width: 120,
          render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : n),
        },
        { title: t('five.reading.fig.warnings'), dataIndex: 'warnings', align: 'right', width: 110, render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
      ]}
    />
  );
}
