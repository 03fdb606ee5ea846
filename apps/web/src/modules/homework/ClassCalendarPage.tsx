/**
 * 班级作业负担日历: daily planned load against the limit, what families reported, frequent mistakes. The class teacher,
 * grade leader and school see their classes; the district office and inspectors arrive from the dashboard's drill-down
 * and read any class within their reach.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { type ClassCalendar, type SchoolClass, type Semester, VIEW_RANGE_MAX_DAYS } from '@shuangjian/contracts';
import { addDays, daysBetween } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { hasRole, useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ClassFigures } from './class/ClassFigures';
import { FrequentMistakes } from './class/FrequentMistakes';
import { LoadHeatmap, TrendChart } from './class/LoadCharts';
import { RecentDays } from './class/RecentDays';
import { gradeLabel } from './components/grades';
import { districtToday, hwKey, shortClassName } from './components/model';

type CalendarRow = z.infer<typeof ClassCalendar>;
type SemesterRow = z.infer<typeof Semester>;

/** The semester holding today, else the last one that began, else the first; at most 200 days of it. */
function defaultRange(semesters: SemesterRow[], today: string): [string, string] {
  const sorted = [...semesters].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const s = sorted.find((x) => x.startDate <= today && today <= x.endDate) ?? sorted.filter((x) => x.startDate <= today).at(-1) ?? sorted[0];
  if (!s) return [addDays(today, -60), today];
  return [s.startDate, daysBetween(s.startDate, s.endDate) > VIEW_RANGE_MAX_DAYS - 1 ? addDays(s.startDate, VIEW_RANGE_MAX_DAYS - 1) : s.endDate];
}

type Option = { value: string; label: string; grade: number };
const byGrade = (a: Option, b: Option) => a.grade - b.grade || a.label.localeCompare(b.label, 'zh-CN');

/** One's own classes: class teacher and grade leader of them, or academic affairs of their school. */
function useOwnClasses(): Option[] {
  const { data: me } = useMe();
  const admin = hasRole(me, 'school_admin');
  const all = useQuery({ queryKey: ['classes', 'all'], queryFn: () => api.get<z.infer<typeof SchoolClass>[]>('/api/classes'), enabled: admin });
  return useMemo(() => {
    const out = new Map<string, Option>();
    for (const c of me?.classes ?? [])
      if (c.roles.includes('class_teacher') || c.roles.includes('grade_leader')) out.set(c.id, { value: c.id, label: shortClassName(c.name), grade: c.grade });
    const schools = new Set(me?.schools.map((s) => s.id));
    for (const c of all.data ?? []) if (schools.has(c.schoolId) && !out.has(c.id)) out.set(c.id, { value: c.id, label: c.name, grade: c.grade });
    return [...out.values()].sort(byGrade);
  }, [me, all.data]);
}

/** The classes of the school of the class shown: what an officer switches between. */
function useSchoolClasses(schoolId: string | undefined): Option[] {
  const q = useQuery({ queryKey: ['classes', schoolId], queryFn: () => api.get<z.infer<typeof SchoolClass>[]>(`/api/classes${qs({ schoolId })}`), enabled: !!schoolId });
  return useMemo(() => (q.data ?? []).map((c) => ({ value: c.id, label: c.name, grade: c.grade })).sort(byGrade), [q.data]);
}

export default function ClassCalendarPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const today = districtToday(tz);
  const officer = hasRole(me, 'district_admin', 'inspector');
  const [params, setParams] = useSearchParams();
  const asked = params.get('classId');
  const [custom, setCustom] = useState<[string, string] | null>(() => {
    const [f, to] = [params.get('from'), params.get('to')];
    return f && to && /^\d{4}-\d{2}-\d{2}$/.test(f) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? [f, to] : null;
  });
  const own = useOwnClasses();
  // officers open any class of their reach by its id (the server answers 404 beyond it); staff choose among their own
  const classId = officer ? (asked ?? undefined) : (own.find((o) => o.value === asked)?.value ?? own[0]?.value);
  const semesters = useQuery({ queryKey: ['semesters'], queryFn: () => api.get<SemesterRow[]>('/api/semesters') });
  const range = custom ?? (semesters.data ? defaultRange(semesters.data, today) : null);
  const [from, to] = range ?? ['', ''];
  const cal = useQuery({
    queryKey: hwKey('class-calendar', classId, from, to),
    queryFn: () => api.get<CalendarRow>(`/api/homework/classes/${classId}/calendar${qs({ from, to })}`),
    enabled: !!classId && !!range,
  });
  const data = cal.data;
  const schoolClasses = useSchoolClasses(officer ? data?.schoolId : undefined);
  const options = officer ? schoolClasses : own;
  const target = data?.target ?? 0.9;
  const weeks = from && to ? Math.ceil((daysBetween(from, to) + 1) / 7) : 20;

  if (!me) return null;
  return (
    <>
      <PageHeader
        title={t('menu.homework.class')}
        sub={data ? `${data.schoolName} · ${data.className} · ${gradeLabel(data.grade, locale)}` : undefined}
        extra={
          officer && data ? (
            <Link to={`/homework/district${qs({ school: data.schoolId })}`} data-testid="class-back-district">
              <ArrowLeftOutlined /> {t('hwv.class.backToDistrict', { school: data.schoolName })}
            </Link>
          ) : undefined
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 200 }}
            value={classId}
            options={officer && data && !options.some((o) => o.value === data.classId) ? [{ value: data.classId, label: data.className, grade: data.grade }, ...options] : options}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('hwv.col.class')}
            onChange={(v: string) => setParams({ classId: v, ...(custom ? { from: custom[0], to: custom[1] } : {}) }, { replace: true })}
            data-testid="class-select"
          />
          <Select
            style={{ minWidth: 200 }}
            placeholder={t('hwv.class.semester')}
            value={semesters.data?.find((s) => s.startDate === from)?.id ?? null}
            options={semesters.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(id: string) => {
              const s = semesters.data?.find((x) => x.id === id);
              if (s) setCustom(defaultRange([s], s.startDate));
            }}
          />
          <DatePicker.RangePicker
            allowClear={false}
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
            disabledDate={(d, info) => !!info.from && Math.abs(d.diff(info.from, 'day')) > VIEW_RANGE_MAX_DAYS - 1}
            onChange={(v) => v?.[0] && v[1] && setCustom([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          />
        </Flex>
      </Card>
      {!classId && (
        <Empty
          description={officer ? t('hwv.class.pickFromDistrict') : t('hwv.class.noClasses')}
          children={officer ? <Link to="/homework/district">{t('menu.homework.district')}</Link> : undefined}
        />
      )}
      <QueryError error={cal.error} />
      {classId && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {officer && (
            <Typography.Text type="secondary" data-testid="class-readonly">
              {t('hwv.class.readOnly')}
            </Typography.Text>
          )}
          <ClassFigures days={data?.days ?? []} target={target} loading={cal.isLoading} />
          <LoadHeatmap days={data?.days ?? []} from={from} to={to} weeks={weeks} loading={cal.isLoading} onOpen={(date) => void navigate(`/homework/day/${classId}/${date}`)} />
          <RecentDays classId={classId} days={data?.days ?? []} target={target} loading={cal.isLoading} />
          <TrendChart days={data?.days ?? []} target={target} loading={cal.isLoading} />
          {!officer && <FrequentMistakes classId={classId} from={from || today} to={to || today} />}
        </Space>
      )}
    </>
  );
}
