/** The school's course catalogue for the semester, with the add/edit dialog (教务处 only). */
import { PlusOutlined } from '@ant-design/icons';
import { type Course, courseCategoryLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan, weekdayName } from '@shuangjian/policy';
import { Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { courseBody, CourseFields, courseValues } from './CourseDialog';
import { type CourseDraft, useCourseTeachers, usePlanWrites, useProviders } from './queries';
import './messages';

export function CoursesTable({ schoolId, semesterId, courses, loading, editable }: { schoolId: string; semesterId: string; courses: Course[]; loading: boolean; editable: boolean }) {
  const { t, locale } = useI18n();
  const writes = usePlanWrites();
  const teachers = useCourseTeachers(editable ? schoolId : undefined);
  const providers = useProviders();
  const dialog = useEditDialog<Course, CourseDraft>({
    save: (v, row) => writes.saveCourse(row === 'new' ? null : row.id, schoolId, semesterId, courseBody(v)),
    fill: courseValues,
    onSaved: () => undefined,
  });
  const toggle = useSaveMutation({ form: null, mutationFn: (c: Course) => writes.closeCourse(c.id, c.status === 'open' ? 'closed' : 'open') });
  return (
    <Card
      size="small"
      title={t('afterSchool.plan.courses')}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => dialog.open('new')}>
            {t('afterSchool.plan.addCourse')}
          </Button>
        )
      }
      style={{ marginTop: 16 }}
    >
      <Table<Course>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={courses}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('afterSchool.plan.course.empty')} /> }}
        columns={[
          { title: t('afterSchool.plan.course.name'), dataIndex: 'name', render: (v: string, c) => (c.status === 'closed' ? <span>{v} <Tag>{t('afterSchool.plan.course.closed')}</Tag></span> : v) },
          { title: t('afterSchool.plan.course.category'), key: 'category', render: (_, c) => <Tag color={c.category === 'homework' ? 'blue' : 'default'}>{courseCategoryLabels[c.category][locale]}</Tag> },
          { title: t('afterSchool.plan.course.grades'), key: 'grades', render: (_, c) => c.grades.join('、') },
          { title: t('afterSchool.plan.course.weekdays'), key: 'weekdays', render: (_, c) => c.weekdays.map(weekdayName).join(' ') },
          { title: t('afterSchool.plan.course.time'), key: 'time', render: (_, c) => `${c.startTime}–${c.endTime}` },
          { title: t('afterSchool.plan.course.room'), dataIndex: 'room' },
          {
            title: t('afterSchool.plan.course.staffing'),
            key: 'staffing',
            render: (_, c) =>
              c.staffing === 'provider'
                ? `${c.providerName} · ${formatYuan(c.pricePerLessonFen as Fen, { locale })}`
                : c.staffing === 'volunteer'
                  ? `${t('afterSchool.plan.course.staffing.volunteer')}：${c.volunteers.join('、')}`
                  : c.teacherNames.join('、'),
          },
          { title: t('afterSchool.plan.course.enrolled'), key: 'seats', render: (_, c) => `${c.enrolled} / ${c.capacity}` },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: Course) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => dialog.open(c)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm title={c.status === 'open' ? t('afterSchool.plan.course.close') : t('afterSchool.plan.course.reopen')} onConfirm={() => toggle.mutate(c)}>
                        <Button size="small">{c.status === 'open' ? t('afterSchool.plan.course.close') : t('afterSchool.plan.course.reopen')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<CourseDraft> {...dialog.modal} destroyOnHidden={false} forceRender name="course" title={dialog.editing === 'new' ? t('afterSchool.plan.addCourse') : t('afterSchool.plan.editCourse')} width={640}>
        <CourseFields form={dialog.form} teachers={teachers.data ?? []} providers={providers.data ?? []} />
      </FormModal>
    </Card>
  );
}
