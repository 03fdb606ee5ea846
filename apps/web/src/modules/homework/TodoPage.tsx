/**
 * 作业待办: what waits for me in the review chain, by role — my drafts and returned items (teacher), content to check
 * (学科组长 / 年级组长), class-days to coordinate (班主任), days to approve (教务处) — and the school's chain settings.
 */
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Flex, Grid, Space, Table, type TableColumnsType as ColumnsType, Tag, Typography } from 'antd';
import { type Key, type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, idempotencyKey } from '../../app/api';
import { hasRole, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useSaveMutation } from '../../components/useSaveMutation';
import { LoadBar } from './components/LoadBar';
import { formatDay, invalidateHomework, type Item, type TodoRow } from './components/model';
import { useTodo } from './components/queries';
import { ReasonModal } from './components/ReasonModal';
import { SettingsCard } from './components/SettingsCard';
import { ItemTags } from './components/tags';

export default function TodoPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const todo = useTodo();
  const location = useLocation();
  const teacher = hasRole(me, 'teacher');
  const checker = hasRole(me, 'subject_leader', 'grade_leader');
  const coordinator = hasRole(me, 'class_teacher');
  const approver = hasRole(me, 'school_admin');

  // links from the home page name a section (#toCheck …): scroll to it once the lists are there
  useEffect(() => {
    if (!todo.data || !location.hash) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [todo.data, location.hash]);

  const d = todo.data;
  const nothing = d && !d.drafts.length && !d.returned.length && !d.toCheck.length && !d.toCoordinate.length && !d.toApprove.length;
  return (
    <>
      <PageHeader title={t('menu.homework.todo')} sub={t('hw.todo.sub')} extra={teacher && <Link to="/homework/set"><Button type="primary">{t('menu.homework.set')}</Button></Link>} />
      {todo.error && <Alert type="error" showIcon title={todo.error.message} style={{ marginBottom: 16 }} />}
      {nothing && <Alert type="success" showIcon title={t('hw.todo.allDone')} style={{ marginBottom: 16 }} data-testid="todo-all-done" />}
      <Flex vertical gap={16}>
        {coordinator && <CoordinateSection rows={d?.toCoordinate} loading={todo.isLoading} />}
        {approver && <ApproveSection rows={d?.toApprove} loading={todo.isLoading} />}
        {checker && <CheckSection rows={d?.toCheck} loading={todo.isLoading} />}
        {teacher && <MineSection id="returned" title={t('hw.todo.returned')} rows={d?.returned} loading={todo.isLoading} empty={t('hw.todo.returnedEmpty')} />}
        {teacher && <MineSection id="drafts" title={t('hw.todo.drafts')} rows={d?.drafts} loading={todo.isLoading} empty={t('hw.todo.draftsEmpty')} />}
        {approver && me && (
          <Flex vertical gap={16} id="settings">
            {me.schools.map((s) => (
              <SettingsCard key={s.id} schoolId={s.id} schoolName={me.schools.length > 1 ? s.name : undefined} editable />
            ))}
          </Flex>
        )}
      </Flex>
    </>
  );
}

/** A card of one kind of work: its count in the title, and `empty` instead of the list when there is none. */
function Section({
  id,
  title,
  rows,
  loading,
  empty,
  extra,
  children,
}: {
  id: string;
  title: string;
  rows: unknown[] | undefined;
  loading: boolean;
  empty: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const count = rows?.length;
  return (
    <Card
      id={id}
      data-testid={`todo-${id}`}
      loading={loading}
      title={
        <Space>
          {title}
          <Badge count={count ?? 0} showZero color={count ? '#fa541c' : '#d9d9d9'} />
        </Space>
      }
      extra={extra}
    >
      {rows && rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children}
    </Card>
  );
}

/** The items ticked in a section's table; items that left the list (handed on, decided) leave the selection too. */
function useSelection(rows: Item[] | undefined) {
  const [selected, setSelected] = useState<string[]>([]);
  const ids = new Set(rows?.map((r) => r.id));
  const chosen = selected.filter((s) => ids.has(s));
  return { chosen, setSelected, rowSelection: { selectedRowKeys: chosen, onChange: (keys: Key[]) => setSelected(keys.map(String)) } };
}

function ContentCell({ item }: { item: Item }) {
  return (
    <div style={{ minWidth: 200 }}>
      {item.title && <Typography.Text strong>{item.title}：</Typography.Text>}
      <Typography.Text>{item.content}</Typography.Text>
    </div>
  );
}

/** 草稿 / 被退回: edit, or hand into review (one or several at once). */
function MineSection({ id, title, rows, loading, empty }: { id: string; title: string; rows: Item[] | undefined; loading: boolean; empty: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { chosen, setSelected, rowSelection } = useSelection(rows);
  const submit = useSaveMutation({
    form: null,
    mutationFn: (itemIds: string[]) => api.post('/api/homework/items/submit', { itemIds }, { headers: idempotencyKey() }),
    saved: (_, ids) => t('hw.todo.submitted', { n: ids.length }),
    onSuccess: () => {
      setSelected([]);
      invalidateHomework(client);
    },
  });
  return (
    <Section
      id={id}
      title={title}
      rows={rows}
      loading={loading}
      empty={empty}
      extra={
        rows?.length ? (
          <Button icon={<SendOutlined />} disabled={!chosen.length} loading={submit.isPending} onClick={() => submit.mutate(chosen)}>
            {t('hw.todo.submitSelected', { n: chosen.length })}
          </Button>
        ) : null
      }
    >
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 860 }}
        rowSelection={rowSelection}
        columns={[
          { title: t('hw.field.date'), dataIndex: 'date', width: 120, render: (v: string) => formatDay(v, locale) },
          { title: t('hw.field.class'), dataIndex: 'className', width: 110 },
          { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70 },
          {
            title: t('hw.field.content'),
            key: 'content',
            render: (_: unknown, i) => (
              <>
                <ContentCell item={i} />
                {i.returnReason && (
                  <div>
                    <Typography.Text type="danger">
                      {t('hw.todo.returnReason')}：{i.returnReason}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 80, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, i) => (
              <Space size={4}>
                <Link to={`/homework/set?item=${i.id}`}>{t('common.edit')}</Link>
                <Button type="link" size="small" onClick={() => submit.mutate([i.id])}>
                  {t('hw.todo.submitOne')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** 待审核内容: the subject or grade leader passes content on, or sends it back with a reason. */
function CheckSection({ rows, loading }: { rows: Item[] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { chosen, setSelected, rowSelection } = useSelection(rows);
  const [returning, setReturning] = useState(false);
  const decide = useSaveMutation({
    form: null,
    mutationFn: (body: { itemIds: string[]; decision: 'approve' | 'return'; reason?: string }) => api.post('/api/homework/check', body, { headers: idempotencyKey() }),
    saved: (_, body) => (body.decision === 'approve' ? t('hw.check.approved', { n: body.itemIds.length }) : t('hw.check.returned', { n: body.itemIds.length })),
    onSuccess: () => {
      setSelected([]);
      setReturning(false);
      invalidateHomework(client);
    },
  });
  return (
    <>
      <Section
        id="toCheck"
        title={t('hw.todo.toCheck')}
        rows={rows}
        loading={loading}
        empty={t('hw.todo.toCheckEmpty')}
        extra={
          rows?.length ? (
            <Space>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={!chosen.length}
                loading={decide.isPending && decide.variables?.decision === 'approve'}
                onClick={() => decide.mutate({ itemIds: chosen, decision: 'approve' })}
                data-testid="check-approve"
              >
                {t('hw.check.approve', { n: chosen.length })}
              </Button>
              <Button danger icon={<RollbackOutlined />} disabled={!chosen.length} onClick={() => setReturning(true)} data-testid="check-return">
                {t('hw.check.return', { n: chosen.length })}
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<Item>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 960 }}
          rowSelection={rowSelection}
          onRow={(i) => ({
            // a click anywhere on the row selects it; the checkbox cell selects by itself
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
              setSelected((s) => (s.includes(i.id) ? s.filter((x) => x !== i.id) : [...s, i.id]));
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('hw.field.date'), dataIndex: 'date', width: 110, render: (v: string) => formatDay(v, locale) },
            { title: t('hw.field.class'), dataIndex: 'className', width: 110 },
            { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70 },
            { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 80 },
            { title: t('hw.field.content'), key: 'content', render: (_: unknown, i) => <ContentCell item={i} /> },
            { title: t('hw.field.kind'), key: 'tags', width: 200, render: (_: unknown, i) => <ItemTags item={i} /> },
            { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 80, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          ]}
        />
      </Section>
      <ReasonModal
        open={returning}
        title={t('hw.check.returnTitle', { n: chosen.length })}
        okText={t('hw.check.returnOk')}
        danger
        loading={decide.isPending}
        onCancel={() => setReturning(false)}
        onOk={(v) => decide.mutate({ itemIds: chosen, decision: 'return', reason: v.reason })}
        description={t('hw.check.returnHint')}
      />
    </>
  );
}

type DayRow = { classId: string; className: string; date: string; limit: number; written: number };

/**
 * Class-days that wait for me, each opened on the day page by its link: on a phone a card per day (a table scrolled
 * sideways reads badly there), else a table. `columns` and `more` are what the kind of work adds to date, class and load.
 */
function DaysSection<T extends DayRow>({
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
}) {
  const { t, locale } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  const go = (r: T) => (
    <Link to={`/homework/day/${r.classId}/${r.date}`} data-testid={link.testId}>
      {link.label}
    </Link>
  );
  return (
    <Section id={id} title={title} rows={rows} loading={loading} empty={empty}>
      {mobile ? (
        <Flex vertical gap={10}>
          {(rows ?? []).map((r) => (
            <Flex key={`${r.classId}|${r.date}`} vertical gap={6} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10 }} role="row">
              <Flex justify="space-between">
                <Typography.Text strong>
                  {formatDay(r.date, locale)} · {r.className}
                </Typography.Text>
                {go(r)}
              </Flex>
              <LoadBar limit={r.limit} written={r.written} />
              {more(r)}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Table<T>
          rowKey={(r) => `${r.classId}|${r.date}`}
          size="small"
          pagination={false}
          dataSource={rows}
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
function CoordinateSection({ rows, loading }: { rows: TodoRow['toCoordinate'] | undefined; loading: boolean }) {
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

/** 待审批: days the class teachers handed to academic affairs (教务处); corrections of published lists are marked. */
function ApproveSection({ rows, loading }: { rows: TodoRow['toApprove'] | undefined; loading: boolean }) {
  const { t } = useI18n();
  const note = (r: TodoRow['toApprove'][number]) => (
    <>
      {r.correction && <Tag color="orange">{t('hw.todo.correction')}</Tag>}
      {r.note}
    </>
  );
  return (
    <DaysSection
      id="toApprove"
      title={t('hw.todo.toApprove')}
      rows={rows}
      loading={loading}
      empty={t('hw.todo.toApproveEmpty')}
      link={{ testId: 'approve-link', label: t('hw.todo.review') }}
      loadWidth={220}
      scrollX={820}
      columns={[
        { title: t('hw.todo.submittedBy'), dataIndex: 'submittedBy', width: 90 },
        { title: t('hw.todo.note'), key: 'note', render: (_: unknown, r) => note(r) },
      ]}
      more={(r) => (
        <div>
          {r.submittedBy && <Typography.Text type="secondary">{r.submittedBy} </Typography.Text>}
          {note(r)}
        </div>
      )}
    />
  );
}
