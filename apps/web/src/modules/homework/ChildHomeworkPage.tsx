/**
 * 孩子的作业 (parents, phone first): the published list of a day with a one-screen report of actual time (作业熔断
 * included), the weekly plan, the vacation checklist (假期作业天天交清单) and the error notebook (错题本, grade 3 and up).
 */
import { CheckCircleFilled, ClockCircleOutlined, DownloadOutlined, LinkOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChildRange, FeedbackInput, Mistake, MistakeInput, PublishedList } from '@shuangjian/contracts';
import { addDays, countsTowardLimit, daysBetween, weekStart } from '@shuangjian/policy';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, ConfigProvider, DatePicker, Empty, Flex, Form, Input, InputNumber, Progress, Segmented, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useMe } from '../../app/auth';
import { type Locale, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageSpinner } from '../../components/PageSpinner';
import { useSaveMutation } from '../../components/useSaveMutation';
import { childDayKey, type ChildDayRow, fetchChildDay } from './components/family';
import { MeasureTip } from './components/MeasureTip';
import { districtToday, formatDay, hwKey } from './components/model';
import { loadColor, loadShare } from './components/rates';
import { Stepper } from './components/Stepper';
import { DayKindTag, ItemTags } from './components/tags';

type ListRow = z.infer<typeof PublishedList>;
type ListItem = ListRow['items'][number];
type MistakeRow = z.infer<typeof Mistake>;
type Child = { id: string; name: string; className: string; schoolName: string; grade: number };
type Tab = 'day' | 'week' | 'vacation' | 'mistakes';

/** Families may report today and the seven days before it (the server's rule). */
const REPORT_DAYS = 7;

/** "11月23日" / "Nov 23": a date without its weekday, for ranges. */
const dayOnly = (date: string, locale: Locale) => formatDay(date, locale).split(' ').slice(0, -1).join(' ');

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Written minutes against the limit, with the rest of the day's load underneath. */
function LoadSummary({ list, grade }: { list: ListRow; grade: number }) {
  const { t } = useI18n();
  const share = loadShare(list.written, list.limit);
  return (
    <div data-testid="child-load">
      <Flex justify="space-between" align="baseline" wrap gap={4}>
        <MeasureTip measure="counted">
          <Typography.Text type="secondary">{t('hwv.child.written')}</Typography.Text>
        </MeasureTip>
        <Typography.Text strong style={{ fontSize: 18, color: loadColor(share) }} data-testid="child-written">
          {t('hwv.minutesOf', { n: list.written, limit: list.limit })}
        </Typography.Text>
      </Flex>
      {list.limit > 0 ? (
        <Progress percent={Math.min(100, Math.round(share * 100))} showInfo={false} strokeColor={loadColor(share)} />
      ) : (
        grade <= 2 && <Typography.Text type="secondary">{t('hwv.child.noWrittenLowGrade')}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[
          list.other ? t('hwv.child.other', { n: list.other }) : null,
          list.optional ? t('hwv.child.optional', { n: list.optional }) : null,
          list.inSchool ? t('hwv.child.inSchool', { n: list.inSchool }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

function ItemCard({ item }: { item: ListItem }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="child-item" styles={{ body: { padding: 14 } }}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {item.subjectName}
        </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          <ClockCircleOutlined /> {t('hwv.minutes', { n: item.minutes })}
        </Typography.Text>
      </Flex>
      {item.title && (
        <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
          {item.title}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ margin: '6px 0', fontSize: 15, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.content}</Typography.Paragraph>
      <ItemTags item={item} />
      {(item.links.length > 0 || item.attachments.length > 0) && (
        <Space orientation="vertical" size={4} style={{ marginTop: 8, width: '100%' }}>
          {item.links.map((href) => (
            <a key={href} href={href} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
              <LinkOutlined /> {href}
            </a>
          ))}
          {item.attachments.map((a) => (
            <a key={a.id} href={`/api/homework/attachments/${a.id}`} download={a.name} style={{ overflowWrap: 'anywhere' }}>
              <DownloadOutlined /> {a.name} <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text>
            </a>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {t('hwv.child.teacher', { name: item.teacherName })}
      </Typography.Text>
    </Card>
  );
}

/** [–] minutes [+], large enough for a thumb. */
function MinutesStepper({ value, onChange, label }: { value: number | null; onChange(v: number | null): void; label: string }) {
  const { t } = useI18n();
  const step = (d: number) => onChange(Math.max(0, Math.min(300, (value ?? 0) + d)));
  return (
    <Space.Compact>
      <Button size="large" icon={<MinusOutlined />} onClick={() => step(-5)} aria-label={t('hwv.report.less')} disabled={(value ?? 0) <= 0} />
      <InputNumber
        size="large"
        min={0}
        max={300}
        precision={0}
        controls={false}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        placeholder={t('hwv.report.minutesPlaceholder')}
        aria-label={label}
        inputMode="numeric"
        style={{ width: 64, textAlign: 'center' }}
      />
      <Button size="large" icon={<PlusOutlined />} onClick={() => step(5)} aria-label={t('hwv.report.more')} />
    </Space.Compact>
  );
}

type Outcome = 'within' | 'over' | 'bedtime' | 'unfinished';

function outcomeOf(day: ChildDayRow): Outcome | null {
  const f = day.feedback;
  if (!f || !day.list) return null;
  if (f.stoppedAtBedtime) return 'bedtime';
  if (f.withinLimit) return 'within';
  if (f.minutes > day.list.limit) return 'over';
  return 'unfinished';
}

const OUTCOME_TYPE: Record<Outcome, 'success' | 'error' | 'warning' | 'info'> = { within: 'success', over: 'error', bedtime: 'warning', unfinished: 'info' };

function ReportResult({ day, onEdit, canEdit }: { day: ChildDayRow; onEdit(): void; canEdit: boolean }) {
  const { t } = useI18n();
  const outcome = outcomeOf(day)!;
  const f = day.feedback!;
  return (
    <Alert
      data-testid="report-result"
      type={OUTCOME_TYPE[outcome]}
      showIcon
      title={<span data-testid="report-outcome">{t(`hwv.report.outcome.${outcome}`)}</span>}
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <span>{t('hwv.report.savedMinutes', { n: f.minutes, limit: day.list!.limit })}</span>
          <span>{t(`hwv.report.outcomeHelp.${outcome}`, { bedtime: day.bedtime })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hwv.report.reportedAt', { at: formatDateTime(f.reportedAt) })}
          </Typography.Text>
          {canEdit && (
            <Button size="large" block onClick={onEdit} data-testid="report-edit" style={{ marginTop: 8 }}>
              {t('hwv.report.correct')}
            </Button>
          )}
        </Space>
      }
    />
  );
}

/** One screen: per item a 完成 switch and minutes, one bedtime checkbox, one button. */
function ReportForm({ day, onSaved, onCancel }: { day: ChildDayRow; onSaved(d: ChildDayRow): void; onCancel?: () => void }) {
  const { t } = useI18n();
  const list = day.list!;
  const items = list.items.filter((i) => i.place === 'home');
  const [values, setValues] = useState<Record<string, { done: boolean; minutes: number | null }>>(() =>
    Object.fromEntries(
      items.map((i) => {
        const saved = day.feedback?.items.find((f) => f.itemId === i.itemId);
        return [i.itemId, { done: saved?.done ?? false, minutes: saved?.minutes ?? null }];
      }),
    ),
  );
  const [stopped, setStopped] = useState(day.feedback?.stoppedAtBedtime ?? false);
  const save = useSaveMutation({
    form: null,
    mutationFn: (body: z.input<typeof FeedbackInput>) => api.put<ChildDayRow>('/api/homework/feedback', body),
    saved: t('hwv.report.saved'),
    onSuccess: (d) => onSaved(d),
  });
  const set = (id: string, patch: Partial<{ done: boolean; minutes: number | null }>) => setValues((v) => ({ ...v, [id]: { ...v[id]!, ...patch } }));
  const counted = items.filter(countsTowardLimit).reduce((s, i) => s + (values[i.itemId]?.minutes ?? 0), 0);
  const submit = () =>
    save.mutate({
      studentId: day.studentId,
      date: day.date,
      items: items.map((i) => ({ itemId: i.itemId, done: values[i.itemId]!.done, minutes: values[i.itemId]!.minutes })),
      stoppedAtBedtime: stopped,
    });

  return (
    <ConfigProvider theme={{ components: { Switch: { trackHeight: 32, handleSize: 28, trackMinWidth: 84, innerMaxMargin: 36 } } }}>
      <Card
        title={t('hwv.report.title')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hwv.report.optionalHint')}
          </Typography.Text>
        }
        data-testid="report-form"
        styles={{ body: { padding: 12 } }}
      >
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t('hwv.report.nothingAtHome')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            {items.map((i, n) => {
              const v = values[i.itemId]!;
              return (
                <div key={i.itemId} data-testid="report-item" style={{ padding: '12px 0', borderTop: n ? '1px solid #f0f0f0' : undefined }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0, fontSize: 15 }}>
                      {i.subjectName} · {i.title ?? i.content}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {t('hwv.report.estimate', { n: i.minutes })}
                    </Typography.Text>
                  </Flex>
                  {!countsTowardLimit(i) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.layer === 'extension' ? t('hwv.report.optionalItem') : t('hwv.report.notCounted')}
                    </Typography.Text>
                  )}
                  <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
                    <Switch
                      checked={v.done}
                      checkedChildren={t('hwv.report.done')}
                      unCheckedChildren={t('hwv.report.notDone')}
                      aria-label={`${i.subjectName} ${t('hwv.report.done')}`}
                      data-testid="report-done"
                      onChange={(done) => set(i.itemId, { done, minutes: done && v.minutes === null ? i.minutes : v.minutes })}
                    />
                    <MinutesStepper value={v.minutes} onChange={(minutes) => set(i.itemId, { minutes })} label={`${i.subjectName} ${t('hwv.report.minutesLabel')}`} />
                  </Flex>
                </div>
              );
            })}
          </Space>
        )}
        <label
          style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '12px 12px', margin: '8px 0 12px', border: '1px solid #ffd591', background: stopped ? '#fff7e6' : undefined, borderRadius: 8, cursor: 'pointer' }}
          data-testid="report-bedtime"
        >
          <Checkbox checked={stopped} onChange={(e) => setStopped(e.target.checked)} />
          <span>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {t('hwv.report.bedtime', { bedtime: day.bedtime })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hwv.report.bedtimeHelp')}
            </Typography.Text>
          </span>
        </label>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('hwv.report.countedSoFar')}</Typography.Text>
          <Typography.Text strong style={{ color: counted > list.limit ? '#cf1322' : undefined }} data-testid="report-counted">
            {t('hwv.minutesOf', { n: counted, limit: list.limit })}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          {onCancel && (
            <Button size="large" onClick={onCancel} style={{ flex: 1 }}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="primary" size="large" block onClick={submit} loading={save.isPending} data-testid="report-submit" style={{ flex: 2, height: 48, fontSize: 17 }}>
            {t('hwv.report.submit')}
          </Button>
        </Flex>
      </Card>
    </ConfigProvider>
  );
}

function NothingPublished({ day, today }: { day: ChildDayRow; today: string }) {
  const { t } = useI18n();
  let text: string;
  if (day.dayKind === 'weekend') text = t('hwv.child.none.weekend');
  else if (day.dayKind === 'holiday') text = t('hwv.child.none.holiday', { name: day.dayName ?? t('hw.dayKind.holiday') });
  else if (day.dayKind === 'vacation') text = t('hwv.child.none.vacation', { name: day.dayName ?? t('hw.dayKind.vacation') });
  else if (day.date > today) text = t('hwv.child.none.future');
  else if (day.date === today) text = t('hwv.child.none.today');
  else text = t('hwv.child.none.past');
  return (
    <Card data-testid="child-none">
      <Empty description={text} />
    </Card>
  );
}

function DayTab({ child, date, today, onDate }: { child: Child; date: string; today: string; onDate(d: string): void }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const day = useQuery({ queryKey: childDayKey(child.id, date), queryFn: () => fetchChildDay(child.id, date) });
  const [editing, setEditing] = useState<string | null>(null);
  const reportable = date <= today && daysBetween(date, today) <= REPORT_DAYS;
  const d = day.data;
  const editKey = `${date}:${d?.feedback?.reportedAt ?? ''}`;
  const isEditing = editing === editKey;
  const saved = (next: ChildDayRow) => {
    client.setQueryData(childDayKey(child.id, date), next);
    setEditing(null);
  };
  const relative = date === today ? t('hwv.today') : date === addDays(today, -1) ? t('hwv.yesterday') : date === addDays(today, 1) ? t('hwv.tomorrow') : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 10 } }}>
        <Stepper
          size="large"
          testId="child-day-stepper"
          label={formatDay(date, locale)}
          sub={
            <Space size={4}>
              {relative && <Tag color="blue">{relative}</Tag>}
              {d && <DayKindTag kind={d.dayKind} />}
              {date !== today && (
                <Button type="link" size="small" onClick={() => onDate(today)} style={{ padding: 0 }}>
                  {t('hwv.backToToday')}
                </Button>
              )}
            </Space>
          }
          onPrev={() => onDate(addDays(date, -1))}
          onNext={() => onDate(addDays(date, 1))}
          prevLabel={t('hwv.prevDay')}
          nextLabel={t('hwv.nextDay')}
        />
      </Card>
      {day.isLoading && <PageSpinner />}
      {day.error && <Alert type="error" showIcon title={day.error.message} />}
      {d && !d.list && <NothingPublished day={d} today={today} />}
      {d?.list && (
        <>
          <Card styles={{ body: { padding: 14 } }} data-testid="child-list">
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t('hwv.child.listTitle', { n: d.list.items.length })}
                </Typography.Text>
                {d.list.version > 1 ? (
                  <Tag color="orange" data-testid="child-corrected">
                    {t('hwv.child.corrected', { v: d.list.version })}
                  </Tag>
                ) : null}
              </Flex>
              {d.list.version > 1 && d.list.reason && <Alert type="warning" showIcon title={t('hwv.child.correctionReason', { reason: d.list.reason })} />}
              <LoadSummary list={d.list} grade={d.grade} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hwv.child.publishedBy', { name: d.list.publishedBy, at: formatDateTime(d.list.publishedAt) })}
              </Typography.Text>
              {reportable && (
                <Button
                  block
                  size="large"
                  type={d.feedback ? 'default' : 'primary'}
                  ghost={!d.feedback}
                  onClick={() => document.getElementById('child-report')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
                  data-testid="child-go-report"
                >
                  {d.feedback ? t(`hwv.report.outcome.${outcomeOf(d)!}`) + ' · ' + t('hwv.report.view') : t('hwv.report.go')}
                </Button>
              )}
            </Space>
          </Card>
          {d.list.items.map((i) => (
            <ItemCard key={i.itemId} item={i} />
          ))}
          {!reportable && (
            <Alert type="info" showIcon title={date > today ? t('hwv.report.future') : t('hwv.report.tooOld', { n: REPORT_DAYS })} />
          )}
          <div id="child-report" style={{ scrollMarginTop: 8 }}>
            {d.feedback && !isEditing && <ReportResult day={d} canEdit={reportable} onEdit={() => setEditing(editKey)} />}
            {reportable && (!d.feedback || isEditing) && (
              <ReportForm key={editKey} day={d} onSaved={saved} onCancel={d.feedback ? () => setEditing(null) : undefined} />
            )}
          </div>
        </>
      )}
    </Space>
  );
}

function ListDay({ date, list, testId }: { date: string; list: ListRow | undefined; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" data-testid={testId} styles={{ body: { padding: list ? 12 : '8px 12px' } }}>
      <Flex justify="space-between" align="baseline" wrap gap={4}>
        <Typography.Text strong>{formatDay(date, locale)}</Typography.Text>
        {list ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('hwv.child.writtenShort', { n: list.written, limit: list.limit })}
            {list.version > 1 ? ` · ${t('hwv.child.corrected', { v: list.version })}` : ''}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('hwv.child.noList')}
          </Typography.Text>
        )}
      </Flex>
      {list && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
          {list.items.map((i) => (
            <li key={i.itemId} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
              <Typography.Text strong>{i.subjectName}</Typography.Text> {i.title ?? i.content}{' '}
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('hwv.minutes', { n: i.minutes })}
                {i.place === 'school' ? ` · ${t('hw.place.school')}` : i.type !== 'written' ? ` · ${t('hwv.child.nonWritten')}` : i.layer === 'extension' ? ` · ${t('hwv.child.optionalShort')}` : ''}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function useRange(studentId: string, from: string, to: string) {
  return useQuery({
    queryKey: hwKey('child-range', studentId, from, to),
    queryFn: () => api.get<z.infer<typeof ChildRange>>(`/api/homework/child/range${qs({ studentId, from, to })}`),
  });
}

function WeekTab({ child, date, today, onDate }: { child: Child; date: string; today: string; onDate(d: string): void }) {
  const { t, locale } = useI18n();
  const monday = weekStart(date);
  const sunday = addDays(monday, 6);
  const range = useRange(child.id, monday, sunday);
  const byDate = new Map(range.data?.lists.map((l) => [l.date, l]));
  const thisWeek = weekStart(today) === monday;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 10 } }}>
        <Stepper
          size="large"
          testId="child-week-stepper"
          label={t('hwv.weekRange', { from: dayOnly(monday, locale), to: dayOnly(sunday, locale) })}
          sub={
            thisWeek ? (
              <Tag color="blue">{t('hwv.thisWeek')}</Tag>
            ) : (
              <Button type="link" size="small" onClick={() => onDate(today)} style={{ padding: 0 }}>
                {t('hwv.backToThisWeek')}
              </Button>
            )
          }
          onPrev={() => onDate(addDays(date, -7))}
          onNext={() => onDate(addDays(date, 7))}
          prevLabel={t('hwv.prevWeek')}
          nextLabel={t('hwv.nextWeek')}
        />
      </Card>
      {range.isLoading && <PageSpinner />}
      {range.error && <Alert type="error" showIcon title={range.error.message} />}
      {range.data && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="child-week">
          {Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((d) => (
            <ListDay key={d} date={d} list={byDate.get(d)} testId="child-week-day" />
          ))}
        </Space>
      )}
    </Space>
  );
}

const MAX_RANGE = 62;

function VacationTab({ child, today }: { child: Child; today: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 13));
  const range = useRange(child.id, from, to);
  const days = useMemo(() => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i)), [from, to]);
  const byDate = new Map(range.data?.lists.map((l) => [l.date, l]));
  const withLists = days.filter((d) => byDate.has(d)).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 12 } }}>
        <Typography.Text type="secondary">{t('hwv.vacation.hint')}</Typography.Text>
        <Flex gap={8} style={{ marginTop: 8 }}>
          <DatePicker
            size="large"
            value={dayjs(from)}
            allowClear={false}
            inputReadOnly
            style={{ flex: 1, minWidth: 0 }}
            aria-label={t('hwv.from')}
            onChange={(v) => {
              if (!v) return;
              const f = v.format('YYYY-MM-DD');
              setFrom(f);
              if (to < f || daysBetween(f, to) > MAX_RANGE - 1) setTo(addDays(f, 13));
            }}
          />
          <DatePicker
            size="large"
            value={dayjs(to)}
            allowClear={false}
            inputReadOnly
            style={{ flex: 1, minWidth: 0 }}
            aria-label={t('hwv.to')}
            disabledDate={(v) => v.format('YYYY-MM-DD') < from || daysBetween(from, v.format('YYYY-MM-DD')) > MAX_RANGE - 1}
            onChange={(v) => v && setTo(v.format('YYYY-MM-DD'))}
          />
        </Flex>
      </Card>
      {range.isLoading && <PageSpinner />}
      {range.error && <Alert type="error" showIcon title={range.error.message} />}
      {range.data &&
        (withLists === 0 ? (
          <Card>
            <Empty description={t('hwv.vacation.none')} />
          </Card>
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="child-vacation">
            {days.map((d) => (
              <ListDay key={d} date={d} list={byDate.get(d)} testId="child-vacation-day" />
            ))}
          </Space>
        ))}
    </Space>
  );
}

type MistakeForm = { date: dayjs.Dayjs; itemId?: string; question: string; note?: string };

function MistakesTab({ child, date, today }: { child: Child; date: string; today: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const key = hwKey('mistakes', child.id);
  const mistakes = useQuery({ queryKey: key, queryFn: () => api.get<MistakeRow[]>(`/api/homework/mistakes${qs({ studentId: child.id })}`) });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<MistakeForm>();
  const picked = Form.useWatch('date', form);
  const itemsDate = picked ? picked.format('YYYY-MM-DD') : date > today ? today : date;
  const day = useQuery({ queryKey: childDayKey(child.id, itemsDate), queryFn: () => fetchChildDay(child.id, itemsDate), enabled: adding });
  const add = useSaveMutation({
    form,
    mutationFn: (body: z.input<typeof MistakeInput>) => api.post<MistakeRow>('/api/homework/mistakes', body),
    saved: t('hwv.mistakes.added'),
    onSuccess: () => {
      setAdding(false);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const resolve = useSaveMutation({
    form: null,
    mutationFn: (id: string) => api.post<MistakeRow>(`/api/homework/mistakes/${id}/resolve`),
    saved: false,
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const open = mistakes.data?.filter((m) => !m.resolved) ?? [];
  const done = mistakes.data?.filter((m) => m.resolved) ?? [];
  const row = (m: MistakeRow) => (
    <Card key={m.id} size="small" data-testid="mistake" styles={{ body: { padding: 12 } }}>
      <Typography.Paragraph strong style={{ margin: 0, fontSize: 15, overflowWrap: 'anywhere' }} delete={m.resolved}>
        {m.question}
      </Typography.Paragraph>
      {m.note && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
          {m.note}
        </Typography.Paragraph>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Space size={4} wrap>
          {m.subjectName && <Tag color="blue">{m.subjectName}</Tag>}
          {m.date && <Typography.Text type="secondary">{formatDay(m.date, locale)}</Typography.Text>}
        </Space>
        {m.resolved ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('hwv.mistakes.resolved')}
          </Tag>
        ) : (
          <Button onClick={() => resolve.mutate(m.id)} loading={resolve.isPending && resolve.variables === m.id} data-testid="mistake-resolve">
            {t('hwv.mistakes.resolve')}
          </Button>
        )}
      </Flex>
    </Card>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="child-mistakes">
      <Button
        type="primary"
        size="large"
        block
        icon={<PlusOutlined />}
        data-testid="mistake-add"
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ date: dayjs(date > today ? today : date) });
          setAdding(true);
        }}
      >
        {t('hwv.mistakes.add')}
      </Button>
      {mistakes.isLoading && <PageSpinner />}
      {mistakes.data && mistakes.data.length === 0 && (
        <Card>
          <Empty description={t('hwv.mistakes.none')} />
        </Card>
      )}
      {open.map(row)}
      {done.length > 0 && (
        <Typography.Text type="secondary">{t('hwv.mistakes.resolvedCount', { n: done.length })}</Typography.Text>
      )}
      {done.map(row)}
      <FormModal
        open={adding}
        title={t('hwv.mistakes.add')}
        onCancel={() => setAdding(false)}
        okText={t('common.save')}
        form={form}
        loading={add.isPending}
        onFinish={(v) => add.mutate({ studentId: child.id, itemId: v.itemId || null, question: v.question, note: v.note || null })}
      >
        <Form.Item name="date" label={t('hwv.mistakes.date')}>
          <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} disabledDate={(v) => v.format('YYYY-MM-DD') > today} onChange={() => form.setFieldValue('itemId', '')} />
        </Form.Item>
        <Form.Item name="itemId" label={t('hwv.mistakes.item')} initialValue="">
          <Select
            loading={day.isLoading}
            options={[
              { value: '', label: t('hwv.mistakes.noItem') },
              ...(day.data?.list?.items ?? []).map((i) => ({ value: i.itemId, label: `${i.subjectName}：${i.title ?? i.content}` })),
            ]}
            data-testid="mistake-item"
          />
        </Form.Item>
        <Form.Item name="question" label={t('hwv.mistakes.question')} rules={[{ required: true, whitespace: true, message: t('hwv.mistakes.questionRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('hwv.mistakes.questionPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('hwv.mistakes.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('hwv.mistakes.notePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

export default function ChildHomeworkPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const today = districtToday(me?.district.timezone);
  const children = me?.children ?? [];
  const child = children.find((c) => c.id === params.get('child')) ?? children[0];
  const rawDate = params.get('date');
  const date = rawDate && /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? rawDate : today;
  const rawTab = params.get('tab') as Tab | null;
  const mistakesAllowed = !!child && child.grade >= 3;
  const tab: Tab = rawTab === 'week' || rawTab === 'vacation' || (rawTab === 'mistakes' && mistakesAllowed) ? rawTab : 'day';
  const update = (patch: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) next.set(k, v);
        return next;
      },
      { replace: true },
    );

  if (!me) return null;
  if (!child)
    return (
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Empty description={t('hwv.child.noChildren')} />
      </div>
    );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.homework.child')}
      </Typography.Title>
      {children.length > 1 ? (
        <Segmented
          block
          size="large"
          value={child.id}
          options={children.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => update({ child: String(v) })}
          style={{ margin: '8px 0' }}
          data-testid="child-picker"
        />
      ) : null}
      <Typography.Text type="secondary">
        {child.name} · {child.schoolName} {child.className}
      </Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k })}
        tabBarGutter={18}
        items={[
          { key: 'day', label: t('hwv.child.tab.day'), children: <DayTab child={child} date={date} today={today} onDate={(d) => update({ date: d })} /> },
          { key: 'week', label: t('hwv.child.tab.week'), children: <WeekTab child={child} date={date} today={today} onDate={(d) => update({ date: d })} /> },
          { key: 'vacation', label: t('hwv.child.tab.vacation'), children: <VacationTab child={child} today={today} /> },
          ...(mistakesAllowed ? [{ key: 'mistakes', label: t('hwv.child.tab.mistakes'), children: <MistakesTab child={child} date={date} today={today} /> }] : []),
        ]}
      />
    </div>
  );
}
