/**
 * 天天交 on the family's phone: under a vacation day's list, whether the child's work was handed in (photos, files or
 * "done"), what the teachers said, and the button to hand it in (again).
 */
import { CheckCircleFilled, CloudUploadOutlined, FileOutlined, StarFilled } from '@ant-design/icons';
import { HANDIN_FILE_MAX_BYTES, HANDIN_FILE_TYPES, HANDIN_FILES_MAX, HANDIN_NOTE_MAX } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Image, Input, Modal, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { invalidateHomework } from '../components/model';
import { type FileRow, fileUrl, handIn, type HandInRow, isImage, uploadHandInFile } from './queries';

export function HandInFiles({ files }: { files: FileRow[] }) {
  if (!files.length) return null;
  return (
    <Flex gap={6} wrap style={{ marginTop: 6 }}>
      {files.map((f) =>
        isImage(f) ? (
          <Image key={f.id} src={fileUrl(f.id)} alt={f.name} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 6 }} />
        ) : (
          <a key={f.id} href={fileUrl(f.id)} download={f.name} style={{ overflowWrap: 'anywhere' }}>
            <FileOutlined /> {f.name}
          </a>
        ),
      )}
    </Flex>
  );
}

export function Reviews({ handIn: h }: { handIn: HandInRow }) {
  const { t } = useI18n();
  if (!h.reviews.length) return null;
  return (
    <Space orientation="vertical" size={2} style={{ marginTop: 6, width: '100%' }} data-testid="handin-reviews">
      {h.reviews.map((r) => (
        <Typography.Text key={r.teacherId} style={{ fontSize: 13 }}>
          {r.excellent && (
            <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 6 }}>
              {t('hwm.vacation.excellent')}
            </Tag>
          )}
          {t('hwm.vacation.teacherSays', { name: r.teacherName })}
          {r.comment ?? ''}
        </Typography.Text>
      ))}
    </Space>
  );
}

function HandInDialog({ studentId, date, current, onClose }: { studentId: string; date: string; current: HandInRow | null; onClose(): void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile<FileRow>[]>(() =>
    (current?.files ?? []).map((f) => ({ uid: f.id, name: f.name, status: 'done', response: f, url: fileUrl(f.id), thumbUrl: isImage(f) ? fileUrl(f.id) : undefined })),
  );
  const [note, setNote] = useState(current?.note ?? '');
  const uploading = files.some((f) => f.status === 'uploading');
  const save = useSaveMutation({
    form: null,
    mutationFn: () => handIn({ studentId, date, attachmentIds: files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id), note: note.trim() || null }),
    saved: t('hwm.vacation.handedIn'),
    onSuccess: () => {
      invalidateHomework(client);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('hwm.vacation.dialogTitle', { date })}
      okText={files.some((f) => f.status === 'done') ? t('hwm.vacation.submit') : t('hwm.vacation.submitDone')}
      onOk={() => save.mutate(undefined)}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: uploading, ...({ 'data-testid': 'handin-submit' } as Record<string, string>) }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('hwm.vacation.dialogHint', { n: HANDIN_FILE_MAX_BYTES / 1024 / 1024 })}</Typography.Paragraph>
      <Upload<FileRow>
        listType="picture-card"
        multiple
        maxCount={HANDIN_FILES_MAX}
        accept={HANDIN_FILE_TYPES.map((x) => `.${x}`).join(',')}
        fileList={files}
        onChange={(info) => setFiles(info.fileList)}
        customRequest={({ file, onSuccess, onError }) => {
          uploadHandInFile(studentId, file as File).then(
            (r) => onSuccess?.(r),
            (e: Error) => onError?.(e),
          );
        }}
        data-testid="handin-upload"
      >
        {files.length < HANDIN_FILES_MAX && (
          <div>
            <CloudUploadOutlined style={{ fontSize: 20 }} />
            <div style={{ marginTop: 4 }}>{t('hwm.vacation.addPhoto')}</div>
          </div>
        )}
      </Upload>
      {files.some((f) => f.status === 'error') && <Typography.Text type="danger">{files.find((f) => f.status === 'error')?.error?.message}</Typography.Text>}
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={HANDIN_NOTE_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 4 }}
        placeholder={t('hwm.vacation.notePlaceholder')}
        aria-label={t('hwm.field.note')}
        style={{ marginTop: 8 }}
      />
    </Modal>
  );
}

export function HandInCard({ studentId, date, today, handIn: h }: { studentId: string; date: string; today: string; handIn: HandInRow | null }) {
  const tz = useTimeZone();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const due = date <= today;
  return (
    <Card size="small" data-testid="handin" styles={{ body: { padding: '8px 12px' } }} style={{ marginTop: -4, borderTop: 'none', borderTopLeftRadius: 0, borderTopRightRadius: 0 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        {h ? (
          <div>
            <Typography.Text type="success" data-testid="handin-status">
              <CheckCircleFilled /> {h.files.length ? t('hwm.vacation.handedInFiles', { n: h.files.length }) : t('hwm.vacation.handedInDone')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(h.handedInAt, tz)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type={due ? 'warning' : 'secondary'} data-testid="handin-status">
            {due ? t('hwm.vacation.notHandedIn') : t('hwm.vacation.notDue')}
          </Typography.Text>
        )}
        {due && (
          <Button size="middle" type={h ? 'default' : 'primary'} icon={<CloudUploadOutlined />} onClick={() => setOpen(true)} data-testid="handin-open">
            {h ? t('hwm.vacation.again') : t('hwm.vacation.handIn')}
          </Button>
        )}
      </Flex>
      {h?.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {h.note}
        </Typography.Text>
      )}
      {h && <HandInFiles files={h.files} />}
      {h && <Reviews handIn={h} />}
      {open && <HandInDialog studentId={studentId} date={date} current={h} onClose={() => setOpen(false)} />}
    </Card>
  );
}
