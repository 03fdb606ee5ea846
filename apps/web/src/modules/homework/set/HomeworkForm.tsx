/**
 * 布置作业's form: one item for several classes and days (每日 / 每周计划 / 假期作业天天交清单), with the load check of every
 * target class-day beside it while the teacher types; or one item to edit.
 */
import { useQuery } from '@tanstack/react-query';
import { CopyOutlined } from '@ant-design/icons';
import { Button, Col, Form, Grid, Row } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../app/api';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageHeader } from '../../../components/PageHeader';
import { useSubjects } from '../../org/queries';
import { DesignPicker } from '../components/DesignPicker';
import { LoadCheckPanel } from '../components/LoadCheckPanel';
import { type DesignRow, districtToday, formatDay, hwKey, type Item, shortClassName } from '../components/model';
import { ItemStatusTag } from '../components/tags';
import { CopyWeekDialog } from './CopyWeekDialog';
import { Created } from './Created';
import { EntryCards } from './EntryCards';
import { FormActions } from './FormActions';
import { ItemNotices } from './ItemNotices';
import { blankEntry, entriesFor, type EntryValues, type FormValues, planDates } from './plan';
import { TargetCard } from './TargetCard';
import { useHomeworkSave } from './useHomeworkSave';
import { useLoadCheck } from './useLoadCheck';

export function HomeworkForm({ item, designId, reload }: { item?: Item; designId: string | null; reload: () => void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const message = useMessage();
  const subjects = useSubjects();
  const [form] = Form.useForm<FormValues>();
  const wide = !!Grid.useBreakpoint().xl;
  const today = districtToday(tz);
  const [created, setCreated] = useState<Item[] | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
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

  // one subject to choose from (a teacher of one subject, or the one the chosen classes share): chosen already
  useEffect(() => {
    if (item) return;
    const current = form.getFieldValue('subjectId') as string | undefined;
    if (current && !subjectIds.includes(current)) form.setFieldValue('subjectId', undefined);
    if (!current && subjectIds.length === 1) form.setFieldValue('subjectId', subjectIds[0]);
  }, [subjectIds, form, item]);

  // the load check's suggestion: this item's minutes on that day set to what fits the limit
  const fit = (date: string, minutes: number) => {
    const list = (form.getFieldValue('entries') as EntryValues[] | undefined) ?? [];
    form.setFieldValue(
      'entries',
      list.map((e) => (e.date === date ? { ...e, minutes } : e)),
    );
  };

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

  const { run, saving, withdraw, withdrawing } = useHomeworkSave({
    form,
    item,
    onCreated: setCreated,
    onConflict: setConflict,
    onInvalidDates: (dates) => setUnfolded((prev) => new Set([...prev, ...dates])),
  });

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
  const panel = <LoadCheckPanel entries={check.data} loading={check.isFetching} error={check.error?.message} idle={!check.enabled} onFit={editable ? fit : undefined} />;
  const title = item ? t('hw.edit.title') : t('menu.homework.set');

  return (
    <>
      <PageHeader
        title={title}
        sub={item ? `${item.className} · ${item.subjectName} · ${formatDay(item.date, locale)}` : t('hw.form.sub')}
        extra={
          item ? (
            <ItemStatusTag status={item.status} dayStatus={dayStatus} />
          ) : (
            taught.length > 0 && (
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="copy-week-open">
                {t('hwr.copy.open')}
              </Button>
            )
          )
        }
      />
      <ItemNotices item={item} conflict={conflict} reload={reload} editable={editable} noClasses={!item && taught.length === 0} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={wide ? 14 : 24}>
          <Form<FormValues> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} disabled={!editable}>
            <TargetCard
              item={item}
              classes={taught.map((c) => ({ value: c.id, label: classLabel(c) }))}
              subjects={subjectIds.map((id) => ({ value: id, label: subjectName(id) }))}
              planKind={planKind}
              today={today}
            />
            <EntryCards
              form={form}
              entries={entries}
              planKind={planKind}
              dayKinds={dayKinds}
              unfolded={unfolded}
              onUnfold={(date) => setUnfolded((prev) => new Set([...prev, date]))}
              editable={editable}
              onPickDesign={setPicking}
            />
          </Form>
          {!wide && <div style={{ marginBottom: 16 }}>{panel}</div>}
          {editable && <FormActions item={item} saving={saving} withdrawing={withdrawing} blocked={blocked} run={run} withdraw={withdraw} />}
        </Col>
        {wide && (
          <Col xl={10}>
            <div style={{ position: 'sticky', top: 16 }}>{panel}</div>
          </Col>
        )}
      </Row>
      {!item && copying && (
        <CopyWeekDialog
          open
          onClose={() => setCopying(false)}
          classes={taught.map((c) => ({ value: c.id, label: classLabel(c) }))}
          initialClassIds={classIds}
          subjectId={subjectId}
          today={today}
        />
      )}
      <DesignPicker open={picking !== null} onClose={() => setPicking(null)} onPick={(d) => applyDesign(d, picking ?? 0)} subjectId={subjectId} grade={grade} />
    </>
  );
}

