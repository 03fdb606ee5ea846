/** A plan version read-only: times, staffing, fees, safety and pick-up, the stored check and the catalogue it covered. */
import { courseCategoryLabels, type Plan } from '@shuangjian/contracts';
import { type Fen, formatYuan, weekdayName } from '@shuangjian/policy';
import { Descriptions, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CheckPanel } from './CheckPanel';
import './messages';

export const STATUS_COLOR = { none: 'default', draft: 'default', submitted: 'orange', returned: 'red', approved: 'green', superseded: 'default' } as const;

/** `courses`: show the catalogue as the version covered it (the school's own page shows the live catalogue instead). */
export function PlanView({ plan, courses = true }: { plan: Plan; courses?: boolean }) {
  const { t, locale } = useI18n();
  const b = plan.body;
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('afterSchool.plan.status')}>
          <Tag color={STATUS_COLOR[plan.status]}>{t(`afterSchool.plan.status.${plan.status}`)}</Tag> {t('afterSchool.plan.version', { n: plan.version })}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.weekdays')}>{b.weekdays.map(weekdayName).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.periods')}>
          {b.periods.map((p) => `${p.start}–${p.end} ${t(`afterSchool.plan.period.${p.kind}`)}`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.staffing')}>
          {t('afterSchool.plan.ownTeachers')} {b.staffing.ownTeachers}/{b.staffing.totalTeachers}；{t('afterSchool.plan.volunteers')} {b.staffing.volunteers}；
          {t('afterSchool.plan.providers')} {b.staffing.providers}
          {b.staffing.note ? `；${b.staffing.note}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.fees')}>
          {t('afterSchool.plan.public.feeLine', { fee: yuan(b.fees.serviceFeeFen), mode: t(`afterSchool.plan.feeMode.${b.fees.mode}`) })}
          {b.fees.passThroughNote ? `；${b.fees.passThroughNote}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.safety')}>{b.safetyPlan}</Descriptions.Item>
        <Descriptions.Item label={t('afterSchool.plan.pickup')}>{b.pickupPlan}</Descriptions.Item>
        {b.principles && <Descriptions.Item label={t('afterSchool.plan.principles')}>{b.principles}</Descriptions.Item>}
        {plan.reviewNote && (
          <Descriptions.Item label={t('afterSchool.plan.review.noteShown')}>{plan.reviewNote}</Descriptions.Item>
        )}
      </Descriptions>
      {plan.check && <CheckPanel check={plan.check} />}
      {courses && plan.courses.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          style={{ marginTop: 16 }}
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={plan.courses}
          columns={[
            { title: t('afterSchool.plan.course.name'), dataIndex: 'name' },
            { title: t('afterSchool.plan.course.category'), key: 'c', render: (_, c) => courseCategoryLabels[c.category][locale] },
            { title: t('afterSchool.plan.course.grades'), key: 'g', render: (_, c) => c.grades.join('、') },
            { title: t('afterSchool.plan.course.time'), key: 't', render: (_, c) => `${c.weekdays.map(weekdayName).join(' ')} ${c.startTime}–${c.endTime}` },
            { title: t('afterSchool.plan.course.capacity'), dataIndex: 'capacity' },
            {
              title: t('afterSchool.plan.course.staffing'),
              key: 's',
              render: (_, c) => (c.staffing === 'provider' ? `${c.providerName} · ${yuan(c.pricePerLessonFen)}` : t(`afterSchool.plan.course.staffing.${c.staffing}`)),
            },
          ]}
        />
      )}
    </>
  );
}
