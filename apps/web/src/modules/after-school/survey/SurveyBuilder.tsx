/** The questionnaire builder (drawer): title, whom it reaches, open days, and the questions with their kinds and options. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SURVEY_QUESTIONS_MAX, type Survey, SURVEY_QUESTION_KINDS, surveyQuestionKindLabels } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import { Button, Card, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSemesters } from '../../calendar/queries';
import { useSchools } from '../../org/queries';
import { useCourses } from '../plan/queries';
import { type SurveyDraft, useSurveyWrites } from './queries';

interface QuestionForm {
  kind: SurveyDraft['questions'][number]['kind'];
  text: string;
  options?: string;
  required: boolean;
  satisfaction: boolean;
}
interface FormValues {
  title: string;
  intro?: string;
  schoolIds: string[];
  grades: number[];
  courseIds: string[];
  dates: [Dayjs, Dayjs];
  questions: QuestionForm[];
}

const STARTER: QuestionForm[] = [
  { kind: 'rating', text: '您对本学期课后服务的总体满意度', required: true, satisfaction: true },
  { kind: 'single', text: '孩子每天参加课后服务的时长是否合适', options: '合适\n偏长\n偏短', required: true, satisfaction: false },
  { kind: 'text', text: '您对课后服务的其他意见和建议', required: false, satisfaction: false },
];

export function SurveyBuilder({ survey, onClose }: { survey: Survey | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const [form] = Form.useForm<FormValues>();
  const writes = useSurveyWrites();
  const isDistrict = hasRole(me, 'district_admin');
  const schools = useSchools(isDistrict);
  const ownSchool = survey ? survey.schoolId : isDistrict ? null : (me?.schools[0]?.id ?? null);
  // courses can be picked once the survey is about one school: its catalogue of the semester in force
  const chosen = Form.useWatch('schoolIds', form) as string[] | undefined;
  const courseSchool = ownSchool ?? (chosen?.length === 1 ? chosen[0] : undefined);
  const today = todayIn(useTimeZone() ?? DEFAULT_TIME_ZONE);
  const semester = useSemesters().data?.find((x) => x.startDate <= today && today <= x.endDate);
  const courses = useCourses(courseSchool, semester?.id);
  const save = useSaveMutation({
    form,
    mutationFn: (v: FormValues) =>
      writes.save(survey?.id ?? null, {
        title: v.title,
        intro: v.intro ?? null,
        schoolId: ownSchool,
        audience: { schoolIds: ownSchool ? [] : (v.schoolIds ?? []), grades: v.grades ?? [], courseIds: courseSchool ? (v.courseIds ?? []) : [] },
        opensOn: v.dates[0].format('YYYY-MM-DD'),
        closesOn: v.dates[1].format('YYYY-MM-DD'),
        questions: v.questions.map((q) => ({
          kind: q.kind,
          text: q.text,
          options: q.kind === 'single' || q.kind === 'multiple' ? (q.options ?? '').split('\n').map((o) => o.trim()).filter(Boolean) : [],
          required: q.required,
          satisfaction: q.kind === 'rating' && q.satisfaction,
        })),
      }),
    onSuccess: onClose,
  });
  const initial: Partial<FormValues> = survey
    ? {
        title: survey.title,
        intro: survey.intro ?? undefined,
        schoolIds: survey.audience.schoolIds,
        grades: survey.audience.grades,
        courseIds: survey.audience.courseIds,
        dates: [dayjs(survey.opensOn), dayjs(survey.closesOn)],
        questions: survey.questions.map((q) => ({ ...q, options: q.options.join('\n') })),
      }
    : { schoolIds: [], grades: [], courseIds: [], dates: [dayjs(), dayjs().add(7, 'day')], questions: STARTER };

  return (
    <Drawer
      open
      width={Math.min(720, window.innerWidth)}
      title={survey ? t('afterSchool.survey.edit') : t('afterSchool.survey.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('afterSchool.survey.title')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="intro" label={t('afterSchool.survey.intro')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {!ownSchool && (
          <Form.Item name="schoolIds" label={t('afterSchool.survey.schools')} extra={t('afterSchool.survey.allSchools')}>
            <Select mode="multiple" allowClear options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))} optionFilterProp="label" />
          </Form.Item>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="grades" label={t('afterSchool.survey.grades')} extra={t('afterSchool.survey.allGrades')} style={{ minWidth: 260, flex: 1 }}>
            <Select mode="multiple" allowClear options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: t('afterSchool.survey.grade', { n }) }))} />
          </Form.Item>
          <Form.Item name="dates" label={t('afterSchool.survey.dates')} rules={[{ required: true }]} style={{ minWidth: 260, flex: 1 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {courseSchool && (
          <Form.Item name="courseIds" label={t('afterSchool.survey.courses')} extra={t('afterSchool.survey.coursesHelp')}>
            <Select mode="multiple" allowClear optionFilterProp="label" options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`${i + 1}.`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />}
                >
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'kind']} label={t('afterSchool.survey.kind')} rules={[{ required: true }]} style={{ width: 140 }}>
                      <Select options={SURVEY_QUESTION_KINDS.map((k) => ({ value: k, label: surveyQuestionKindLabels[k][locale] }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']} label={t('afterSchool.survey.questionText')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 220 }}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Flex>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['questions', f.name, 'kind']) as QuestionForm['kind'];
                      return (
                        <>
                          {(kind === 'single' || kind === 'multiple') && (
                            <Form.Item name={[f.name, 'options']} label={t('afterSchool.survey.options')} rules={[{ required: true }]}>
                              <Input.TextArea rows={3} />
                            </Form.Item>
                          )}
                          <Space size={16}>
                            <Form.Item name={[f.name, 'required']} valuePropName="checked" noStyle>
                              <Checkbox>{t('afterSchool.survey.required')}</Checkbox>
                            </Form.Item>
                            {kind === 'rating' && (
                              <Form.Item name={[f.name, 'satisfaction']} valuePropName="checked" noStyle>
                                <Checkbox title={t('afterSchool.survey.satisfactionHelp')}>{t('afterSchool.survey.satisfaction')}</Checkbox>
                              </Form.Item>
                            )}
                          </Space>
                        </>
                      );
                    }}
                  </Form.Item>
                </Card>
              ))}
              <Button
                block
                icon={<PlusOutlined />}
                disabled={fields.length >= SURVEY_QUESTIONS_MAX}
                onClick={() => add({ kind: 'single', text: '', options: '', required: true, satisfaction: false })}
              >
                {t('afterSchool.survey.addQuestion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
