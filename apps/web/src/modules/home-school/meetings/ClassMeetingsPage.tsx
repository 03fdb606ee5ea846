/**
 * 家长会 of a class for its class teacher (a school's administrator picks the class): this semester's meetings against
 * the rule in force (cited), scheduling one (the parents are notified), recording one held with its minutes and each
 * family's attendance, and the weekly online parent lecture (家长教育大讲堂).
 */
import './messages';
import { Empty, Flex, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { hasRole, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useClasses } from '../../org/queries';
import { ClassLecturesCard } from './ClassLecturesCard';
import { MeetingList } from './MeetingList';
import { MeetingRuleCard } from './MeetingRuleCard';
import { useClassMeetings } from './queries';

/** The classes this user may run meetings for: their own as class teacher, and every class of a school they administer. */
function useMeetingClasses(schoolId: string | undefined) {
  const { data: me } = useMe();
  const admin = hasRole(me, 'school_admin');
  const schoolClasses = useClasses(admin ? schoolId : undefined);
  return useMemo(() => {
    const own = (me?.classes ?? []).filter((c) => c.roles.includes('class_teacher')).map((c) => ({ value: c.id, label: `${c.schoolName} ${c.className}` }));
    const more = (schoolClasses.data ?? []).filter((c) => !own.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }));
    return { options: [...own, ...more], loading: schoolClasses.isLoading };
  }, [me, schoolClasses.data, schoolClasses.isLoading]);
}

export default function ClassMeetingsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const adminSchools = hasRole(me, 'school_admin') ? (me?.schools ?? []) : [];
  const schoolId = params.get('school') ?? adminSchools[0]?.id;
  const { options, loading } = useMeetingClasses(schoolId);
  const classId = options.find((o) => o.value === params.get('class'))?.value ?? options[0]?.value;
  const q = useClassMeetings(classId);
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        if (key === 'school') next.delete('class');
        return next;
      },
      { replace: true },
    );
  const d = q.data;
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="hs-meetings">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.homeSchool.meetings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('hs.meetings.sub')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {adminSchools.length > 1 && (
          <Select style={{ minWidth: 200, flex: 1 }} value={schoolId} onChange={(v) => set('school', v)} options={adminSchools.map((s) => ({ value: s.id, label: s.name }))} data-testid="hs-meetings-school" />
        )}
        {options.length > 1 && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200, flex: 1 }}
            value={classId}
            placeholder={t('hs.meetings.pickClass')}
            onChange={(v) => set('class', v)}
            options={options}
            aria-label={t('hs.meetings.class')}
            data-testid="hs-meetings-class"
          />
        )}
      </Flex>
      {!loading && !options.length && <Empty description={t('hs.meetings.noClass')} />}
      {q.error && <QueryError error={q.error} />}
      {(q.isLoading || loading) && <PageSpinner />}
      {d && (
        <Flex vertical gap={12}>
          <MeetingRuleCard data={d} />
          <MeetingList data={d} />
          <ClassLecturesCard data={d} />
        </Flex>
      )}
    </div>
  );
}
