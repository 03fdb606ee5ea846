/**
 * Every figure of the span chosen per zone (the district: zones first, a total row) or per school (a zone): coloured
 * rates linking to their pages; a zone's or a school's name goes down a level.
 */
import { METRIC_KEYS, type MetricFigureSet } from '@shuangjian/contracts';
import { Button, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../app/i18n';
import { FigureLink } from './FigureLink';

export interface TableRow {
  id: string;
  name: string;
  /** Zones: how many schools. */
  schools?: number;
  figures: MetricFigureSet;
}

export function FiguresTable({ rows, total, totalName, semesterId, onOpen, testId }: { rows: TableRow[]; total: MetricFigureSet; totalName: string; semesterId?: string | null; onOpen: (id: string) => void; testId: string }) {
  const { t } = useI18n();
  const columns: ColumnsType<TableRow> = [
    {
      title: rows[0]?.schools !== undefined ? t('sv.home.zone') : t('sv.home.school'),
      dataIndex: 'name',
      fixed: 'left',
      width: 170,
      render: (name: string, r) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(r.id)} data-testid={`sv-open-${r.id}`}>
          {name}
          {r.schools !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('sv.home.schoolsN', { n: r.schools })}
            </Typography.Text>
          )}
        </Button>
      ),
    },
    ...METRIC_KEYS.map((k) => ({
      key: k,
      width: 112,
      title: (
        <Tooltip title={t(`sv.home.metric.${k}`)}>
          <span>{t(`sv.home.short.${k}`)}</span>
        </Tooltip>
      ),
      render: (_: unknown, r: TableRow) => <FigureLink k={k} f={r.figures[k]} semesterId={semesterId} stacked testId={`sv-fig-${r.id}-${k}`} />,
    })),
  ];
  return (
    <Table<TableRow>
      data-testid={testId}
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 170 + METRIC_KEYS.length * 112 }}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row style={{ background: '#fafafa' }}>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{totalName}</Typography.Text>
            </Table.Summary.Cell>
            {METRIC_KEYS.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1}>
                <FigureLink k={k} f={total[k]} semesterId={semesterId} stacked testId={`sv-total-${k}`} />
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
