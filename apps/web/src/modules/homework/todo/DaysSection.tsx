/** Class-days waiting for someone: the class teacher's days to coordinate, and the days academic affairs approves. */
import { Checkbox, Flex, Grid, Space, Table, type TableColumnsType as ColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { LoadBar } from '../components/LoadBar';
import { formatDay, type TodoRow } from '../components/model';
import { Section } from './Section';

type DayRow = { classId: string; className: string; date: string; limit: number; written: number };

/**
 * Class-days that wait for me, each opened on the day page by its link: on a phone a card per day (a table scrolled
 * sideways reads badly there), else a table. `columns` and `more` are what the kind of work adds to date, class and load.
 */
export const dayKey = (r: { classId: string; date: string }) => `${r.classId}|${r.date}`;

/** Ticked class-days (batch approval): which may be ticked, which are. */
export interface DaySelection<T> {
  selected: string[];
  onChange: (keys: string[]) => void;
  selectable: (row: T) => boolean;
}

export function DaysSection<T extends DayRow>({
  id,
  title,
  rows,
  loading,
  empty,
  link,
  loadWidth,
  scrollX,
  columns,
  more,
  selection,
  extra,
  above,
}: {
  id: string;
  title: string;
  rows: T[] | undefined;
  loading: boolean;
  empty: string;
  link: { testId: string; label: string };
  loadWidth?: number;
  scrollX: number;
  columns: ColumnsType<T>;
  /** Under the load bar on a phone. */
  more: (row: T) => ReactNode;
  selection?: DaySelection<T>;
  /** Buttons in the card's header. */
  extra?: ReactNode;
  /** Above the list: what the last action did. */
  above?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  const go = (r: T) => (
    <Link to={`/homework/day/${r.classId}/${r.date}`} data-testid={link.testId}>
      {link.label}
    </Link>
  );
  return (
    <Section id={id} title={title} rows={rows} loading={loading} empty={empty} extra={extra} above={above}>
      {mobile ? (
        <Flex vertical gap={10}>
          {(rows ?? []).map((r) => (
            <Flex key={dayKey(r)} vertical gap={6} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10 }} role="row">
              <Flex justify="space-between">
                {selection ? (
                  <Checkbox
                    checked={selection.selected.includes(dayKey(r))}
                    disabled={!selection.selectable(r)}
                    onChange={(e) => selection.onChange(e.target.checked ? [...selection.selected, dayKey(r)] : selection.selected.filter((k) => k !== dayKey(r)))}
                  >
                    <Typography.Text strong>
                      {formatDay(r.date, locale)} · {r.className}
                    </Typography.Text>
                  </Checkbox>
                ) : (
                  <Typography.Text strong>
                    {formatDay(r.date, locale)} · {r.className}
                  </Typography.Text>
                )}
                {go(r)}
              </Flex>
              <LoadBar limit={r.limit} written={r.written} />
              {more(r)}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<T>
          rowKey={dayKey}
          size="small"
          pagination={false}
          dataSource={rows}
          rowSelection={
            selection && {
              selectedRowKeys: selection.selected,
              onChange: (keys) => selection.onChange(keys.map(String)),
              getCheckboxProps: (r) => ({ disabled: !selection.selectable(r), 'aria-label': `${r.className} ${r.date}` }),
            }
          }
          scroll={{ x: scrollX }}
          columns={[
            { title: t('hw.field.date'), dataIndex: 'date', width: 120, render: (v: string) => formatDay(v, locale) },
            { title: t('hw.field.class'), dataIndex: 'className', width: 120 },
            { title: t('hw.todo.written'), key: 'load', width: loadWidth, render: (_: unknown, r) => <LoadBar limit={r.limit} written={r.written} /> },
            ...columns,
            { title: t('common.actions'), key: 'go', width: 100, render: (_: unknown, r) => go(r) },
          ]}
        />
      )}
    </Section>
  );
}

/** 待协调: the class teacher's days, each with its counted total against the limit. */
export function CoordinateSection({ rows, loading }: { rows: TodoRow['toCoordinate'] | undefined; loading: boolean }) {
  const { t } = useI18n();
  const issues = (r: TodoRow['toCoordinate'][number]) => (
    <Space size={0} wrap>
      {r.violations > 0 ? <Tag color="red">{t('hw.todo.violations', { n: r.violations })}</Tag> : <Tag color="green">{t('hw.todo.noViolations')}</Tag>}
      {r.pending > 0 && <Tag color="gold">{t('hw.todo.pending', { n: r.pending })}</Tag>}
    </Space>
  );
  return (
    <DaysSection
      id="toCoordinate"
      title={t('hw.todo.toCoordinate')}
      rows={rows}
      loading={loading}
      empty={t('hw.todo.toCoordinateEmpty')}
      link={{ testId: 'coordinate-link', label: t('hw.todo.coordinate') }}
      scrollX={720}
      columns={[{ title: t('hw.todo.issues'), key: 'issues', width: 200, render: (_: unknown, r) => issues(r) }]}
      more={issues}
    />
  );
}
