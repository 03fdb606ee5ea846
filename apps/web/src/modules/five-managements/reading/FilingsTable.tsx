/** Filings with their check results (flagged first); the school edits or deletes its own. */
import { type ReadingFiling, type ReadingKind, type ReadingSource, readingKindLabels, readingSourceLabels } from '@shuangjian/contracts';
import { formatIsbn } from '@shuangjian/policy';
import { Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { RowActions } from '../../../components/RowActions';
import { CheckResult } from './CheckResult';

export function FilingsTable({
  rows,
  total,
  page,
  loading,
  showSchool,
  onPage,
  onEdit,
  onDelete,
}: {
  rows: ReadingFiling[] | undefined;
  total: number;
  page: number;
  loading: boolean;
  showSchool: boolean;
  onPage: (page: number) => void;
  /** Given when the user may change the filings. */
  onEdit?: (f: ReadingFiling) => void;
  onDelete?: (f: ReadingFiling) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<ReadingFiling>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('five.reading.noFilings') }}
      pagination={{ current: page, pageSize: 20, total, hideOnSinglePage: true, showSizeChanger: false, onChange: onPage }}
      onRow={(f) => ({ 'data-testid': 'reading-filing-row', 'data-status': f.status }) as object}
      columns={[
        {
          title: t('five.reading.col.title'),
          key: 'title',
          width: 220,
          render: (_, f) => (
            <Flex vertical>
              <Typography.Text strong>《{f.title}》</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[f.publisher, f.isbn ? formatIsbn(f.isbn) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          ),
        },
        ...(showSchool ? [{ title: t('five.reading.col.school'), dataIndex: 'schoolName', width: 150 }] : []),
        {
          title: t('five.reading.col.check'),
          key: 'check',
          width: 320,
          render: (_, f) => (
            <Flex vertical gap={2}>
              <CheckResult check={f.check} compact />
              {f.findingId &&
                (onEdit ? (
                  <Link to="/five/selfcheck/school" style={{ fontSize: 12 }}>
                    {t('five.reading.finding')} · {t('five.reading.findingLink')}
                  </Link>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('five.reading.finding')}
                  </Typography.Text>
                ))}
            </Flex>
          ),
        },
        { title: t('five.reading.col.kind'), dataIndex: 'kind', width: 90, render: (k: ReadingKind) => readingKindLabels[k][locale] },
        { title: t('five.reading.col.grades'), dataIndex: 'grades', width: 90, render: (g: number[]) => g.join('、') },
        { title: t('five.reading.col.copies'), dataIndex: 'copies', width: 70, align: 'right' },
        { title: t('five.reading.col.source'), dataIndex: 'source', width: 100, render: (s: ReadingSource) => readingSourceLabels[s][locale] },
        { title: t('five.reading.col.filedOn'), dataIndex: 'filedOn', width: 100 },
        ...(onEdit && onDelete
          ? [
              {
                title: '',
                key: 'actions',
                width: 110,
                render: (_: unknown, f: ReadingFiling) => <RowActions onEdit={() => onEdit(f)} remove={{ confirm: t('five.reading.deleteFiling'), onConfirm: () => onDelete(f) }} />,
              },
            ]
          : []),
      ]}
    />
  );
}
