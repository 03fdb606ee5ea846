/**
 * 假期作业 (teachers, class teachers, academic affairs): each vacation day, who in the class handed in and the feedback
 * (天天交、天天清); and the grade's excellent-work list after the vacation (寒暑假作业优秀学生名单).
 */
import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { districtToday } from '../components/model';
import { useVisibleClasses } from '../marking/queries';
import { ClassDayTab } from './ClassDayTab';
import { ExcellentTab } from './ExcellentTab';

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

export default function VacationPage() {
  const tz = useTimeZone();
  const { t } = useI18n();
  const today = districtToday(tz);
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }), { replace: true });
  const classes = useVisibleClasses();
  const list = classes.data ?? [];
  const cls = list.find((c) => c.id === params.get('classId')) ?? list[0];
  const date = isDate(params.get('date')) ? params.get('date')! : today;
  const tab = params.get('tab') === 'excellent' ? 'excellent' : 'day';
  const schoolClasses = list.filter((c) => c.schoolId === cls?.schoolId);
  const grades = [...new Set(schoolClasses.map((c) => c.grade))].sort((a, b) => a - b);
  const grade = grades.find((g) => String(g) === params.get('grade')) ?? cls?.grade;
  return (
    <>
      <PageHeader
        title={t('menu.homework.vacation')}
        sub={t('hwm.vacation.sub')}
        extra={
          <Select
            showSearch
            optionFilterProp="label"
            value={cls?.id}
            loading={classes.isLoading}
            style={{ minWidth: 220 }}
            aria-label={t('hw.field.class')}
            data-testid="vacation-class"
            options={list.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }))}
            onChange={(v: string) => set({ classId: v })}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'day', label: t('hwm.vacation.tab.day'), children: <ClassDayTab classId={cls?.id} date={date} onDate={(d) => set({ date: d })} /> },
          {
            key: 'excellent',
            label: t('hwm.vacation.tab.excellent'),
            children: <ExcellentTab schoolId={cls?.schoolId} grades={grades} grade={grade} date={date} onGrade={(g) => set({ grade: String(g) })} onDate={(d) => set({ date: d })} />,
          },
        ]}
      />
    </>
  );
}
