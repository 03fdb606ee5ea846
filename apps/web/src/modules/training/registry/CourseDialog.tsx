/**
 * Filing a course (mounted per course being edited, so its form starts from that course): the form checks it live against the district's rules (price cap of its class-size band, lesson
 * length; the rules area's check endpoint) and shows each finding with its rule and policy version; a refusal from the
 * server shows the same findings.
 */
import { LESSON_MODES, lessonModeLabels, type RegistryCourse, SUBJECT_SUBTYPES, TRAINING_SUBTYPES, trainingSubtypeLabels, type TrainingRuleCheck, type TrainingRuleFinding } from '@shuangjian/contracts';
import { type Fen, formatYuan, parseYuan, yuanTextProblemText } from '@shuangjian/policy';
import { Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { RuleFindings } from '../components/RuleFindings';
import { checkCourseNow, useRegistryWrites } from './queries';

interface Values {
  name: string;
  subtype: RegistryCourse['subtype'];
  mode: RegistryCourse['mode'];
  lessonMinutes: number;
  maxClassSize: number;
  price: string;
  gradeRange: string | null;
  description: string | null;
}

export function CourseDialog({ institutionId, subjectAllowed, course, onClose }: { institutionId: string; subjectAllowed: boolean; course: RegistryCourse | 'new'; onClose: () => void }) {
  const { t, locale } = useI18n();
  const writes = useRegistryWrites();
  const [form] = Form.useForm<Values>();
  const [check, setCheck] = useState<TrainingRuleCheck | null>(null);
  const watched = Form.useWatch([], form);

  const initialValues: Partial<Values> =
    course === 'new' ? { subtype: subjectAllowed ? 'maths' : 'arts', mode: 'offline', lessonMinutes: 45, maxClassSize: 10 } : { ...course, price: formatYuan(course.pricePerLessonFen as Fen, { locale: 'zh-CN', symbol: false }) };

  // the live check, a moment after the last keystroke
  useEffect(() => {
    const v = watched as Partial<Values> | undefined;
    const price = parseYuan(v?.price ?? '');
    if (!v?.subtype || !v.mode || !v.lessonMinutes || !v.maxClassSize || !price.ok) return;
    let live = true;
    const timer = setTimeout(() => {
      const category = SUBJECT_SUBTYPES.includes(v.subtype!) ? 'subject' : 'non_subject';
      checkCourseNow({ category, mode: v.mode!, lessonMinutes: v.lessonMinutes!, maxClassSize: v.maxClassSize!, pricePerLessonFen: price.value })
        .then((c) => live && setCheck(c))
        .catch(() => live && setCheck(null));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [watched]);

  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => {
      const price = parseYuan(v.price);
      const body = { name: v.name, subtype: v.subtype, mode: v.mode, lessonMinutes: v.lessonMinutes, maxClassSize: v.maxClassSize, pricePerLessonFen: price.ok ? price.value : 0, gradeRange: v.gradeRange || null, description: v.description || null };
      return course === 'new' ? writes.saveCourse(null, { ...body, institutionId }) : writes.saveCourse(course.id, body);
    },
    onSuccess: onClose,
  });
  // a refusal from the server shows its findings (the rule and policy version it cites) in place of the live check
  const e = save.error;
  const refused = e instanceof ApiError && e.status === 422 ? ((e.details as { findings?: TrainingRuleFinding[] } | undefined)?.findings ?? []).filter((f) => f.severity === 'error') : null;

  const findings = refused ?? check?.findings ?? [];
  return (
    <Modal open title={t('training.reg.tab.courses')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={640} destroyOnHidden>
      <Form<Values> form={form} name="course" layout="vertical" initialValues={initialValues} onValuesChange={() => save.error && save.reset()} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('training.reg.course.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="subtype" label={t('training.reg.course.subtype')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={TRAINING_SUBTYPES.filter((s) => subjectAllowed || !SUBJECT_SUBTYPES.includes(s)).map((s) => ({ value: s, label: trainingSubtypeLabels[s][locale] }))}
            />
          </Form.Item>
          <Form.Item name="mode" label={t('training.reg.course.mode')} rules={[{ required: true }]}>
            <Select style={{ width: 100 }} options={LESSON_MODES.map((m) => ({ value: m, label: lessonModeLabels[m][locale] }))} />
          </Form.Item>
          <Form.Item name="lessonMinutes" label={t('training.reg.course.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} precision={0} />
          </Form.Item>
          <Form.Item name="maxClassSize" label={t('training.reg.course.size')} rules={[{ required: true }]}>
            <InputNumber min={1} max={200} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="price"
            label={t('training.reg.course.price')}
            rules={[{ validator: async (_, v: string) => { const p = parseYuan(v ?? ''); if (!p.ok) throw new Error(yuanTextProblemText[p.problem][locale]); } }]}
          >
            <Input style={{ width: 140 }} data-testid="course-price" />
          </Form.Item>
          <Form.Item name="gradeRange" label={t('training.reg.course.grades')} rules={[{ max: 60 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('training.reg.course.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <Typography.Text strong>{t('training.reg.course.check')}</Typography.Text>
      <div style={{ marginTop: 8 }} data-testid="course-check">
        {check || refused ? <RuleFindings findings={findings} showOk /> : <Typography.Text type="secondary">{t('training.reg.course.checking')}</Typography.Text>}
      </div>
    </Modal>
  );
}
