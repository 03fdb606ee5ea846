/**
 * 布置作业: one item for several classes and days (每日 / 每周计划 / 假期作业天天交清单), with the load check of every target
 * class-day beside the form while the teacher types. ?item=<id> edits an item (PATCH with its version); ?design=<id>
 * starts from a library design.
 */
import { BookOutlined, CopyOutlined, PaperClipOutlined, ReloadOutlined } from '@ant-design/icons';
import type { HomeworkType, Layer, PlanKind, Place } from '@shuangjian/contracts';
import { addDays, dateRange, HOMEWORK_TYPES, homeworkTypeLabels, LAYERS, layerLabels, PLACES, weekStart } from '@shuangjian/policy';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, idempotencyKey } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { applyServerError } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useSaveMutation } from '../../components/useSaveMutation';
import { useSubjects } from '../org/queries';
import { DesignPicker } from './components/DesignPicker';
import { LoadCheckPanel } from './components/LoadCheckPanel';
import {
  type AttachmentRow,
  type DesignRow,
  districtToday,
  formatDay,
  hwKey,
  invalidateHomework,
  type Item,
  type LoadCheckResultRow,
  type LoadEntryRow,
  shortClassName,
  useDebounced,
} from './components/model';
import { ItemStatusTag } from './components/tags';

type TypeValue = z.infer<typeof HomeworkType>;
type LayerValue = z.infer<typeof Layer>;
type PlaceValue = z.infer<typeof Place>;
type PlanKindValue = z.infer<typeof PlanKind>;

interface EntryValues {
  date: string;
  title?: string | null;
  content?: string;
  type: TypeValue;
  layer: LayerValue;
  place: PlaceValue;
  minutes?: number | null;
  links?: string[];
  files?: UploadFile<AttachmentRow>[];
  designId?: string | null;
}

interface FormValues {
  classIds: string[];
  subjectId?: string;
  planKind: PlanKindValue;
  date?: Dayjs;
  week?: Dayjs;
  weekdays: number[];
  range?: [Dayjs, Dayjs];
  entries: EntryValues[];
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_DAYS = 62;
const LINK = /^https?:\/\/\S+$/i;
const blankEntry = (date: string): EntryValues => ({ date, type: 'written', layer: 'basic', place: 'home', links: [], files: [] });
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The dates a plan covers, past days left out (homework is never set for a day gone by). */
function planDates(v: Pick<FormValues, 'planKind' | 'date' | 'week' | 'weekdays' | 'range'>, today: string): string[] {
  let dates: string[] = [];
  if (v.planKind === 'daily') dates = v.date ? [iso(v.date)] : [];
  else if (v.planKind === 'weekly') {
    if (v.week) {
      const monday = weekStart(iso(v.week));
      dates = [...(v.weekdays ?? [])].sort((a, b) => a - b).map((d) => addDays(monday, d - 1));
    }
  } else if (v.range) dates = dateRange(iso(v.range[0]), iso(v.range[1]));
  return dates.filter((d) => d >= today).slice(0, MAX_DAYS);
}

/** Entries follow the plan's dates: a kept date keeps what was typed, a new one starts as a copy of the first. */
function entriesFor(dates: string[], existing: EntryValues[]): EntryValues[] {
  const template = existing[0];
  return dates.map((date) => existing.find((e) => e.date === date) ?? (template ? { ...template, date } : blankEntry(date)));
}

const attachmentIds = (files: UploadFile<AttachmentRow>[] | undefined) => (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

/** One load-check request per distinct draft (a weekly plan copied from one day is one request). */
function useLoadCheck(classIds: string[], subjectId: string | undefined, entries: EntryValues[], excludeItemId?: string) {
  const input = useDebounced(
    {
      classIds,
      subjectId,
      excludeItemId,
      entries: entries
        .filter((e) => e?.date)
        .map((e) => ({ date: e.date, type: e.type, layer: e.layer, place: e.place, minutes: Math.max(0, Math.min(240, Math.round(e.minutes ?? 0))), content: (e.content ?? '').slice(0, 2000) })),
    },
    300,
  );
  const enabled = input.classIds.length > 0 && input.entries.length > 0;
  const query = useQuery({
    queryKey: hwKey('load-check', input),
    enabled,
    placeholderData: (prev) => prev,
    queryFn: async () => {
      const groups = new Map<string, { draft: Omit<(typeof input.entries)[number], 'date'>; dates: string[] }>();
      for (const { date, ...draft } of input.entries) {
        const key = JSON.stringify(draft);
        const g = groups.get(key) ?? { draft, dates: [] };
        g.dates.push(date);
        groups.set(key, g);
      }
      const results = await Promise.all(
        [...groups.values()].map((g) =>
          api.post<LoadCheckResultRow>('/api/homework/load-check', {
            classIds: input.classIds,
            dates: g.dates,
            draft: { ...g.draft, subjectId: input.subjectId },
            excludeItemId: input.excludeItemId,
          }),
        ),
      );
      const order = (e: LoadEntryRow) => `${String(input.classIds.indexOf(e.classId)).padStart(3, '0')}|${e.date}`;
      return results.flatMap((r) => r.entries).sort((a, b) => order(a).localeCompare(order(b)));
    },
  });
  return { ...query, enabled };
}

export default function SetHomeworkPage() {
  const [params] = useSearchParams();
  const itemId = params.get('item');
  const designId = params.get('design');
  const item = useQuery({ queryKey: hwKey('item', itemId), queryFn: () => api.get<Item>(`/api/homework/items/${itemId}`), enabled: !!itemId });
  if (itemId && item.isLoading) return <PageSpinner />;
  if (itemId && item.error) return <Alert type="error" showIcon title={item.error.message} />;
  return <HomeworkForm key={itemId ? `${itemId}@${item.data?.version}` : 'new'} item={item.data} designId={designId} reload={() => void item.refetch()} />;
}

function HomeworkForm({ item, designId, reload }: { item?: Item; designId: string | null; reload: () => void }) {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const subjects = useSubjects();
  const [form] = Form.useForm<FormValues>();
  const wide = !!Grid.useBreakpoint().xl;
  const today = districtToday(me?.district.timezone);
  const [created, setCreated] = useState<Item[] | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  // in a weekly or vacation plan the days after the first stay folded to a summary line until opened
  const [unfolded, setUnfolded] = useState<Set<string>>(new Set());

  const taught = useMemo(() => (me?.classes ?? []).filter((c) => c.roles.includes('teacher') && c.subjectIds.length > 0), [me]);
  const oneSchool = new Set(taught.map((c) => c.schoolId)).size <= 1;
  const classLabel = (c: { name: string }) => (oneSchool ? shortClassName(c.name) : c.name);

  const watchedClassIds = Form.useWatch('classIds', form);
  const classIds = useMemo(() => watchedClassIds ?? (item ? [item.classId] : []), [watchedClassIds, item]);
  const subjectId = Form.useWatch('subjectId', form) ?? item?.subjectId;
  const planKind = Form.useWatch('planKind', form) ?? 'daily';
  // preserve: the entries' dates live in the store without a field of their own
  const entries = Form.useWatch('entries', { form, preserve: true }) ?? [];

  // subjects the teacher teaches in every chosen class (the server refuses the others)
  const subjectIds = useMemo(() => {
    const chosen = taught.filter((c) => classIds.includes(c.id));
    const pool = chosen.length ? chosen : taught;
    const sets = pool.map((c) => new Set(c.subjectIds));
    const all = [...new Set(pool.flatMap((c) => c.subjectIds))];
    return chosen.length ? all.filter((id) => sets.every((s) => s.has(id))) : all;
  }, [taught, classIds]);
  const subjectName = (id: string) => subjects.data?.find((s) => s.id === id)?.name ?? '…';
  const grade = taught.find((c) => classIds.includes(c.id))?.grade ?? item?.grade;

  const check = useLoadCheck(classIds, subjectId, entries, item?.id);
  // the item's day: a ready item on a published day reads as published, and a change there makes a correction
  const dayStatus = item?.dayStatus ?? undefined;
  const blocked = (check.data ?? []).some((e) => e.check.violations.length > 0);
  const dayKinds = new Map((check.data ?? []).map((e) => [e.date, e.check.dayKind]));

  const initial: FormValues = item
    ? {
        classIds: [item.classId],
        subjectId: item.subjectId,
        planKind: 'daily',
        date: dayjs(item.date),
        weekdays: [1, 2, 3, 4, 5],
        entries: [
          {
            date: item.date,
            title: item.title,
            content: item.content,
            type: item.type,
            layer: item.layer,
            place: item.place,
            minutes: item.minutes,
            links: item.links,
            designId: item.designId,
            files: item.attachments.map((a) => ({ uid: a.id, name: a.name, status: 'done', response: a, url: `/api/homework/attachments/${a.id}` })),
          },
        ],
      }
    : { classIds: [], planKind: 'daily', date: dayjs(today), week: dayjs(today), weekdays: [1, 2, 3, 4, 5], entries: [blankEntry(today)] };

  // one subject to choose from: chosen already
  useEffect(() => {
    if (item) return;
    const current = form.getFieldValue('subjectId') as string | undefined;
    if (current && !subjectIds.includes(current)) form.setFieldValue('subjectId', undefined);
    if (!current && subjectIds.length === 1 && classIds.length > 0) form.setFieldValue('subjectId', subjectIds[0]);
  }, [subjectIds, classIds.length, form, item]);

  const applyDesign = (d: DesignRow, index: number) => {
    const list = [...((form.getFieldValue('entries') as EntryValues[] | undefined) ?? [])];
    const target = list[index];
    if (!target) return;
    list[index] = { ...target, title: d.title, content: d.content, type: d.type, layer: d.layer, minutes: d.minutes, designId: d.id };
    form.setFieldValue('entries', list);
    if (!form.getFieldValue('subjectId') && subjectIds.includes(d.subjectId)) form.setFieldValue('subjectId', d.subjectId);
    setPicking(null);
    message.success(t('hw.library.applied', { title: d.title }));
  };

  // ?design=<id>: start from a library design, once
  const design = useQuery({ queryKey: hwKey('design', designId), queryFn: () => api.get<DesignRow>(`/api/homework/designs/${designId}`), enabled: !!designId && !item });
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!design.data || applied.current === design.data.id) return;
    applied.current = design.data.id;
    const d = design.data;
    const list = [...((form.getFieldValue('entries') as EntryValues[] | undefined) ?? [])];
    form.setFieldValue(
      'entries',
      list.map((e) => ({ ...e, title: d.title, content: d.content, type: d.type, layer: d.layer, minutes: d.minutes, designId: d.id })),
    );
  }, [design.data, form]);

  const onValuesChange = (changed: Partial<FormValues>) => {
    if (['planKind', 'date', 'week', 'weekdays', 'range'].some((k) => k in changed)) {
      // the whole store: a plan's own fields (week, range) are not mounted yet when the plan kind changes
      const all = form.getFieldsValue(true) as FormValues;
      form.setFieldValue('entries', entriesFor(planDates(all, today), all.entries ?? []));
    }
  };

  const payloadEntry = (e: EntryValues) => ({
    date: e.date,
    title: e.title?.trim() || null,
    content: e.content ?? '',
    type: e.type,
    layer: e.layer,
    place: e.place,
    minutes: e.minutes ?? 0,
    links: e.links ?? [],
    attachmentIds: attachmentIds(e.files),
    designId: e.designId ?? null,
  });

  const create = useSaveMutation({
    form,
    mutationFn: ({ values, submit }: { values: FormValues; submit: boolean }) =>
      api.post<{ items: Item[] }>(
        '/api/homework/items',
        { classIds: values.classIds, subjectId: values.subjectId, planKind: values.planKind, submit, entries: values.entries.map(payloadEntry) },
        { headers: idempotencyKey() },
      ),
    // the created items are listed at the top instead
    saved: false,
    onSuccess: (res) => {
      setCreated(res.items);
      invalidateHomework(client);
      window.scrollTo({ top: 0 });
    },
  });

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: FormValues; submit: boolean }) => {
      const e = payloadEntry(values.entries[0]!);
      const saved = await api.patch<Item>(`/api/homework/items/${item!.id}`, {
        title: e.title,
        content: e.content,
        type: e.type,
        layer: e.layer,
        place: e.place,
        minutes: e.minutes,
        date: e.date,
        links: e.links,
        attachmentIds: e.attachmentIds,
        version: item!.version,
      });
      if (submit) await api.post('/api/homework/items/submit', { itemIds: [saved.id] }, { headers: idempotencyKey() });
      return { saved, submit };
    },
    onSuccess: ({ submit }) => {
      message.success(submit ? t('hw.edit.submitted') : t('common.saved'));
      invalidateHomework(client);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) setConflict(e.message);
      else applyServerError(form, e, message.error);
    },
  });

  const withdraw = useSaveMutation({
    form: null,
    mutationFn: () => api.post<Item>(`/api/homework/items/${item!.id}/withdraw`),
    saved: t('hw.edit.withdrawn'),
    onSuccess: () => invalidateHomework(client),
  });

  const run = (submit: boolean) => {
    form
      .validateFields()
      .then(() => {
        const values = form.getFieldsValue(true) as FormValues;
        if (!values.entries.length) {
          message.error(t('hw.form.noDates'));
          return;
        }
        if (values.entries.some((e) => (e.files ?? []).some((f) => f.status === 'uploading'))) {
          message.warning(t('hw.form.uploading'));
          return;
        }
        if (item) save.mutate({ values, submit });
        else create.mutate({ values, submit });
      })
      .catch((err: { errorFields?: { name: (string | number)[] }[] }) => {
        const list = (form.getFieldValue('entries') as EntryValues[] | undefined) ?? [];
        const dates = (err.errorFields ?? []).filter((f) => f.name[0] === 'entries').map((f) => list[Number(f.name[1])]?.date);
        setUnfolded((prev) => new Set([...prev, ...dates.filter((d): d is string => !!d)]));
      });
  };

  if (created)
    return (
      <Created
        items={created}
        blocked={blocked}
        onAnother={() => {
          // same classes, subject and plan; a fresh item for each day
          form.setFieldValue('entries', planDates(form.getFieldsValue(true) as FormValues, today).map(blankEntry));
          setCreated(null);
        }}
      />
    );

  const editable = !item || ['draft', 'returned', 'pending_check', 'ready'].includes(item.status);
  // beside the form on a wide screen; on a phone or tablet between the form and its buttons, where it is seen before submitting
  const panel = <LoadCheckPanel entries={check.data} loading={check.isFetching} error={check.error?.message} idle={!check.enabled} />;
  const title = item ? t('hw.edit.title') : t('menu.homework.set');

  return (
    <>
      <PageHeader
        title={title}
        sub={item ? `${item.className} · ${item.subjectName} · ${formatDay(item.date, locale)}` : t('hw.form.sub')}
        extra={item && <ItemStatusTag status={item.status} dayStatus={dayStatus} />}
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hw.edit.conflict')}
          description={conflict}
          action={
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('hw.edit.reload')}
            </Button>
          }
        />
      )}
      {item?.status === 'returned' && item.returnReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('hw.edit.returned')} description={item.returnReason} data-testid="return-reason" />
      )}
      {item?.adjustNote && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hw.edit.adjusted')}
          description={
            <>
              {item.adjustNote}
              {item.originalMinutes !== null && <div>{t('hw.day.originalMinutes', { n: item.originalMinutes })}</div>}
              {item.originalDate && <div>{t('hw.day.originalDate', { date: formatDay(item.originalDate, locale) })}</div>}
            </>
          }
        />
      )}
      {item?.status === 'ready' && dayStatus && dayStatus !== 'open' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(dayStatus === 'published' ? 'hw.edit.dayPublished' : 'hw.edit.daySubmitted')} />
      )}
      {!editable && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hw.edit.closed')} />}
      {!item && taught.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hw.form.noClasses')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={wide ? 14 : 24}>
          <Form<FormValues> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} disabled={!editable}>
            <Card size="small" title={t('hw.form.target')} style={{ marginBottom: 16 }}>
              {item ? (
                <Space size={[16, 4]} wrap style={{ marginBottom: 12 }}>
                  <Typography.Text>
                    {t('hw.field.class')}：<strong>{item.className}</strong>
                  </Typography.Text>
                  <Typography.Text>
                    {t('hw.field.subject')}：<strong>{item.subjectName}</strong>
                  </Typography.Text>
                </Space>
              ) : (
                <Row gutter={12}>
                  <Col xs={24} md={15}>
                    <Form.Item name="classIds" label={t('hw.field.classes')} rules={[{ required: true, message: t('hw.form.pickClass') }]}>
                      <Select
                        mode="multiple"
                        data-testid="class-select"
                        placeholder={t('hw.form.pickClass')}
                        options={taught.map((c) => ({ value: c.id, label: classLabel(c) }))}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name="subjectId" label={t('hw.field.subject')} rules={[{ required: true, message: t('hw.form.pickSubject') }]}>
                      <Select
                        data-testid="subject-select"
                        placeholder={t('hw.form.pickSubject')}
                        options={subjectIds.map((id) => ({ value: id, label: subjectName(id) }))}
                        notFoundContent={t('hw.form.noCommonSubject')}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {!item && (
                <Form.Item name="planKind" label={t('hw.field.planKind')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={(['daily', 'weekly', 'vacation'] as const).map((k) => ({ value: k, label: t(`hw.planKind.${k}`) }))}
                  />
                </Form.Item>
              )}
              {planKind === 'daily' && (
                <Form.Item name="date" label={t('hw.field.date')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                  <DatePicker allowClear={false} disabledDate={(d) => iso(d) < today} format={(d) => formatDay(iso(d), locale, true)} style={{ width: 220 }} />
                </Form.Item>
              )}
              {planKind === 'weekly' && (
                <Flex wrap gap={16}>
                  <Form.Item name="week" label={t('hw.field.week')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <DatePicker picker="week" allowClear={false} disabledDate={(d) => iso(d) < weekStart(today)} />
                  </Form.Item>
                  <Form.Item name="weekdays" label={t('hw.field.weekdays')} style={{ marginBottom: 0 }}>
                    <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`hw.weekday.${d}`) }))} />
                  </Form.Item>
                </Flex>
              )}
              {planKind === 'vacation' && (
                <Form.Item name="range" label={t('hw.field.range')} rules={[{ required: true }]} extra={t('hw.form.vacationHint', { n: MAX_DAYS })} style={{ marginBottom: 0 }}>
                  <DatePicker.RangePicker disabledDate={(d) => iso(d) < today} />
                </Form.Item>
              )}
            </Card>

            <Form.List name="entries">
              {(fields) =>
                fields.length === 0 ? (
                  <Alert type="info" showIcon title={t('hw.form.noDates')} style={{ marginBottom: 16 }} />
                ) : (
                  fields.map((field) => {
                    const entry = entries[field.name];
                    const kind = entry ? dayKinds.get(entry.date) : undefined;
                    const folded = planKind !== 'daily' && field.name > 0 && !!entry && !unfolded.has(entry.date);
                    return (
                      <Card
                        key={field.key}
                        size="small"
                        style={{ marginBottom: 16 }}
                        data-testid="entry-card"
                        title={
                          planKind === 'daily' ? (
                            t('hw.form.content')
                          ) : (
                            <Space>
                              {entry && formatDay(entry.date, locale)}
                              {kind && kind !== 'school_day' && <Tag color={kind === 'vacation' ? 'magenta' : 'orange'}>{t(`hw.dayKind.${kind}`)}</Tag>}
                            </Space>
                          )
                        }
                        extra={
                          <Space size={4}>
                            {fields.length > 1 && field.name === 0 && (
                              <Button size="small" type="text" icon={<CopyOutlined />} onClick={() => copyToAll(form)}>
                                {t('hw.form.copyToAll')}
                              </Button>
                            )}
                            {editable && (
                              <Button size="small" type="link" icon={<BookOutlined />} onClick={() => setPicking(field.name)}>
                                {t('hw.library.pick')}
                              </Button>
                            )}
                          </Space>
                        }
                      >
                        {folded && entry && (
                          <Flex justify="space-between" align="center" gap={8} data-testid="entry-summary">
                            <Typography.Text ellipsis style={{ flex: 1 }} type={entry.content ? undefined : 'secondary'}>
                              {entry.content || t('hw.form.empty')}
                            </Typography.Text>
                            <Typography.Text strong>{entry.minutes ? t('hw.minutes', { n: entry.minutes }) : ''}</Typography.Text>
                            <Button size="small" onClick={() => setUnfolded((prev) => new Set([...prev, entry.date]))}>
                              {t('hw.form.editDay')}
                            </Button>
                          </Flex>
                        )}
                        <div style={folded ? { display: 'none' } : undefined}>
                          <EntryFields name={field.name} />
                        </div>
                      </Card>
                    );
                  })
                )
              }
            </Form.List>
          </Form>
          {!wide && <div style={{ marginBottom: 16 }}>{panel}</div>}
          {editable && (
            <Card size="small">
              <Flex wrap gap={8} align="center">
                {(!item || item.status === 'draft' || item.status === 'returned') && (
                  <Button type="primary" loading={create.isPending || save.isPending} onClick={() => run(true)} data-testid="submit-homework">
                    {item?.status === 'returned' ? t('hw.edit.resubmit') : t('hw.form.submit')}
                  </Button>
                )}
                {item && (item.status === 'pending_check' || item.status === 'ready') && (
                  <Button type="primary" loading={save.isPending} onClick={() => run(false)}>
                    {t('hw.edit.saveReview')}
                  </Button>
                )}
                {(!item || item.status === 'draft' || item.status === 'returned') && (
                  <Button loading={create.isPending || save.isPending} onClick={() => run(false)}>
                    {item ? t('common.save') : t('hw.form.draft')}
                  </Button>
                )}
                {item && (
                  <Popconfirm title={t('hw.edit.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
                    <Button danger loading={withdraw.isPending}>
                      {t('hw.edit.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
                <Button type="link" onClick={() => void navigate('/homework/todo')}>
                  {t('menu.homework.todo')}
                </Button>
              </Flex>
              {blocked && (
                <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid="submit-blocked-hint">
                  {t('hw.form.blockedHint')}
                </Typography.Text>
              )}
              {item && (item.status === 'pending_check' || item.status === 'ready') && (
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                  {t('hw.edit.reviewAgain')}
                </Typography.Text>
              )}
            </Card>
          )}
        </Col>
        {wide && (
          <Col xl={10}>
            <div style={{ position: 'sticky', top: 16 }}>{panel}</div>
          </Col>
        )}
      </Row>
      <DesignPicker open={picking !== null} onClose={() => setPicking(null)} onPick={(d) => applyDesign(d, picking ?? 0)} subjectId={subjectId} grade={grade} />
    </>
  );
}

function copyToAll(form: FormInstance<FormValues>) {
  const list = (form.getFieldValue('entries') as EntryValues[] | undefined) ?? [];
  const first = list[0];
  if (!first) return;
  form.setFieldValue(
    'entries',
    list.map((e, i) => (i === 0 ? e : { ...first, date: e.date })),
  );
}

/** The fields of one entry (one day's item). */
function EntryFields({ name }: { name: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const upload: NonNullable<UploadProps<AttachmentRow>['customRequest']> = ({ file, onSuccess, onError }) => {
    const body = new FormData();
    if (file instanceof File) body.append('file', file, file.name);
    else body.append('file', file);
    api
      .post<AttachmentRow>('/api/homework/attachments', body)
      .then((a) => onSuccess?.(a))
      .catch((e: unknown) => {
        message.error(e instanceof Error ? e.message : String(e));
        onError?.(e instanceof Error ? e : new Error(String(e)));
      });
  };
  return (
    <>
      <Form.Item name={[name, 'content']} label={t('hw.field.content')} rules={[{ required: true, whitespace: true, message: t('hw.form.contentRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount placeholder={t('hw.form.contentHint')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'type']} label={t('hw.field.type')} rules={[{ required: true }]}>
            <Select options={HOMEWORK_TYPES.map((v) => ({ value: v, label: homeworkTypeLabels[v][locale] }))} data-testid="type-select" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'layer']} label={t('hw.field.layer')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={LAYERS.map((v) => ({ value: v, label: layerLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'place']} label={t('hw.field.place')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={PLACES.map((v) => ({ value: v, label: t(`hw.place.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'minutes']} label={t('hw.field.minutes')} rules={[{ required: true, message: t('hw.form.minutesRequired') }]}>
            <InputNumber min={1} max={240} precision={0} suffix={t('hw.unit.minutes')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name={[name, 'title']} label={t('hw.field.title')}>
            <Input maxLength={60} placeholder={t('hw.form.titleHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name={[name, 'links']}
            label={t('hw.field.links')}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  if ((value ?? []).length > 5) throw new Error(t('hw.form.linksMax'));
                  const bad = (value ?? []).find((v) => !LINK.test(v));
                  if (bad) throw new Error(t('hw.form.linkBad', { link: bad }));
                },
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} placeholder={t('hw.form.linksHint')} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'files']} label={t('hw.field.attachments')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile<AttachmentRow>[] }) => e.fileList} extra={t('hw.form.attachmentsHint')} style={{ marginBottom: 0 }}>
        <Upload<AttachmentRow>
          customRequest={upload}
          maxCount={5}
          beforeUpload={(f) => {
            if (f.size > MAX_BYTES) {
              message.error(t('hw.form.tooLarge', { name: f.name }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
        >
          <Button icon={<PaperClipOutlined />}>{t('hw.form.attach')}</Button>
        </Upload>
      </Form.Item>
    </>
  );
}

/** After setting: what was created, and the next step. */
function Created({ items, blocked, onAnother }: { items: Item[]; blocked: boolean; onAnother: () => void }) {
  const { t, locale } = useI18n();
  const drafts = items.every((i) => i.status === 'draft');
  return (
    <Result
      status="success"
      title={drafts ? t('hw.created.drafts', { n: items.length }) : t('hw.created.title', { n: items.length })}
      subTitle={
        <>
          {!drafts && t(items.some((i) => i.status === 'pending_check') ? 'hw.created.toCheck' : 'hw.created.toCoordinate')}
          {blocked && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {t('hw.form.blockedHint')}
            </Typography.Text>
          )}
        </>
      }
      extra={[
        <Button key="again" type="primary" onClick={onAnother} data-testid="set-another">
          {t('hw.created.another')}
        </Button>,
        <Link key="todo" to="/homework/todo">
          <Button>{t('menu.homework.todo')}</Button>
        </Link>,
      ]}
    >
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="created-items"
        scroll={{ x: 600 }}
        columns={[
          { title: t('hw.field.class'), dataIndex: 'className' },
          { title: t('hw.field.date'), dataIndex: 'date', render: (d: string) => formatDay(d, locale) },
          { title: t('hw.field.subject'), dataIndex: 'subjectName' },
          { title: t('hw.field.content'), dataIndex: 'content', ellipsis: true },
          { title: t('hw.field.minutes'), dataIndex: 'minutes', align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          { title: t('hw.field.status'), dataIndex: 'status', render: (s: Item['status'], i) => <ItemStatusTag status={s} dayStatus={i.dayStatus ?? undefined} /> },
          { title: '', key: 'edit', render: (_: unknown, i) => <Link to={`/homework/set?item=${i.id}`}>{t('common.edit')}</Link> },
        ]}
      />
    </Result>
  );
}
