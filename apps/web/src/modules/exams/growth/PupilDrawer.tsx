/** A pupil's record in a drawer for the teachers of the class: add an entry, write a comment, see and delete entries. */
import { GROWTH_COMMENT_MAX, growthDimensionLabels, type GrowthCommentScope, GROWTH_DIMENSIONS } from '@shuangjian/contracts';
import { Button, Card, Drawer, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { entryBody, EntryFields, type EntryValues } from './EntryFields';
import { GrowthSummaryView } from './GrowthSummaryView';
import { useGrowthSummary, useGrowthWrites } from './queries';

type CommentValues = { scope: GrowthCommentScope; text: string };

export function PupilDrawer({ studentId, semesterId, onClose, today }: { studentId: string | null; semesterId: string; onClose(): void; today: string }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const summary = useGrowthSummary(studentId ?? undefined, semesterId);
  const writes = useGrowthWrites();
  const [entryForm] = Form.useForm<EntryValues>();
  const [commentForm] = Form.useForm<CommentValues>();
  const record = useSaveMutation({
    form: entryForm,
    mutationFn: (v: EntryValues) => writes.record({ studentId: studentId!, semesterId, ...entryBody(v) }),
    saved: t('exams.growth.recorded'),
    onSuccess: () => entryForm.resetFields(['title', 'detail']),
  });
  const comment = useSaveMutation({ form: commentForm, mutationFn: (v: CommentValues) => writes.comment({ studentId: studentId!, semesterId, ...v }) });
  const s = summary.data;
  const scopes: GrowthCommentScope[] = [...(s?.canCommentOverall ? (['overall'] as const) : []), ...GROWTH_DIMENSIONS];
  const remove = async (id: string) => {
    try {
      await writes.remove(id);
      message.success(t('exams.growth.deleted'));
    } catch (e) {
      applyServerError(null, e, message.error);
    }
  };
  return (
    <Drawer open={!!studentId} onClose={onClose} size="large" title={s?.student.name ?? ''} destroyOnHidden data-testid="pupil-drawer">
      {summary.error && <QueryError error={summary.error} />}
      {s?.canRecord && (
        <Card size="small" title={t('exams.growth.record')} style={{ marginBottom: 12 }} className="growth-no-print">
          <Form<EntryValues> form={entryForm} layout="vertical" name="growth-entry" initialValues={{ kind: 'activity', dimension: 'moral', date: dayjs(today) }} onFinish={(v) => record.mutate(v)}>
            <EntryFields form={entryForm} labourTasks={s.labourTasks} today={today} />
            <Button type="primary" htmlType="submit" loading={record.isPending} block>
              {t('exams.growth.record')}
            </Button>
          </Form>
        </Card>
      )}
      {s?.canRecord && (
        <Card size="small" title={t('exams.growth.comments')} style={{ marginBottom: 12 }} className="growth-no-print">
          <Form<CommentValues>
            form={commentForm}
            layout="vertical"
            name="growth-comment"
            initialValues={{ scope: scopes[0] }}
            onValuesChange={(ch: Partial<CommentValues>) => ch.scope && commentForm.setFieldValue('text', s.comments.find((c) => c.scope === ch.scope)?.text ?? '')}
            onFinish={(v) => comment.mutate(v)}
          >
            <Form.Item name="scope" label={t('exams.growth.commentScope')}>
              <Select options={scopes.map((c) => ({ value: c, label: c === 'overall' ? t('exams.growth.overall') : growthDimensionLabels[c][locale] }))} />
            </Form.Item>
            <Form.Item name="text" label={t('exams.growth.commentText')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea maxLength={GROWTH_COMMENT_MAX} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
            <Button htmlType="submit" loading={comment.isPending} block>
              {t('exams.growth.commentSave')}
            </Button>
          </Form>
        </Card>
      )}
      {s && <GrowthSummaryView summary={s} onDelete={(e) => remove(e.id)} />}
    </Drawer>
  );
}
