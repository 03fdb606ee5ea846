/** Rows (zones, schools, classes) × figures: each cell a rate with num/den, 暂无数据 without data; wide tables scroll. */
import type { DashboardFigureSpec, IndicatorFigures } from '@shuangjian/contracts';
import { Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FigureValue } from './FigureValue';
import { SpanTag } from './ManagementCards';

export function FiguresTable<T extends { figures: IndicatorFigures }>({
  rows,
  rowKey,
  lead,
  specs,
  loading,
  warn,
  testId,
}: {
  rows: T[];
  rowKey: keyof T & string;
  lead: TableColumnsType<T>;
  specs: readonly (Pick<DashboardFigureSpec, 'key' | 'label'> & { span?: DashboardFigureSpec['span'] })[];
  loading?: boolean;
  /** Cells to show in red (a class below the sleep threshold). */
  warn?: (row: T, key: string) => boolean;
  testId?: string;
}) {
  const { locale } = useI18n();
  const columns: TableColumnsType<T> = [
    ...lead,
    ...specs.map((s) => ({
      key: s.key,
      title: (
        <span>
          {s.label[locale]} {s.span && <SpanTag span={s.span} />}
        </span>
      ),
      width: 150,
      render: (_: unknown, row: T) => <FigureValue figure={row.figures[s.key]} warn={warn?.(row, s.key)} />,
    })),
  ];
  return (
    <Table<T>
      data-testid={testId}
      rowKey={rowKey}
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
