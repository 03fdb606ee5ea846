/** 我的一周 (teachers): what I set this week, by day and class, and how long families said it took against my estimate. */
import { BookOutlined, CalendarOutlined, WarningFilled } from '@ant-design/icons';
import { type ClassCalendar, type DayStatus, DESIGN_TITLE_MIN, type DesignFromItem, type TeacherItemStat, type TeacherWeek, TITLE_MAX } from '@shuangjian/contracts';
import { addDays, defaultHomeworkPolicy, weekStart } from '@shuangjian/policy';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useSaveMutation } from '../../components/useSaveMutation';
import { MeasureTip } from './components/MeasureTip';
import { districtToday, formatDay, hwKey, type Item, weekdayName } from './components/model';
import { BAD } from './components/rates';
import { Stepper } from './components/Stepper';
import { ItemStatusTag, ItemTags } from './components/tags';

type WeekRow = z.infer<typeof TeacherWeek>;
type StatRow = z.infer<typeof TeacherItemStat>;
type DayStatusValue = z.infer<typeof DayStatus>;

/** "三年级(2)班" → "三(2)": chart labels under narrow bars. */
const compactClass = (name: string) => name.replace(/年级\((\d+)\)班$/, '($1)');

const PALETTE = ['#1677ff', '#13c2c2', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#2f54eb', '#faad14'];

function SaveAsDesign({ item, onClose }: { item: Item; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; unit?: string }>();
  const save = useSaveMutation({
    form,
    mutationFn: (body: z.input<typeof DesignFromItem>) => api.post('/api/homework/designs/from-item', body),
    saved: t('hwv.week.designSaved'),
    onSuccess: () => onClose(),
  });
  return (
    <FormModal
      open
      title={t('hwv.week.saveDesign')}
      onCancel={onClose}
      okText={t('common.save')}
      form={form}
      loading={save.isPending}
      intro={
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {item.subjectName} · {item.className} · {item.content}
        </Typography.Paragraph>
      }
      initialValues={{ title: (item.title ?? item.content).slice(0, 30) }}
      onFinish={(v) => save.mutate({ itemId: item.id, title: v.title, unit: v.unit || null })}
    >
      <Form.Item name="title" label={t('hwv.library.field.title')} rules={[{ required: true, min: DESIGN_TITLE_MIN, max: TITLE_MAX }]}>
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <Form.Item name="unit" label={t('hwv.library.field.unit')}>
        <Input maxLength={TITLE_MAX} placeholder={t('hwv.library.unitPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

export default function TeacherWeekPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const today = districtToday(tz);
  const [monday, setMonday] = useState(() => weekStart(today));
  const [saving, setSaving] = useState<Item | null>(null);
  const sunday = addDays(monday, 6);
  const week = useQuery({ queryKey: hwKey('teacher-week', monday), queryFn: () => api.get<WeekRow>(`/api/homework/teacher/week${qs({ weekStart: monday })}`) });
  const items = useMemo(() => [...(week.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.className.localeCompare(b.className, 'zh-CN')), [week.data]);
  const classIds = useMemo(() => [...new Set(items.map((i) => i.classId))], [items]);
  // the week's items carry their own status only; whether their class-day is published comes from the class calendars
  const calendars = useQueries({
    queries: classIds.map((id) => ({
      queryKey: hwKey('class-calendar', id, monday, sunday),
      queryFn: () => api.get<z.infer<typeof ClassCalendar>>(`/api/homework/classes/${id}/calendar${qs({ from: monday, to: sunday })}`),
    })),
  });
  const published = new Set(calendars.flatMap((c) => c.data?.days.filter((d) => d.published).map((d) => `${d.classId}:${d.date}`) ?? []));
  const dayStatus = (i: Item): DayStatusValue | undefined => (published.has(`${i.classId}:${i.date}`) ? 'published' : undefined);
  const stats = new Map<string, StatRow>(week.data?.stats.map((s) => [s.itemId, s]));
  const factor = defaultHomeworkPolicy.overrun.factor;
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const classNames = [...new Set(items.map((i) => i.className))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const counted = items.filter((i) => i.status !== 'dropped');

  const minutesChart: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: days.map((d) => `${weekdayName(d, locale)}\n${d.slice(5)}`), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: t('hwv.unit.minutes') },
    series: classNames.map((c, n) => ({
      name: c,
      type: 'bar',
      stack: 'minutes',
      itemStyle: { color: PALETTE[n % PALETTE.length] },
      data: days.map((d) => counted.filter((i) => i.className === c && i.date === d).reduce((s, i) => s + i.minutes, 0) || null),
    })),
  };

  const withStats = items.filter((i) => stats.get(i.id)?.medianMinutes !== null && stats.has(i.id));
  const estimateChart: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const i = withStats[list[0]?.dataIndex ?? 0];
        if (!i) return '';
        const s = stats.get(i.id)!;
        return [
          `<b>${formatDay(i.date, locale)} ${i.className}</b>`,
          `${i.subjectName}：${(i.title ?? i.content).slice(0, 24)}`,
          `${t('hwv.week.estimate')}：${t('hwv.minutes', { n: s.estimate })}`,
          `${t('hwv.week.median')}：${t('hwv.minutes', { n: s.medianMinutes ?? 0 })}`,
          t('hwv.week.reports', { n: s.reports }),
          s.flagged ? `<span style="color:${BAD}">${t('hwv.week.flagged', { factor })}</span>` : '',
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    legend: { top: 0, data: [t('hwv.week.estimate'), t('hwv.week.median')] },
    grid: { left: 48, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: withStats.map((i) => `${weekdayName(i.date, locale)}\n${compactClass(i.className)}`), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: t('hwv.unit.minutes') },
    series: [
      { name: t('hwv.week.estimate'), type: 'bar', itemStyle: { color: '#bfbfbf' }, data: withStats.map((i) => stats.get(i.id)!.estimate) },
      {
        name: t('hwv.week.median'),
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        data: withStats.map((i) => {
          const s = stats.get(i.id)!;
          return { value: s.medianMinutes, itemStyle: s.flagged ? { color: BAD } : undefined };
        }),
      },
    ],
  };

  return (
    <>
      <PageHeader
        title={t('menu.homework.week')}
        sub={t('hwv.week.sub')}
        extra={
          <div style={{ minWidth: 320 }}>
            <Stepper
              testId="week-stepper"
              label={t('hwv.weekRange', { from: formatDay(monday, locale), to: formatDay(sunday, locale) })}
              sub={
                monday === weekStart(today) ? (
                  <Tag color="blue">{t('hwv.thisWeek')}</Tag>
                ) : (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setMonday(weekStart(today))}>
                    {t('hwv.backToThisWeek')}
                  </Button>
                )
              }
              onPrev={() => setMonday(addDays(monday, -7))}
              onNext={() => setMonday(addDays(monday, 7))}
              prevLabel={t('hwv.prevWeek')}
              nextLabel={t('hwv.nextWeek')}
            />
          </div>
        }
      />
      {week.error && <Alert type="error" showIcon title={week.error.message} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {week.data && items.length === 0 ? (
          <Card>
            <Empty description={t('hwv.week.none')}>
              <Link to="/homework/set">
                <Button type="primary">{t('menu.homework.set')}</Button>
              </Link>
            </Empty>
          </Card>
        ) : (
          <Flex gap={16} wrap>
            <Card title={t('hwv.week.minutesChart')} style={{ flex: '1 1 420px', minWidth: 0 }} loading={week.isLoading}>
              <Chart option={minutesChart} style={{ height: 280 }} />
            </Card>
            <Card
              title={
                <MeasureTip measure="flagged" vars={{ factor, min: defaultHomeworkPolicy.overrun.minReports }}>
                  {t('hwv.week.estimateChart')}
                </MeasureTip>
              }
              style={{ flex: '1 1 420px', minWidth: 0 }}
              loading={week.isLoading}
              data-testid="week-estimate-chart"
            >
              {withStats.length ? <Chart option={estimateChart} style={{ height: 280 }} /> : <Empty description={t('hwv.week.noReports')} />}
            </Card>
          </Flex>
        )}
        <Card title={t('hwv.week.items')} styles={{ body: { padding: 0 } }}>
          <Table<Item>
            rowKey="id"
            data-testid="week-items"
            loading={week.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(i) => ({ style: stats.get(i.id)?.flagged ? { background: '#fff1f0' } : undefined })}
            columns={[
              {
                title: t('hwv.col.date'),
                dataIndex: 'date',
                width: 130,
                render: (d: string, i, n) => (n > 0 && items[n - 1]!.date === d ? null : <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{formatDay(d, locale)}</Typography.Text>),
              },
              { title: t('hwv.col.class'), dataIndex: 'className', width: 110 },
              {
                title: t('hwv.col.content'),
                key: 'content',
                render: (_: unknown, i) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text>
                      <Typography.Text strong>{i.subjectName}</Typography.Text> {i.title ? <Typography.Text strong>{i.title}：</Typography.Text> : null}
                      {i.content}
                    </Typography.Text>
                    <ItemTags item={i} />
                  </Space>
                ),
              },
              { title: t('hwv.week.estimate'), dataIndex: 'minutes', width: 80, align: 'right', render: (m: number) => t('hwv.minutes', { n: m }) },
              {
                title: <MeasureTip measure="median">{t('hwv.week.median')}</MeasureTip>,
                key: 'median',
                width: 130,
                align: 'right',
                render: (_: unknown, i) => {
                  const s = stats.get(i.id);
                  if (!s || s.medianMinutes === null) return <Typography.Text type="secondary">{t('hwv.week.noReportShort')}</Typography.Text>;
                  return (
                    <Tooltip title={t('hwv.week.reports', { n: s.reports })}>
                      <span data-testid="week-median">
                        {s.flagged && <WarningFilled style={{ color: BAD, marginRight: 4 }} />}
                        <Typography.Text strong={s.flagged} style={{ color: s.flagged ? BAD : undefined }}>
                          {t('hwv.minutes', { n: s.medianMinutes })}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {' '}
                          ({s.reports})
                        </Typography.Text>
                      </span>
                    </Tooltip>
                  );
                },
              },
              { title: t('hwv.col.status'), key: 'status', width: 130, render: (_: unknown, i) => <ItemStatusTag status={i.status} dayStatus={dayStatus(i)} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_: unknown, i) => (
                  <Space size={0} wrap>
                    <Button type="link" size="small" icon={<BookOutlined />} onClick={() => setSaving(i)} data-testid="week-save-design">
                      {t('hwv.week.saveDesign')}
                    </Button>
                    <Link to={`/homework/day/${i.classId}/${i.date}`}>
                      <Button type="link" size="small" icon={<CalendarOutlined />}>
                        {t('hwv.classDay')}
                      </Button>
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Space>
      {saving && <SaveAsDesign item={saving} onClose={() => setSaving(null)} />}
    </>
  );
}
