/** Rows (zones with their schools, or classes) × every figure of the dashboard; wide tables scroll. */
import { HS_FIGURES, type HsFigureKey, type IndicatorFigures } from '@shuangjian/contracts';
import { Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FigureCell } from './FigureCell';

export function FiguresTable<T extends { key: string; figures: IndicatorFigures; children?: T[] }>({
  rows,
  lead,
  loading,
  testId,
  omit = [],
  yesNo = [],
}: {
  rows: T[];
  lead: TableColumnsType<T>;
  loading?: boolean;
  testId?: string;
  /** Figures these rows do not carry (a class has no teachers of its own and no lectures of the school). */
  omit?: readonly HsFigureKey[];
  /** Figures shown as done / not yet (a class either held its parent meeting or did not). */
  yesNo?: readonly HsFigureKey[];
}) {
  const { locale } = useI18n();
  const columns: TableColumnsType<T> = [
    ...lead,
    ...HS_FIGURES.filter((s) => !omit.includes(s.key)).map((s) => ({
      key: s.key,
      title: s.label[locale],
      width: s.kind === 'rate' ? 130 : 100,
      render: (_: unknown, row: T) => <FigureCell spec={s} figure={row.figures[s.key]} yesNo={yesNo.includes(s.key)} />,
    })),
  ];
  return (
    <Table<T>
      data-testid={testId}
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      expandable={{ defaultExpandAllRows: true, indentSize: 12 }}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
