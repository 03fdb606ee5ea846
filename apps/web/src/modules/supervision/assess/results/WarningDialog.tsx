/**
 * 发警示通报: a warning to a school on the yellow or black list, its title and body drawn from the school's result (total,
 * rank, the line it fell under, its weakest indicators), a reply required by the due date; sent through the notices API.
 */
import { type AssessIndicator, type AssessSchoolResult, NOTICE_BODY_MAX, NOTICE_TITLE_MAX, type SupervisionAssessment } from '@shuangjian/contracts';
import { addDays, todayIn } from '@shuangjian/policy';
import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useAssessWrites } from '../../queries-assess';
import { pct, score } from '../common/Tags';

interface WarningForm {
  title: string;
  body: string;
  replyDue: dayjs.Dayjs;
}

/** Days a school has to reply, unless the district picks another date. */
const REPLY_DAYS = 14;

export function WarningDialog({
  assessment: a,
  indicators,
  school,
  schoolCount,
  onClose,
}: {
  assessment: SupervisionAssessment;
  indicators: AssessIndicator[];
  school: AssessSchoolResult | null;
  schoolCount: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const [form] = Form.useForm<WarningForm>();
  const writes = useAssessWrites();
  const save = useSaveMutation({
    form,
    saved: t('sv.assess.warn.sent'),
    mutationFn: (v: WarningForm) =>
      writes.warn({
        kind: 'warning',
        title: v.title,
        body: v.body,
        roles: ['school_admin'],
        schoolIds: [school!.schoolId],
        zoneIds: [],
        replyRequired: true,
        replyDue: v.replyDue.format('YYYY-MM-DD'),
        assessmentId: a.id,
      }),
    onSuccess: onClose,
  });
  useEffect(() => {
    if (!school || !school.list) return;
    const list = t(`sv.assess.list.${school.list}`);
    const weak = indicators
      .map((i) => ({ i, d: school.detail[i.id] }))
      .filter((x) => x.d?.score !== null && x.d?.score !== undefined)
      .sort((x, y) => x.d!.score! - y.d!.score!)
      .slice(0, 3)
      .map(({ i, d }) => t('sv.assess.warn.weakLine', { name: i.name, score: score(d!.score), figure: i.kind === 'metric' ? `（${pct(d!.rate)}）` : '' }))
      .join('\n');
    const line = school.list === 'black' ? t('sv.assess.warn.lineBlack', { n: a.blackBelow }) : t('sv.assess.warn.lineYellow', { n: a.yellowBelow });
    form.setFieldsValue({
      title: t('sv.assess.warn.titleText', { school: school.schoolName, assessment: a.name, list }).slice(0, NOTICE_TITLE_MAX),
      body: t('sv.assess.warn.bodyText', {
        school: school.schoolName,
        assessment: a.name,
        from: a.periodFrom,
        to: a.periodTo,
        total: score(school.total),
        rank: school.rank ?? '—',
        n: schoolCount,
        line,
        list,
        weak: weak || '—',
      }),
      replyDue: dayjs(addDays(todayIn(tz), REPLY_DAYS)),
    });
  }, [school, a, indicators, schoolCount, form, t, tz]);
  const today = todayIn(tz);
  return (
    <FormModal<WarningForm>
      open={!!school}
      onCancel={onClose}
      form={form}
      name="warning"
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      forceRender
      destroyOnHidden={false}
      width={640}
      title={t('sv.assess.warn.dialog', { school: school?.schoolName ?? '' })}
      okText={t('sv.assess.warn.send')}
    >
      <Form.Item name="title" label={t('sv.assess.warn.title')} rules={[{ required: true, whitespace: true, message: t('sv.assess.f.required') }]}>
        <Input maxLength={NOTICE_TITLE_MAX} data-testid="warning-title" />
      </Form.Item>
      <Form.Item name="body" label={t('sv.assess.warn.body')} rules={[{ required: true, whitespace: true, message: t('sv.assess.f.required') }]}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} maxLength={NOTICE_BODY_MAX} data-testid="warning-body" />
      </Form.Item>
      <Form.Item name="replyDue" label={t('sv.assess.warn.replyDue')} extra={t('sv.assess.warn.replyHint')} rules={[{ required: true, message: t('sv.assess.f.required') }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="warning-due" />
      </Form.Item>
    </FormModal>
  );
}
