/**
 * 推荐书目与负面清单: every school's staff read both lists and check a book before buying it; the district adds,
 * edits and removes entries and imports a list from Excel (re-importing the same books updates, never duplicates).
 */
import { PlusOutlined } from '@ant-design/icons';
import { READING_KINDS, type ReadingKind, type ReadingList, type ReadingListEntry, readingKindLabels, readingListLabels } from '@shuangjian/contracts';
import { Button, Card, Flex, Input, Select, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { useEditDialog } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { RowActions } from '../../../components/RowActions';
import { BookCheck } from './BookCheck';
import { EntryDialog, type EntryValues } from './EntryDialog';
import { ImportBox } from './ImportBox';
import { listTemplateUrl, useListEntries, useReadingWrites } from './queries';

export default function ListsPage() {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const { data: me } = useMe();
  const mayEdit = can(me, 'five-managements.lists');
  const writes = useReadingWrites();
  const [params, setParams] = useSearchParams();
  const list: ReadingList = params.get('list') === 'recommended' ? 'recommended' : 'negative';
  const filters = { list, q: params.get('q') ?? undefined, kind: (params.get('kind') as ReadingKind | null) ?? undefined, grade: Number(params.get('grade')) || undefined, page: Number(params.get('page')) || 1 };
  const set = (values: Record<string, string | undefined>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [k, v] of Object.entries(values)) {
        if (v) n.set(k, v);
        else n.delete(k);
      }
      if (!('page' in values)) n.delete('page');
      return n;
    });
  const entries = useListEntries(filters);
  const dialog = useEditDialog<ReadingListEntry, EntryValues>({
    save: (v, row) => {
      const body = { ...v, list, isbn: v.isbn || null, author: v.author || null, publisher: v.publisher || null, reason: v.reason || null };
      return row === 'new' ? writes.createEntry(body) : writes.updateEntry(row.id, { ...body, addedOn: row.addedOn });
    },
    fill: (row) => (row === 'new' ? { kind: 'extracurricular', gradeFrom: 1, gradeTo: 9 } : { ...row }),
    onSaved: () => toast.success(t('five.reading.saved')),
  });
  const remove = async (id: string) => {
    try {
      await writes.deleteEntry(id);
      toast.success(t('five.reading.deleted'));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };
  const counts = entries.data?.counts;

  return (
    <div data-testid="reading-lists-page">
      <PageHeader title={t('menu.five.readingLists')} sub={t('five.reading.lists.sub')} />
      <Flex vertical gap={16}>
        <BookCheck />
        <Card size="small">
          <Tabs
            activeKey={list}
            onChange={(k) => setParams({ list: k })}
            items={(['negative', 'recommended'] as const).map((l) => ({
              key: l,
              label: `${readingListLabels[l][locale]}${counts ? `（${counts[l]}）` : ''}`,
            }))}
          />
          {mayEdit && (
            <Flex gap={8} wrap align="start" style={{ marginBottom: 12 }}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.open('new')} data-testid="reading-entry-add">
                {t('five.reading.add')}
              </Button>
              <ImportBox
                label={t('five.reading.importTo', { list: readingListLabels[list][locale] })}
                templateUrl={listTemplateUrl(list)}
                run={(file) => writes.importList(list, file)}
                describe={(r) => t('five.reading.listImported', r)}
                testId="reading-list"
              />
            </Flex>
          )}
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear style={{ flex: '1 1 220px', maxWidth: 320 }} placeholder={t('five.reading.search')} defaultValue={filters.q} onSearch={(v) => set({ q: v.trim() || undefined })} />
            <Select allowClear style={{ width: 130 }} placeholder={t('five.reading.allKinds')} value={filters.kind} onChange={(v) => set({ kind: v })}
              options={READING_KINDS.map((k) => ({ value: k, label: readingKindLabels[k][locale] }))} />
            <Select allowClear style={{ width: 110 }} placeholder={t('five.reading.allGrades')} value={filters.grade ? String(filters.grade) : undefined} onChange={(v) => set({ grade: v })}
              options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => ({ value: String(g), label: t('five.reading.grade', { g }) }))} />
          </Flex>
          <QueryError error={entries.error} />
          <Table<ReadingListEntry>
            rowKey="id"
            size="small"
            loading={entries.isLoading}
            dataSource={entries.data?.items}
            scroll={{ x: 900 }}
            pagination={{ current: filters.page, pageSize: 20, total: entries.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (page) => set({ page: String(page) }) }}
            onRow={() => ({ 'data-testid': 'reading-entry-row' }) as object}
            columns={[
              {
                title: t('five.reading.col.title'),
                key: 'title',
                width: 220,
                render: (_, e) => (
                  <Flex vertical>
                    <Typography.Text strong>《{e.title}》</Typography.Text>
                    {e.author && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.author}</Typography.Text>}
                  </Flex>
                ),
              },
              { title: t('five.reading.col.publisher'), dataIndex: 'publisher', width: 170 },
              { title: t('five.reading.col.isbn'), dataIndex: 'isbn', width: 130 },
              { title: t('five.reading.col.kind'), dataIndex: 'kind', width: 90, render: (k: ReadingKind) => readingKindLabels[k][locale] },
              {
                title: t('five.reading.col.grades'),
                key: 'grades',
                width: 90,
                render: (_, e) => (e.gradeFrom === e.gradeTo ? t('five.reading.gradeOne', { g: e.gradeFrom }) : t('five.reading.gradeBand', { from: e.gradeFrom, to: e.gradeTo })),
              },
              ...(list === 'negative' ? [{ title: t('five.reading.col.reason'), dataIndex: 'reason', width: 240 }] : []),
              { title: t('five.reading.col.addedOn'), dataIndex: 'addedOn', width: 100 },
              ...(mayEdit
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, e: ReadingListEntry) => <RowActions onEdit={() => dialog.open(e)} remove={{ confirm: t('five.reading.deleteEntry'), onConfirm: () => void remove(e.id) }} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
      {mayEdit && <EntryDialog list={list} isNew={dialog.editing === 'new'} modal={dialog.modal} />}
    </div>
  );
}
