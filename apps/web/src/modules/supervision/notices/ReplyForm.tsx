/** A school administrator's reply for the school: the text and files (uploaded first, named in the reply). */
import './messages';
import { UploadOutlined } from '@ant-design/icons';
import { type NoticeInboxNotice, NOTICE_REPLY_ATTACHMENTS_MAX, REPLY_MAX } from '@shuangjian/contracts';
import { Button, Form, Input, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useNoticeWrites } from '../queries-notices';

interface Values {
  body: string;
}

export function ReplyForm({ notice, onDone }: { notice: NoticeInboxNotice; onDone?: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useNoticeWrites();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.reply(notice.id, { body: v.body, attachmentIds: files.filter((f) => f.status === 'done').map((f) => f.uid) }),
    saved: t('sv.notices.replied'),
    onSuccess: () => {
      form.resetFields();
      setFiles([]);
      onDone?.();
    },
  });
  const uploading = files.some((f) => f.status === 'uploading');
  return (
    <Form<Values> form={form} layout="vertical" name="sv-reply" onFinish={(v) => save.mutate(v)} data-testid="sv-reply-form">
      <Form.Item name="body" label={t('sv.notices.replyBody')} rules={[{ required: true, whitespace: true, message: t('sv.notices.f.required', { field: t('sv.notices.replyBody') }) }]}>
        <Input.TextArea rows={5} maxLength={REPLY_MAX} showCount placeholder={t('sv.notices.replyHint')} data-testid="sv-reply-body" />
      </Form.Item>
      <Form.Item label={t('sv.notices.replyFiles')}>
        <Upload
          fileList={files}
          maxCount={NOTICE_REPLY_ATTACHMENTS_MAX}
          onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
          customRequest={({ file }) => {
            const raw = file as File & { uid: string };
            setFiles((list) => [...list, { uid: raw.uid, name: raw.name, status: 'uploading' }]);
            writes
              .upload(raw)
              .then((stored) => setFiles((list) => list.map((f) => (f.uid === raw.uid ? { uid: stored.id, name: stored.name, status: 'done' } : f))))
              .catch((e: Error) => {
                setFiles((list) => list.filter((f) => f.uid !== raw.uid));
                message.error(e.message);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>{t('sv.notices.upload')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={uploading} block data-testid="sv-reply-submit">
        {notice.replyState === 'returned' ? t('sv.notices.replyAgain') : t('sv.notices.submitReply')}
      </Button>
    </Form>
  );
}
