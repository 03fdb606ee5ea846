/** 记录家访 on the phone: the pupil (from my classes), how, when, whom I met, what we spoke about, notes, a follow-up and its date. */
import {
  MET_RELATIONS,
  type TeacherProgress,
  VISIT_FOLLOW_UP_MAX,
  VISIT_MET_NAME_MAX,
  VISIT_MODES,
  VISIT_NOTES_MAX,
  VISIT_TOPIC_TEXT_MAX,
  VISIT_TOPICS,
  type Visit,
  type VisitInput,
} from '@shuangjian/contracts';
import { Button, Checkbox, Flex, Form, Input, Radio, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useClassPupils, useVisitWrites } from './queries';

type Values = {
  classId: string;
  studentId: string;
  mode: VisitInput['mode'];
  date: string;
  metRelation: VisitInput['metRelation'];
  metName: string;
  topics: VisitInput['topics'];
  topicText?: string;
  notes?: string;
  followUp?: string;
  followUpDue?: string;
};

/** What the form opens with: a class, and a pupil when it was opened from the list of pupils due (a new preset: a new form, by key). */
export interface VisitPreset {
  classId?: string;
  studentId?: string;
}

export function VisitForm({ progress, preset, onSaved, onClose }: { progress: TeacherProgress; preset: VisitPreset; onSaved(visit: Visit): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useVisitWrites();
  const classId = Form.useWatch('classId', form) ?? preset.classId ?? progress.classes[0]?.id;
  const pupils = useClassPupils(classId);
  const followUp = Form.useWatch('followUp', form);
  const date = Form.useWatch('date', form);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) =>
      writes.record({
        classId: v.classId,
        studentId: v.studentId,
        mode: v.mode,
        date: v.date,
        metRelation: v.metRelation,
        metName: v.metName,
        topics: v.topics,
        topicText: v.topicText || null,
        notes: v.notes || null,
        followUp: v.followUp || null,
        followUpDue: v.followUp ? v.followUpDue || null : null,
      }),
    saved: t('hs.visits.saved'),
    onSuccess: (visit) => {
      form.resetFields(['studentId', 'metRelation', 'metName', 'topics', 'topicText', 'notes', 'followUp', 'followUpDue']);
      onSaved(visit);
    },
  });
  return (
    <Form<Values>
      form={form}
      name="hs-visit"
      layout="vertical"
      initialValues={{ classId: preset.classId ?? progress.classes[0]?.id, studentId: preset.studentId, mode: 'home', date: progress.today, topics: [] }}
      onFinish={(v) => save.mutate(v)}
      data-testid="visit-form"
    >
      <Form.Item name="classId" label={t('hs.visits.class')} rules={[{ required: true }]} hidden={progress.classes.length < 2}>
        <Select
          options={progress.classes.map((c) => ({ value: c.id, label: c.name }))}
          onChange={() => form.setFieldValue('studentId', undefined)}
          size="large"
          data-testid="visit-class"
        />
      </Form.Item>
      <Form.Item name="studentId" label={t('hs.visits.pupil')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('hs.visits.pupilHint')}
          loading={pupils.isLoading}
          options={(pupils.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} ${s.studentNo}` }))}
          size="large"
          data-testid="visit-pupil"
        />
      </Form.Item>
      <Form.Item name="mode" label={t('hs.visits.modeLabel')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" size="large" options={VISIT_MODES.map((m) => ({ value: m, label: t(`hs.visits.mode.${m}`) }))} data-testid="visit-mode" />
      </Form.Item>
      <Form.Item name="date" label={t('hs.visits.date')} rules={[{ required: true }]}>
        <Input type="date" max={progress.today} size="large" data-testid="visit-date" />
      </Form.Item>
      <Form.Item name="metRelation" label={t('hs.visits.met')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={MET_RELATIONS.map((r) => ({ value: r, label: t(`hs.visits.rel.${r}`) }))} data-testid="visit-met" />
      </Form.Item>
      <Form.Item name="metName" label={t('hs.visits.metName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={VISIT_MET_NAME_MAX} placeholder={t('hs.visits.metNameHint')} size="large" data-testid="visit-met-name" />
      </Form.Item>
      <Form.Item name="topics" label={t('hs.visits.topics')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={VISIT_TOPICS.map((x) => ({ value: x, label: t(`hs.visits.topic.${x}`) }))} data-testid="visit-topics" />
      </Form.Item>
      <Form.Item name="topicText" label={t('hs.visits.topicText')}>
        <Input maxLength={VISIT_TOPIC_TEXT_MAX} />
      </Form.Item>
      <Form.Item name="notes" label={t('hs.visits.notes')}>
        <Input.TextArea rows={3} maxLength={VISIT_NOTES_MAX} placeholder={t('hs.visits.notesHint')} data-testid="visit-notes" />
      </Form.Item>
      <Form.Item name="followUp" label={t('hs.visits.followUp')}>
        <Input.TextArea rows={2} maxLength={VISIT_FOLLOW_UP_MAX} placeholder={t('hs.visits.followUpHint')} data-testid="visit-follow-up" />
      </Form.Item>
      {!!followUp?.trim() && (
        <Form.Item name="followUpDue" label={t('hs.visits.followUpDue')} rules={[{ required: true, message: t('hs.visits.followUpDueNeeded') }]}>
          <Input type="date" min={date} size="large" data-testid="visit-follow-up-due" />
        </Form.Item>
      )}
      <Flex gap={8}>
        <Button type="primary" size="large" htmlType="submit" loading={save.isPending} style={{ flex: 1 }} data-testid="visit-submit">
          {t('hs.visits.submit')}
        </Button>
        <Button size="large" onClick={onClose}>
          {t('hs.visits.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
