/**
 * 一校一案 for the school (教务处): this semester's plan, version by version. Edit the open version with the rule check
 * beside it and submit it; an approved plan is changed by a new version copied from it. The course catalogue below.
 */
import { LinkOutlined } from '@ant-design/icons';
import { todayIn } from '@shuangjian/policy';
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { CoursesTable } from './CoursesTable';
import { PlanEditor } from './PlanEditor';
import { PlanView, STATUS_COLOR } from './PlanView';
import { semesterAt, useCourses, usePlanContext, usePlans, usePlanWrites, useSemesters } from './queries';
import './messages';

export default function SchoolPlanPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const tz = useTimeZone();
  const semesters = useSemesters();
  const [schoolId, setSchoolId] = useState<string | undefined>(me?.schools[0]?.id);
  const [picked, setPicked] = useState<string | undefined>();
  const semesterId = picked ?? semesterAt(semesters.data, todayIn(tz))?.id;
  const plans = usePlans(schoolId, semesterId);
  const context = usePlanContext(schoolId, semesterId);
  const courses = useCourses(schoolId, semesterId);
  const writes = usePlanWrites();
  const newVersion = useSaveMutation({ form: null, mutationFn: () => writes.createPlan(schoolId!, semesterId!) });
  const mayPlan = can(me, 'after-school.plan');

  const versions = plans.data ?? [];
  const open = versions.find((p) => p.status === 'draft' || p.status === 'returned' || p.status === 'submitted');
  const approved = versions.find((p) => p.status === 'approved');
  const error = plans.error ?? context.error ?? courses.error ?? semesters.error;

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.plan')}
        sub={t('afterSchool.plan.sub')}
        extra={
          <Space wrap>
            {(me?.schools.length ?? 0) > 1 && <Select style={{ width: 200 }} value={schoolId} onChange={setSchoolId} options={me!.schools.map((s) => ({ value: s.id, label: s.name }))} />}
            <Select
              style={{ width: 220 }}
              aria-label={t('afterSchool.plan.semester')}
              value={semesterId}
              onChange={setPicked}
              options={(semesters.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            {schoolId && (
              <Link to={`/public/after-school/${schoolId}`} target="_blank">
                <LinkOutlined /> {t('afterSchool.plan.public.link')}
              </Link>
            )}
          </Space>
        }
      />
      {error && <QueryError error={error} />}
      {!schoolId || !semesterId || plans.isLoading ? (
        <PageSpinner />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {versions.map((p) => (
              <Tag key={p.id} color={STATUS_COLOR[p.status]} data-testid={`version-${p.version}`}>
                {t('afterSchool.plan.version', { n: p.version })} · {t(`afterSchool.plan.status.${p.status}`)}
              </Tag>
            ))}
          </Space>
          {open && open.status !== 'submitted' && mayPlan ? (
            <PlanEditor key={open.id} plan={open} schoolId={schoolId} semesterId={semesterId} context={context.data} courses={courses.data ?? []} />
          ) : open ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('afterSchool.plan.submitted')} />
              <PlanView plan={open} courses={false} />
            </>
          ) : approved ? (
            <>
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('afterSchool.plan.inForce', { n: approved.version })}
                description={
                  mayPlan && (
                    <Space orientation="vertical">
                      <Typography.Text type="secondary">{t('afterSchool.plan.newVersionHint')}</Typography.Text>
                      <Button onClick={() => newVersion.mutate(undefined)} loading={newVersion.isPending}>
                        {t('afterSchool.plan.newVersion')}
                      </Button>
                    </Space>
                  )
                }
              />
              <PlanView plan={approved} courses={false} />
            </>
          ) : mayPlan ? (
            <PlanEditor key="first" plan={null} schoolId={schoolId} semesterId={semesterId} context={context.data} courses={courses.data ?? []} />
          ) : (
            <Alert type="info" message={t('afterSchool.plan.status.none')} />
          )}
          <CoursesTable schoolId={schoolId} semesterId={semesterId} courses={courses.data ?? []} loading={courses.isLoading} editable={mayPlan} />
        </>
      )}
    </>
  );
}
