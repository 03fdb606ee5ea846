/**
 * 班级当日作业: one class's day in the review chain. The class teacher (班主任协调总量) shortens, drops, moves or returns
 * items and submits the day; academic affairs (教务处) approves it into an immutable published list or sends it back.
 * An over-limit or forbidden day is refused by the server (422 RULE_VIOLATION), shown here as it answers.
 */
import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import type { LoadCheck } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Grid, InputNumber, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, idempotencyKey } from '../../app/api';
import { hasRole, useMe } from '../../app/auth';
import { useI18n, useT } from '../../app/i18n';
import { applyServerError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { ItemLinks } from './components/ItemLinks';
import { LoadBar } from './components/LoadBar';
import { LoadFigures, ViolationList } from './components/LoadFigures';
import { type ClassDayRow, districtToday, formatDay, hwKey, invalidateHomework, type Item, nextDay, previousDay } from './components/model';
import { ReasonModal, type ReasonValues } from './components/ReasonModal';
import { DayKindTag, DayStatusTag, ItemStatusTag, ItemTags } from './components/tags';

type Action = 'shorten' | 'drop' | 'move' | 'return';
const ACTIONS: Action[] = ['shorten', 'drop', 'move', 'return'];

export default function ClassDayPage() {
  const { classId = '', date = '' } = useParams();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const day = useQuery({ queryKey: hwKey('day', classId, date), queryFn: () => api.get<ClassDayRow>(`/api/homework/days/${classId}/${date}`) });
  const go = (d: string) => void navigate(`/homework/day/${classId}/${d}`);
  const nav = (
    <Space wrap>
      <Button icon={<LeftOutlined />} onClick={() => go(previousDay(date))} aria-label={t('hw.day.previous')} data-testid="day-previous">
        {t('hw.day.previous')}
      </Button>
      <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && go(d.format('YYYY-MM-DD'))} format={(d) => formatDay(d.format('YYYY-MM-DD'), locale, true)} />
      <Button onClick={() => go(nextDay(date))} aria-label={t('hw.day.next')} data-testid="day-next">
        {t('hw.day.next')} <RightOutlined />
      </Button>
    </Space>
  );
  if (day.isLoading) return <PageSpinner />;
  if (day.error || !day.data)
    return (
      <>
        <PageHeader title={t('menu.homework.day')} extra={nav} />
        <Alert type="error" showIcon title={day.error?.message ?? t('common.none')} />
      </>
    );
  const coordinator = !!me?.classes.some((c) => c.id === classId && c.roles.includes('class_teacher'));
  const approver = hasRole(me, 'school_admin') && !!me?.schools.some((s) => s.id === day.data.schoolId);
  return <DayView day={day.data} nav={nav} coordinator={coordinator} approver={approver} today={districtToday(me?.district.timezone)} />;
}

function DayView({ day, nav, coordinator, approver, today }: { day: ClassDayRow; nav: ReactNode; coordinator: boolean; approver: boolean; today: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mobile = !Grid.useBreakpoint().md;
  const [ruleError, setRuleError] = useState<ApiError | null>(null);
  const [adjusting, setAdjusting] = useState<{ item: Item; action: Action } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [returning, setReturning] = useState(false);
  const [adjustForm] = Form.useForm<ReasonValues>();
  const [submitForm] = Form.useForm<ReasonValues>();
  const base = `/api/homework/days/${day.classId}/${day.date}`;

  const done = (text: string) => {
    message.success(text);
    setRuleError(null);
    invalidateHomework(client);
  };
  /** 422 (a rule the day breaks) and 409 (the day moved on) go to the page's alert; field errors to the open form. */
  const failed = (form: Parameters<typeof applyServerError>[0]) => (e: unknown) => {
    if (e instanceof ApiError && (e.status === 422 || e.status === 409)) {
      setRuleError(e);
      setSubmitting(false);
      setReturning(false);
      setAdjusting(null);
      invalidateHomework(client);
    } else applyServerError(form, e, message.error);
  };

  const adjust = useMutation({
    mutationFn: ({ item, action, values }: { item: Item; action: Action; values: ReasonValues }) =>
      api.post<Item>(`/api/homework/items/${item.id}/adjust`, {
        action,
        reason: values.reason,
        ...(action === 'shorten' ? { minutes: values.minutes } : {}),
        ...(action === 'move' ? { date: values.date?.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: (_, v) => {
      setAdjusting(null);
      done(t(`hw.adjust.${v.action}.done`, { subject: v.item.subjectName }));
    },
    onError: failed(adjustForm),
  });
  const submit = useMutation({
    mutationFn: (note: string | undefined) => api.post<ClassDayRow>(`${base}/submit`, { note: note ?? null }, { headers: idempotencyKey() }),
    onSuccess: (d) => {
      setSubmitting(false);
      done(d.status === 'published' ? t('hw.day.publishedDone') : t('hw.day.submittedDone'));
    },
    onError: failed(submitForm),
  });
  const approve = useMutation({
    mutationFn: () => api.post<ClassDayRow>(`${base}/approve`, {}, { headers: idempotencyKey() }),
    onSuccess: () => done(t('hw.day.approvedDone')),
    onError: failed(null),
  });
  const giveBack = useMutation({
    mutationFn: (reason: string) => api.post<ClassDayRow>(`${base}/return`, { reason }, { headers: idempotencyKey() }),
    onSuccess: () => {
      setReturning(false);
      done(t('hw.day.returnedDone'));
    },
    onError: failed(null),
  });

  const inChain = day.items.filter((i) => i.status === 'ready' || i.status === 'pending_check');
  const ready = day.items.filter((i) => i.status === 'ready');
  const pending = day.items.filter((i) => i.status === 'pending_check');
  const correction = day.publishedVersion > 0;
  const canSubmit = coordinator && day.status === 'open' && ready.length > 0;
  const details = ruleError?.details as { check?: z.infer<typeof LoadCheck> } | undefined;

  return (
    <>
      <PageHeader
        title={`${day.className} · ${formatDay(day.date, locale, true)}`}
        sub={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <DayKindTag kind={day.dayKind} />
            {day.dayName && day.dayKind !== 'school_day' && <Typography.Text type="secondary">{day.dayName}</Typography.Text>}
            <span data-testid="day-status">
              <DayStatusTag status={day.status} />
            </span>
            {correction && <Tag>{t('hw.day.version', { n: day.publishedVersion })}</Tag>}
          </Space>
        }
        extra={nav}
      />
      <Flex vertical gap={16}>
        {ruleError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setRuleError(null) }}
            data-testid="day-error"
            title={details?.check ? t('hw.day.refused') : ruleError.message}
            description={details?.check && <ViolationList violations={details.check.violations} />}
          />
        )}
        {day.status === 'open' && day.returnReason && <Alert type="warning" showIcon title={t('hw.day.returnedBy')} description={day.returnReason} />}
        {day.status === 'pending_approval' && (
          <Alert
            type="info"
            showIcon
            title={correction ? t('hw.day.waitingCorrection') : t('hw.day.waiting')}
            description={day.submitNote && `${correction ? t('hw.day.correctionReason') : t('hw.day.note')}：${day.submitNote}`}
          />
        )}
        {day.status === 'open' && correction && <Alert type="warning" showIcon title={t('hw.day.reopened', { n: day.publishedVersion })} />}

        <Card
          size="small"
          title={t('hw.day.load')}
          data-testid="day-load"
        >
          <LoadBar limit={day.check.limit} written={day.check.written} testId="day-load-bar" />
          <div style={{ margin: '6px 0' }}>
            <LoadFigures check={day.check} />
          </div>
          {day.check.violations.length > 0 ? (
            <>
              <ViolationList violations={day.check.violations} testId="day-violations" />
              {coordinator && day.status === 'open' && (
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
                  {t('hw.day.resolveHint')}
                </Typography.Text>
              )}
            </>
          ) : (
            inChain.length > 0 && <Typography.Text type="success">{t('hw.day.withinRules')}</Typography.Text>
          )}
          {pending.length > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }} data-testid="pending-hint">
              {t('hw.day.pendingHint', { n: pending.length, subjects: pending.map((p) => p.subjectName).join('、') })}
            </Typography.Text>
          )}
          <Flex wrap gap={4} align="center" style={{ marginTop: 10 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hw.day.chain')}
            </Typography.Text>
            {(['contentCheck', 'classCoordination', 'schoolApproval'] as const).map((s) => (
              <Tag key={s} color={day.settings[s] ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                {t(`hw.settings.${s}`)}
                {day.settings[s] ? '' : t('hw.day.stepOff')}
              </Tag>
            ))}
            {approver && <Link to="/homework/todo#settings">{t('hw.day.chainEdit')}</Link>}
          </Flex>
        </Card>

        <Card
          size="small"
          title={t('hw.day.items')}
          extra={
            <Space wrap>
              {coordinator && day.status === 'open' && (
                <Button type="primary" disabled={!canSubmit} onClick={() => setSubmitting(true)} data-testid="submit-day">
                  {day.settings.schoolApproval ? t('hw.day.submit') : t('hw.day.submitPublish')}
                </Button>
              )}
              {approver && day.status === 'pending_approval' && (
                <>
                  <Popconfirm title={t('hw.day.approveConfirm')} onConfirm={() => approve.mutate()} okButtonProps={{ loading: approve.isPending }}>
                    <Button type="primary" loading={approve.isPending} data-testid="approve-day">
                      {t('hw.day.approve')}
                    </Button>
                  </Popconfirm>
                  <Button danger onClick={() => setReturning(true)} data-testid="return-day">
                    {t('hw.day.return')}
                  </Button>
                </>
              )}
            </Space>
          }
        >
          {day.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hw.day.noItems')} />
          ) : mobile ? (
            <Flex vertical gap={10}>
              {day.items.map((i) => (
                <div
                  key={i.id}
                  data-testid="day-item"
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10, opacity: i.status === 'dropped' || i.status === 'returned' ? 0.55 : 1 }}
                >
                  <Flex justify="space-between" align="baseline" gap={8}>
                    <span>
                      <Typography.Text strong>{i.subjectName}</Typography.Text>
                      <Typography.Text type="secondary"> · {i.teacherName}</Typography.Text>
                    </span>
                    <Minutes item={i} />
                  </Flex>
                  <ItemContent item={i} />
                  <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
                    <ItemTags item={i} />
                    <ItemStatusTag status={i.status} dayStatus={day.status} />
                  </Flex>
                  <ItemNotes item={i} />
                  {coordinator && <Actions item={i} onAdjust={(a) => setAdjusting({ item: i, action: a })} />}
                </div>
              ))}
            </Flex>
          ) : (
            <Table<Item>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={day.items}
              scroll={{ x: 1000 }}
              onRow={(i) => ({ style: i.status === 'dropped' || i.status === 'returned' ? { opacity: 0.55 } : undefined })}
              columns={[
                { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 80 },
                {
                  title: t('hw.field.content'),
                  key: 'content',
                  render: (_: unknown, i) => (
                    <div style={{ minWidth: 200 }}>
                      <ItemContent item={i} />
                    </div>
                  ),
                },
                { title: t('hw.field.kind'), key: 'tags', width: 190, render: (_: unknown, i) => <ItemTags item={i} /> },
                {
                  title: t('hw.field.minutes'),
                  dataIndex: 'minutes',
                  width: 90,
                  align: 'right',
                  render: (_: number, i) => <Minutes item={i} />,
                },
                { title: t('hw.field.status'), dataIndex: 'status', width: 120, render: (s: Item['status']) => <ItemStatusTag status={s} dayStatus={day.status} /> },
                {
                  title: t('hw.day.notes'),
                  key: 'notes',
                  width: 180,
                  render: (_: unknown, i) => <ItemNotes item={i} />,
                },
                ...(coordinator
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 200,
                        render: (_: unknown, i: Item) => <Actions item={i} onAdjust={(a) => setAdjusting({ item: i, action: a })} />,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>

        <Card
          size="small"
          title={t('hw.day.history')}
          extra={
            day.publishedVersion > 0 && (
              <Link to={`/homework/notice/${day.classId}/${day.date}`} data-testid="notice-link">
                <PrinterOutlined /> {t('hw.day.notice')}
              </Link>
            )
          }
        >
          {day.history.length === 0 ? (
            <Typography.Text type="secondary">{t('hw.day.notPublished')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={day.history}
              renderItem={(h) => (
                <List.Item
                  extra={<Link to={`/homework/notice/${day.classId}/${day.date}?version=${h.version}`}>{t('hw.day.viewNotice')}</Link>}
                >
                  <div>
                    <Space wrap size={[12, 0]}>
                      <Tag color={h.version === day.publishedVersion ? 'green' : undefined}>{t('hw.day.version', { n: h.version })}</Tag>
                      <Typography.Text>{formatDateTime(h.publishedAt)}</Typography.Text>
                      <Typography.Text>{t('hw.day.publishedBy', { name: h.publishedBy })}</Typography.Text>
                      <Typography.Text type="secondary">{t('hw.day.historyWritten', { n: h.written })}</Typography.Text>
                    </Space>
                    {h.reason && (
                      <div style={{ marginTop: 4 }}>
                        {h.version > 1 ? t('hw.day.correctionReason') : t('hw.day.note')}：{h.reason}
                      </div>
                    )}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Flex>

      <ReasonModal
        form={adjustForm}
        open={adjusting !== null}
        title={adjusting && `${t(`hw.adjust.${adjusting.action}`)} · ${adjusting.item.subjectName}（${t('hw.minutes', { n: adjusting.item.minutes })}）`}
        description={adjusting && <Typography.Text type="secondary">{t(`hw.adjust.${adjusting.action}.hint`)}</Typography.Text>}
        danger={adjusting?.action === 'drop' || adjusting?.action === 'return'}
        okText={adjusting ? t(`hw.adjust.${adjusting.action}`) : undefined}
        loading={adjust.isPending}
        onCancel={() => setAdjusting(null)}
        onOk={(values) => adjusting && adjust.mutate({ ...adjusting, values })}
        initialValues={adjusting?.action === 'move' ? { date: dayjs(nextDay(day.date < today ? today : day.date)) } : undefined}
      >
        {adjusting?.action === 'shorten' && (
          <Form.Item
            name="minutes"
            label={t('hw.adjust.shortenTo')}
            rules={[{ required: true, message: t('hw.form.minutesRequired') }]}
            extra={t('hw.adjust.shortenMax', { n: adjusting.item.minutes - 1 })}
          >
            <InputNumber min={1} max={adjusting.item.minutes - 1} precision={0} suffix={t('hw.unit.minutes')} style={{ width: 160 }} />
          </Form.Item>
        )}
        {adjusting?.action === 'move' && (
          <Form.Item name="date" label={t('hw.adjust.moveTo')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today || d.format('YYYY-MM-DD') === day.date} />
          </Form.Item>
        )}
      </ReasonModal>

      <ReasonModal
        form={submitForm}
        open={submitting}
        title={day.settings.schoolApproval ? t('hw.day.submit') : t('hw.day.submitPublish')}
        reasonLabel={correction ? t('hw.day.correctionReason') : t('hw.day.noteOptional')}
        required={correction}
        okText={t('hw.day.submitOk')}
        loading={submit.isPending}
        onCancel={() => setSubmitting(false)}
        onOk={(v) => submit.mutate(v.reason)}
        description={
          <Flex vertical gap={6}>
            <LoadBar limit={day.check.limit} written={day.check.written} />
            <Typography.Text type="secondary">
              {t('hw.day.submitSummary', { n: ready.length, subjects: ready.map((r) => r.subjectName).join('、') })}
            </Typography.Text>
            {pending.length > 0 && <Typography.Text type="secondary">{t('hw.day.pendingHint', { n: pending.length, subjects: pending.map((p) => p.subjectName).join('、') })}</Typography.Text>}
            {correction && <Typography.Text type="warning">{t('hw.day.correctionHint')}</Typography.Text>}
          </Flex>
        }
      />

      <ReasonModal
        open={returning}
        title={t('hw.day.return')}
        okText={t('hw.day.return')}
        danger
        loading={giveBack.isPending}
        onCancel={() => setReturning(false)}
        onOk={(v) => v.reason && giveBack.mutate(v.reason)}
      />
    </>
  );
}

function ItemContent({ item: i }: { item: Item }) {
  return (
    <div>
      {i.title && <Typography.Text strong>{i.title}：</Typography.Text>}
      {i.content}
      <ItemLinks item={i} />
    </div>
  );
}

/** Minutes, with the original struck through when the class teacher shortened it. */
function Minutes({ item: i }: { item: Item }) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
      <Typography.Text strong>{t('hw.minutes', { n: i.minutes })}</Typography.Text>
      {i.originalMinutes !== null && i.originalMinutes !== i.minutes && (
        <Typography.Text delete type="secondary" style={{ display: 'block' }}>
          {t('hw.minutes', { n: i.originalMinutes })}
        </Typography.Text>
      )}
    </span>
  );
}

function ItemNotes({ item: i }: { item: Item }) {
  const { t, locale } = useI18n();
  return (
    <>
      {i.originalDate && <div>{t('hw.day.movedFrom', { date: formatDay(i.originalDate, locale) })}</div>}
      {i.adjustNote && <Typography.Text type="secondary">{t('hw.day.adjustNote', { note: i.adjustNote })}</Typography.Text>}
      {i.status === 'returned' && i.returnReason && <Typography.Text type="danger">{t('hw.day.returnNote', { note: i.returnReason })}</Typography.Text>}
    </>
  );
}

/** 班主任协调: the four adjustments of an item still in the chain. */
function Actions({ item: i, onAdjust }: { item: Item; onAdjust: (action: Action) => void }) {
  const t = useT();
  if (i.status !== 'ready' && i.status !== 'pending_check') return null;
  return (
    <Flex wrap gap={0} style={{ marginInline: -7 }}>
      {ACTIONS.map((a) => (
        <Button
          key={a}
          type="link"
          size="small"
          danger={a === 'drop' || a === 'return'}
          disabled={a === 'shorten' && i.minutes <= 1}
          onClick={() => onAdjust(a)}
          data-testid={`adjust-${a}`}
        >
          {t(`hw.adjust.${a}`)}
        </Button>
      ))}
    </Flex>
  );
}
