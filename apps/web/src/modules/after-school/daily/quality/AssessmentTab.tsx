/** 月度考核: each course's score for a month beside its sessions, attendance and patrols, and the school's figure. */
import type { AssessmentMonth } from '@shuangjian/contracts';
import { Button, Card, Form, Input, InputNumber, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useDailyWrites } from '../queries';

type Course = AssessmentMonth['courses'][number];
type Values = { score: number; comment?: string };
const LEVEL_COLOR = { excellent: 'success', good: 'processing', pass: 'warning', improve: 'error' } as const;

export function AssessmentTab({ data, canAssess }: { data: AssessmentMonth; canAssess: boolean }) {
  const { t } = useI18n();
  const writes = useDailyWrites();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Course | null>(null);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.assess({ courseId: editing!.courseId, month: data.month, score: v.score, comment: v.comment ?? null }),
    saved: t('afterSchool.daily.assess.saved'),
    onSuccess: () => setEditing(null),
  });
  const rate = (c: Course) => (c.expected ? `${Math.round((c.present * 1000) / c.expected) / 10}%` : '—');

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="school-figure">
        {data.school ? (
          <Statistic
            title={t('afterSchool.daily.assess.school')}
            value={data.school.average}
            precision={1}
            suffix={<Tag color={LEVEL_COLOR[data.school.level]}>{t(`afterSchool.daily.assess.level.${data.school.level}`)}</Tag>}
          />
        ) : (
          <Typography.Text type="secondary">{t('afterSchool.daily.assess.schoolNone')}</Typography.Text>
        )}
      </Card>
      <Table<Course>
        rowKey="courseId"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={data.courses}
        columns={[
          { title: t('afterSchool.daily.assess.course'), dataIndex: 'courseName' },
          { title: t('afterSchool.daily.assess.sessions'), dataIndex: 'sessionsHeld', align: 'right' },
          { title: t('afterSchool.daily.assess.attendance'), key: 'rate', align: 'right', render: (_, c) => rate(c) },
          { title: t('afterSchool.daily.assess.patrolRating'), dataIndex: 'patrolRating', align: 'right', render: (v: number | null, c) => (v === null ? '—' : `${v}（${c.patrols}）`) },
          { title: t('afterSchool.daily.assess.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => (v === null ? '—' : <b>{v}</b>) },
          { title: t('afterSchool.daily.assess.comment'), dataIndex: 'comment', ellipsis: true },
          ...(canAssess
            ? [
                {
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, c: Course) => (
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldsValue({ score: c.score ?? undefined, comment: c.comment ?? undefined });
                        setEditing(c);
                      }}
                    >
                      {t('afterSchool.daily.assess.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values>
        form={form}
        name="assess"
        preserve={false}
        destroyOnHidden={false}
        forceRender
        open={!!editing}
        title={editing ? t('afterSchool.daily.assess.title', { course: editing.courseName, month: data.month }) : ''}
        loading={save.isPending}
        onCancel={() => setEditing(null)}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="score" label={t('afterSchool.daily.assess.score')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="comment" label={t('afterSchool.daily.assess.comment')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
