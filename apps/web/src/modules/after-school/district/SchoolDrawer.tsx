/** One school's after-school courses for the semester: seats, waiting list, sessions held and attendance. */
import type { AfterSchoolCourseRow } from '@shuangjian/contracts';
import { courseCategoryLabels } from '@shuangjian/contracts';
import { Descriptions, Drawer, Empty, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { attendanceRate, pct, studentRate, teacherRate } from './figures';
import { useSchoolDetail } from './queries';
import { PlanTag } from './SchoolsTable';

export function SchoolDrawer({ schoolId, semesterId, onClose }: { schoolId: string | null; semesterId: string | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const detail = useSchoolDetail(schoolId, semesterId);
  const d = detail.data;
  return (
    <Drawer open={!!schoolId} onClose={onClose} width={Math.min(860, window.innerWidth)} title={d?.school.schoolName ?? ''} destroyOnHidden>
      {detail.error && <QueryError error={detail.error} />}
      {d && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('afterSchool.district.zone')}>{d.school.zoneName}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.district.plan')}>
              <PlanTag status={d.school.planStatus} />
            </Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.district.studentRate')}>
              {pct(studentRate(d.school))} ({d.school.studentsServed}/{d.school.students})
            </Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.district.teacherRate')}>
              {pct(teacherRate(d.school))} ({d.school.teachersServing}/{d.school.teachers})
            </Descriptions.Item>
          </Descriptions>
          <Table<AfterSchoolCourseRow>
            rowKey="courseId"
            size="small"
            dataSource={d.courses}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty description={t('afterSchool.district.noCourses')} /> }}
            columns={[
              { title: t('afterSchool.district.courseName'), dataIndex: 'name' },
              { title: t('afterSchool.district.category'), dataIndex: 'category', render: (c: AfterSchoolCourseRow['category']) => <Tag>{courseCategoryLabels[c][locale]}</Tag> },
              {
                title: t('afterSchool.district.staffing'),
                key: 'staffing',
                render: (_, c) => c.providerName ?? t(`afterSchool.district.staffing.${c.staffing}`),
              },
              { title: t('afterSchool.district.seats'), key: 'seats', render: (_, c) => `${c.enrolled}/${c.capacity}` },
              { title: t('afterSchool.district.waitlisted'), dataIndex: 'waitlisted' },
              { title: t('afterSchool.district.sessions'), dataIndex: 'sessionsHeld' },
              { title: t('afterSchool.district.attendance'), key: 'att', render: (_, c) => pct(attendanceRate(c)) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
