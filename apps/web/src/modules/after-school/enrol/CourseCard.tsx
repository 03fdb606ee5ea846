/** One course on the parent's phone: when it meets, seats left or the waiting line, and the child's place or the button to choose. */
import { type ChildCourse, type ChildEnrolView, courseCategoryLabels } from '@shuangjian/contracts';
import { formatYuan, fen } from '@shuangjian/policy';
import { Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { slotText } from './format';
import { useEnrolWrites } from './queries';

export function StatusTag({ course }: { course: ChildCourse }) {
  const { t } = useI18n();
  if (course.status === 'enrolled') return <Tag color="success">{t('afterSchool.enrol.status.enrolled')}</Tag>;
  if (course.status === 'waitlisted') return <Tag color="warning">{t('afterSchool.enrol.status.waitlisted', { n: course.waitPosition ?? '' })}</Tag>;
  if (course.status === 'requested') return <Tag color="processing">{t('afterSchool.enrol.status.requested')}</Tag>;
  return null;
}

export function CourseCard({ course, view }: { course: ChildCourse; view: ChildEnrolView }) {
  const { t, locale } = useI18n();
  const writes = useEnrolWrites();
  const studentId = view.student.id;
  const choose = useSaveMutation({
    form: null,
    mutationFn: () => writes.choose(studentId, course.id),
    saved: (r) => t(`afterSchool.enrol.chosen.${r.status === 'waitlisted' ? 'waitlisted' : r.status === 'requested' ? 'requested' : 'enrolled'}`, { name: course.name, n: r.waitPosition ?? '' }),
  });
  const withdraw = useSaveMutation({ form: null, mutationFn: () => writes.withdraw(studentId, course.id), saved: t('afterSchool.enrol.withdrawn') });
  const open = view.window?.state === 'open';
  const signed = view.agreement.signed && !view.agreement.outdated;
  const lottery = view.window?.mode === 'lottery';
  const full = course.seatsLeft === 0;
  return (
    <Card size="small" data-testid="course-card" data-course={course.name} styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {course.name}
          </Typography.Text>{' '}
          <Tag>{courseCategoryLabels[course.category][locale]}</Tag>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {slotText(t, course)}
            {course.room ? ` · ${course.room}` : ''}
          </Typography.Text>
          {course.providerName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {t('afterSchool.enrol.perLesson', { provider: course.providerName, price: formatYuan(fen(course.pricePerLessonFen), { locale }) })}
            </Typography.Text>
          )}
        </div>
        <StatusTag course={course} />
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }} gap={8}>
        <Typography.Text type={full ? 'warning' : 'success'} data-testid="course-seats">
          {full ? t('afterSchool.enrol.full', { n: course.waiting }) : t('afterSchool.enrol.seatsLeft', { n: course.seatsLeft })}
        </Typography.Text>
        {course.status ? (
          <Popconfirm title={t('afterSchool.enrol.withdraw.confirm', { name: course.name })} onConfirm={() => withdraw.mutate(undefined)}>
            <Button size="large" loading={withdraw.isPending} data-testid="course-withdraw">
              {t('afterSchool.enrol.withdraw')}
            </Button>
          </Popconfirm>
        ) : (
          open && (
            <Button
              type={full && !lottery ? 'default' : 'primary'}
              size="large"
              disabled={!signed}
              title={signed ? undefined : t('afterSchool.enrol.signFirst')}
              loading={choose.isPending}
              onClick={() => choose.mutate(undefined)}
              data-testid="course-choose"
            >
              {lottery ? t('afterSchool.enrol.request') : full ? t('afterSchool.enrol.join') : t('afterSchool.enrol.choose')}
            </Button>
          )
        )}
      </Flex>
    </Card>
  );
}
