/** The school calendar: a month view per school, the dated entries (holidays, worked weekends, vacations) and the semesters. */
import { PlusOutlined } from '@ant-design/icons';
import { CALENDAR_ENTRY_KINDS } from '@shuangjian/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { api } from '../../app/api';
import { can, hasRole, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RowActions } from '../../components/RowActions';
import { SchoolSelect, useUrlFilters } from '../org/filters';
import { useSchools } from '../org/queries';
import { MonthView } from './MonthView';
import { type EntryRow, type SemesterRow, useEntries, useSemesters } from './queries';

const kindColor: Record<EntryRow['kind'], string> = { holiday: 'red', workday: 'blue', vacation: 'orange' };
const DISTRICT = '__district__';

type EntryValues = { kind: EntryRow['kind']; name: string; range: [Dayjs, Dayjs]; scope: string };
type SemesterValues = { name: string; schoolYear: string; term: 1 | 2; range: [Dayjs, Dayjs] };
const dates = (range: [Dayjs, Dayjs]) => ({ startDate: range[0].format('YYYY-MM-DD'), endDate: range[1].format('YYYY-MM-DD') });
const rangeOf = (row: { startDate: string; endDate: string }): [Dayjs, Dayjs] => [dayjs(row.startDate), dayjs(row.endDate)];
const days = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'day') + 1;

function invalidateCalendar(client: ReturnType<typeof useQueryClient>) {
  for (const key of ['semesters', 'calendar-entries', 'calendar-days']) void client.invalidateQueries({ queryKey: [key] });
}

/** Deletes an entry or a semester (`path`/id), then refreshes the calendar. */
function useRemove(path: string) {
  const t = useT();
  const message = useMessage();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (row: { id: string }) => api.delete(`${path}/${row.id}`),
    onSuccess: () => {
      message.success(t('calendar.deleted'));
      invalidateCalendar(client);
    },
    onError: (e) => message.error(e.message),
  });
}

function NewButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Flex justify="flex-end" style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
        {children}
      </Button>
    </Flex>
  );
}

/** Dates followed by how many days they span. */
function WithDays({ from, to, children }: { from: string; to: string; children: ReactNode }) {
  const t = useT();
  return (
    <span>
      {children} <Typography.Text type="secondary">({t('calendar.days', { n: days(from, to) })})</Typography.Text>
    </span>
  );
}

function EntriesTab({ schoolId }: { schoolId: string | undefined }) {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const schools = useSchools();
  const entries = useEntries(schoolId);
  const district = hasRole(me, 'district_admin');
  const manage = can(me, 'calendar.manage');
  const mine = new Set(me?.schools.map((s) => s.id));
  const mayEdit = (e: EntryRow) => manage && (district || (e.schoolId !== null && mine.has(e.schoolId)));
  const schoolName = (id: string | null) => (id ? (schools.data?.find((s) => s.id === id)?.name ?? id) : t('calendar.scope.district'));
  const scopes = [
    ...(district ? [{ value: DISTRICT, label: t('calendar.scope.district') }] : []),
    ...(schools.data ?? []).filter((s) => district || mine.has(s.id)).map((s) => ({ value: s.id, label: s.name })),
  ];
  const { editing, open, modal } = useEditDialog<EntryRow, EntryValues>({
    save: ({ range, scope, ...v }, row) => {
      const body = { ...v, ...dates(range), schoolId: scope === DISTRICT ? null : scope };
      return row === 'new' ? api.post('/api/calendar/entries', body) : api.put(`/api/calendar/entries/${row.id}`, body);
    },
    fill: (row) =>
      row === 'new'
        ? { kind: 'holiday', scope: district ? DISTRICT : (schoolId ?? scopes[0]?.value) }
        : { kind: row.kind, name: row.name, range: rangeOf(row), scope: row.schoolId ?? DISTRICT },
    onSaved: () => invalidateCalendar(client),
  });
  const remove = useRemove('/api/calendar/entries');

  return (
    <>
      {manage && scopes.length > 0 && <NewButton onClick={() => open('new')}>{t('calendar.entries.new')}</NewButton>}
      <QueryError error={entries.error} />
      <Table<EntryRow>
        rowKey="id"
        size="middle"
        loading={entries.isLoading}
        dataSource={entries.data}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('calendar.entry.kind'), dataIndex: 'kind', width: 110, render: (k: EntryRow['kind']) => <Tag color={kindColor[k]}>{t(`calendar.entryKind.${k}`)}</Tag> },
          { title: t('calendar.entry.name'), dataIndex: 'name', width: 150 },
          {
            title: t('calendar.entry.dates'),
            key: 'dates',
            width: 230,
            render: (_: unknown, e) => (
              <WithDays from={e.startDate} to={e.endDate}>
                {e.startDate === e.endDate ? e.startDate : `${e.startDate} ~ ${e.endDate}`}
              </WithDays>
            ),
          },
          { title: t('calendar.entry.scope'), dataIndex: 'schoolId', render: (v: string | null) => (v ? schoolName(v) : <Tag>{t('calendar.scope.district')}</Tag>) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, e: EntryRow) =>
                    mayEdit(e) && <RowActions onEdit={() => open(e)} remove={{ confirm: t('common.confirmDelete'), onConfirm: () => remove.mutate(e) }} />,
                },
              ]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('calendar.entries.new') : t('calendar.entries.edit')}>
        <Form.Item name="kind" label={t('calendar.entry.kind')} rules={[{ required: true }]}>
          <Select options={CALENDAR_ENTRY_KINDS.map((k) => ({ value: k, label: t(`calendar.entryKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.entry.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} placeholder={t('calendar.entry.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="range" label={t('calendar.entry.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scope" label={t('calendar.entry.scope')} rules={[{ required: true }]}>
          <Select options={scopes} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function SemestersTab() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const semesters = useSemesters();
  const manage = can(me, 'district.manage');
  const { editing, open, modal } = useEditDialog<SemesterRow, SemesterValues>({
    save: ({ range, ...v }, row) => {
      const body = { ...v, ...dates(range) };
      return row === 'new' ? api.post('/api/semesters', body) : api.put(`/api/semesters/${row.id}`, body);
    },
    fill: (row) => {
      if (row !== 'new') return { name: row.name, schoolYear: row.schoolYear, term: row.term === 2 ? 2 : 1, range: rangeOf(row) };
      const last = semesters.data?.at(-1);
      const [y1, y2] = (last?.schoolYear ?? `${dayjs().year()}-${dayjs().year() + 1}`).split('-').map(Number) as [number, number];
      const next = last?.term === 1 ? { schoolYear: `${y1}-${y2}`, term: 2 as const } : { schoolYear: last ? `${y1 + 1}-${y2 + 1}` : `${y1}-${y2}`, term: 1 as const };
      return { ...next, name: t('calendar.semester.defaultName', { year: next.schoolYear, term: t(`calendar.term.${next.term}`) }) };
    },
    onSaved: () => invalidateCalendar(client),
  });
  const remove = useRemove('/api/semesters');

  return (
    <>
      {manage && <NewButton onClick={() => open('new')}>{t('calendar.semesters.new')}</NewButton>}
      <QueryError error={semesters.error} />
      <Table<SemesterRow>
        rowKey="id"
        size="middle"
        loading={semesters.isLoading}
        dataSource={semesters.data}
        scroll={{ x: 640 }}
        pagination={false}
        columns={[
          { title: t('calendar.semester.name'), dataIndex: 'name', width: 200 },
          { title: t('calendar.semester.schoolYear'), dataIndex: 'schoolYear', width: 110 },
          { title: t('calendar.semester.term'), dataIndex: 'term', width: 100, render: (v: number) => t(`calendar.term.${v}`) },
          {
            title: t('calendar.entry.dates'),
            key: 'dates',
            render: (_: unknown, s) => (
              <WithDays from={s.startDate} to={s.endDate}>
                {s.startDate} ~ {s.endDate}
              </WithDays>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, s: SemesterRow) => (
                    <RowActions onEdit={() => open(s)} remove={{ confirm: t('calendar.semesters.deleteConfirm', { name: s.name }), onConfirm: () => remove.mutate(s) }} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('calendar.semesters.new') : t('calendar.semesters.edit')}>
        <Flex gap={12} wrap>
          <Form.Item
            name="schoolYear"
            label={t('calendar.semester.schoolYear')}
            rules={[{ required: true, pattern: /^\d{4}-\d{4}$/, message: t('calendar.semester.schoolYearRule') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input placeholder="2026-2027" maxLength={9} />
          </Form.Item>
          <Form.Item name="term" label={t('calendar.semester.term')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <Select options={[1, 2].map((v) => ({ value: v, label: t(`calendar.term.${v}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label={t('calendar.semester.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="range" label={t('calendar.entry.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

export default function CalendarPage() {
  const t = useT();
  const schools = useSchools();
  const [filters, setFilters] = useUrlFilters('schoolId', 'month', 'tab');
  const schoolId = filters.schoolId ?? schools.data?.[0]?.id;
  const month = filters.month && /^\d{4}-\d{2}$/.test(filters.month) ? filters.month : dayjs().format('YYYY-MM');
  const tab = filters.tab ?? 'month';

  return (
    <>
      <PageHeader
        title={t('menu.calendar')}
        // semesters are the district's: the school matters to the month and the entries only
        extra={tab !== 'semesters' && <SchoolSelect value={schoolId} onChange={(id) => setFilters({ schoolId: id })} />}
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setFilters({ tab: key === 'month' ? undefined : key })}
          items={[
            { key: 'month', label: t('calendar.tab.month'), children: <MonthView schoolId={schoolId} month={month} onMonth={(m) => setFilters({ month: m })} /> },
            { key: 'entries', label: t('calendar.tab.entries'), children: <EntriesTab schoolId={schoolId} /> },
            { key: 'semesters', label: t('calendar.tab.semesters'), children: <SemestersTab /> },
          ]}
        />
      </Card>
    </>
  );
}
