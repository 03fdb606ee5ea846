/** A teacher's feedback on one hand-in: the work itself, a short comment, and 优秀 for excellent work. */
import { StarFilled } from '@ant-design/icons';
import { REVIEW_COMMENT_MAX } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { invalidateHomework } from '../components/model';
import { HandInFiles, Reviews } from './HandInCard';
import { type HandInRow, review } from './queries';

export function ReviewDialog({ handIn: h, onClose }: { handIn: HandInRow; onClose(): void }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const client = useQueryClient();
  const mine = h.reviews.find((r) => r.teacherId === me?.user.id);
  const others = { ...h, reviews: h.reviews.filter((r) => r !== mine) };
  const [form] = Form.useForm<{ comment?: string; excellent: boolean }>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { comment?: string; excellent: boolean }) => review(h.id, { comment: v.comment?.trim() || null, excellent: !!v.excellent }),
    saved: t('hwm.vacation.reviewed'),
    onSuccess: () => {
      invalidateHomework(client);
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t('hwm.vacation.reviewTitle', { name: h.studentName, date: h.date })}
      okText={t('common.save')}
      onCancel={onClose}
      form={form}
      name="review"
      loading={save.isPending}
      initialValues={{ comment: mine?.comment ?? '', excellent: mine?.excellent ?? false }}
      onFinish={(v) => save.mutate(v)}
      intro={
        <div style={{ marginBottom: 12 }}>
          {h.note && <Typography.Paragraph style={{ margin: 0 }}>{h.note}</Typography.Paragraph>}
          {h.files.length ? <HandInFiles files={h.files} /> : <Typography.Text type="secondary">{t('hwm.vacation.handedInDone')}</Typography.Text>}
          <Reviews handIn={others} />
        </div>
      }
    >
      <Form.Item name="excellent" valuePropName="checked">
        <Checkbox data-testid="review-excellent">
          <StarFilled style={{ color: '#d48806' }} /> {t('hwm.vacation.markExcellent')}
        </Checkbox>
      </Form.Item>
      <Form.Item name="comment" label={t('hwm.vacation.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={REVIEW_COMMENT_MAX} showCount placeholder={t('hwm.vacation.commentPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
