/** A family's answer sheet on the phone: one card per question, large targets, the required ones marked. */
import type { FamilySurvey, SurveyAnswerValue } from '@shuangjian/contracts';
import { Button, Card, Checkbox, Flex, Form, Input, Radio, Rate, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSurveyWrites } from './queries';

type Values = { answers: { choice?: number; choices?: number[]; rating?: number; text?: string }[] };

export function AnswerForm({ survey, onDone }: { survey: FamilySurvey; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useSurveyWrites();
  const submit = useSaveMutation({
    form,
    saved: t('afterSchool.survey.family.thanks'),
    mutationFn: (v: Values) =>
      writes.answer(
        survey.surveyId,
        survey.studentId,
        survey.questions.map((q, i): SurveyAnswerValue => {
          const a = v.answers?.[i] ?? {};
          if (q.kind === 'single') return a.choice === undefined ? {} : { choice: a.choice };
          if (q.kind === 'multiple') return a.choices?.length ? { choices: a.choices } : {};
          if (q.kind === 'rating') return a.rating ? { rating: a.rating } : {};
          return a.text?.trim() ? { text: a.text.trim() } : {};
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {survey.title}
      </Typography.Title>
      {survey.intro && <Typography.Paragraph type="secondary">{survey.intro}</Typography.Paragraph>}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Flex vertical gap={12}>
          {survey.questions.map((q, i) => (
            <Card key={i} size="small" data-testid="question">
              <Form.Item
                name={['answers', i, q.kind === 'single' ? 'choice' : q.kind === 'multiple' ? 'choices' : q.kind === 'rating' ? 'rating' : 'text']}
                label={`${i + 1}. ${q.text}${q.required ? '' : t('afterSchool.survey.family.optional')}`}
                rules={q.required ? [{ required: true, message: t('afterSchool.survey.family.needed') }] : []}
                style={{ marginBottom: 0 }}
              >
                {q.kind === 'single' ? (
                  <Radio.Group>
                    <Flex vertical gap={10}>
                      {q.options.map((o, n) => (
                        <Radio key={n} value={n}>
                          {o}
                        </Radio>
                      ))}
                    </Flex>
                  </Radio.Group>
                ) : q.kind === 'multiple' ? (
                  <Checkbox.Group>
                    <Flex vertical gap={10}>
                      {q.options.map((o, n) => (
                        <Checkbox key={n} value={n}>
                          {o}
                        </Checkbox>
                      ))}
                    </Flex>
                  </Checkbox.Group>
                ) : q.kind === 'rating' ? (
                  <Rate style={{ fontSize: 32 }} />
                ) : (
                  <Input.TextArea rows={3} maxLength={500} placeholder={t('afterSchool.survey.family.textPlaceholder')} />
                )}
              </Form.Item>
            </Card>
          ))}
          <Button type="primary" size="large" block htmlType="submit" loading={submit.isPending}>
            {t('afterSchool.survey.family.submit')}
          </Button>
          <Button size="large" block onClick={onDone}>
            {t('common.back')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
