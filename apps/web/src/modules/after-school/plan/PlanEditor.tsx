/** The open version of a school's plan (or the first one): edit, save the draft, submit it for the district's review. */
import type { Course, Plan, PlanContext, ServicePlan } from '@shuangjian/contracts';
import { Alert, Button, Form, Popconfirm, Space } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { livePlanCheck } from './CheckPanel';
import { PlanForm, type PlanFormValues, toBody, toFormValues } from './PlanForm';
import { usePlanWrites } from './queries';
import './messages';

/** A first plan's blanks: the national "5+2" times, homework help first. */
export const BLANK_PLAN: ServicePlan = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '15:40', end: '16:40', kind: 'homework' },
    { start: '16:50', end: '17:50', kind: 'club' },
  ],
  staffing: { ownTeachers: 0, totalTeachers: 0, volunteers: 0, providers: 0, note: null },
  fees: { mode: 'monthly', serviceFeeFen: 0 as ServicePlan['fees']['serviceFeeFen'], passThroughNote: null },
  safetyPlan: '',
  pickupPlan: '',
  principles: '家长自愿参加，签订服务协议。',
};

export function PlanEditor({ plan, schoolId, semesterId, context, courses }: { plan: Plan | null; schoolId: string; semesterId: string; context: PlanContext | undefined; courses: Course[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanFormValues>();
  const writes = usePlanWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (values: PlanFormValues) => (plan ? writes.editPlan(plan.id, toBody(values)) : writes.createPlan(schoolId, semesterId, toBody(values))),
  });
  const submit = useSaveMutation({
    form,
    saved: t('afterSchool.plan.submitted'),
    mutationFn: async (values: PlanFormValues) => {
      const saved = plan ? await writes.editPlan(plan.id, toBody(values)) : await writes.createPlan(schoolId, semesterId, toBody(values));
      return writes.submitPlan(saved.id);
    },
  });
  const values = Form.useWatch([], form) as PlanFormValues | undefined;
  const check = context && values?.periods ? livePlanCheck({ weekdays: values.weekdays ?? [], periods: values.periods.filter(Boolean) }, context, courses) : null;
  const submitWhenValid = async () => {
    const v = await form.validateFields();
    submit.mutate(v);
  };
  return (
    <>
      {plan?.status === 'returned' && plan.reviewNote && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('afterSchool.plan.returnedBy', { reason: plan.reviewNote })} />}
      <PlanForm form={form} context={context} courses={courses} initial={toFormValues(plan?.body ?? BLANK_PLAN)} onFinish={(v) => save.mutate(v)} />
      <Space>
        <Button onClick={() => form.submit()} loading={save.isPending}>
          {t('afterSchool.plan.save')}
        </Button>
        <Popconfirm title={t('afterSchool.plan.submitConfirm')} onConfirm={() => void submitWhenValid().catch(() => undefined)} disabled={check ? !check.ok : false}>
          <Button type="primary" loading={submit.isPending} disabled={check ? !check.ok : false}>
            {t('afterSchool.plan.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </>
  );
}
