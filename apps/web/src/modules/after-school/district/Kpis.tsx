/** The district's figures for the semester: participation of students and teachers, attendance, satisfaction, plans, fees. */
import type { AfterSchoolDistrictOverview } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Col, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { attendanceRate, pct, satisfaction, studentRate, TEACHER_TARGET, teacherRate } from './figures';

export function Kpis({ data, loading }: { data: AfterSchoolDistrictOverview | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const f = data?.total;
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  const teachers = f ? teacherRate(f) : null;
  const sat = f ? satisfaction(f) : null;
  const cols = { xs: 12, md: 8, xl: 4 } as const;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...cols}>
        <Figure
          testId="as-kpi-students"
          title={t('afterSchool.district.studentRate')}
          value={f ? pct(studentRate(f)) : '–'}
          loading={loading}
          note={f && t('afterSchool.district.studentNote', { served: f.studentsServed, students: f.students })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="as-kpi-teachers"
          title={t('afterSchool.district.teacherRate')}
          value={pct(teachers)}
          color={teachers === null ? undefined : teachers >= TEACHER_TARGET ? '#389e0d' : '#cf1322'}
          loading={loading}
          note={f && t('afterSchool.district.teacherNote', { serving: f.teachersServing, teachers: f.teachers })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="as-kpi-attendance"
          title={t('afterSchool.district.attendance')}
          value={f ? pct(attendanceRate(f)) : '–'}
          loading={loading}
          note={f && t('afterSchool.district.attendanceNote', { sessions: f.sessionsHeld, expected: f.attendanceExpected })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="as-kpi-satisfaction"
          title={t('afterSchool.district.satisfaction')}
          value={sat === null ? '–' : sat.toFixed(2)}
          loading={loading}
          note={f && t('afterSchool.district.satisfactionNote', { n: f.surveyAnswers })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="as-kpi-plans"
          title={t('afterSchool.district.plans')}
          value={data ? `${data.planStatus.approved ?? 0} / ${data.schools.length}` : '–'}
          loading={loading}
          note={
            data &&
            t('afterSchool.district.plansNote', { approved: data.planStatus.approved ?? 0, submitted: data.planStatus.submitted ?? 0, none: data.planStatus.none ?? 0 })
          }
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="as-kpi-fees"
          title={t('afterSchool.district.fees')}
          value={f ? yuan(f.feesPaidFen) : '–'}
          loading={loading}
          note={f && t('afterSchool.district.feesNote', { due: yuan(f.feesDueFen), waivers: yuan(f.waiversFen), refunds: yuan(f.refundsFen) })}
        />
      </Col>
    </Row>
  );
}
