/** The files behind a score (photos of the site, documents): uploaded one by one, kept by id, opened by a link. */
import { PaperClipOutlined } from '@ant-design/icons';
import { SCORE_ATTACHMENTS_MAX } from '@shuangjian/contracts';
import { Button, Upload, type UploadFile } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';
import { evidenceUrl, uploadEvidence } from '../../queries-assess';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.doc,.docx,.xls,.xlsx,.mp4,.txt';

/** The files already kept with a score: their names are not stored with it, so they are numbered. */
export const storedFiles = (ids: readonly string[], t: (key: string, vars?: Record<string, string | number>) => string): UploadFile[] =>
  ids.map((id, i) => ({ uid: id, name: t('sv.assess.score.file', { n: i + 1 }), status: 'done', url: evidenceUrl(id) }));

export function EvidenceFiles({ files, onChange }: { files: UploadFile[]; onChange: (update: (files: UploadFile[]) => UploadFile[]) => void }) {
  const { t } = useI18n();
  const message = useMessage();
  return (
    <Upload
      fileList={files}
      accept={ACCEPT}
      maxCount={SCORE_ATTACHMENTS_MAX}
      onRemove={(f) => onChange((list) => list.filter((x) => x.uid !== f.uid))}
      customRequest={({ file }) => {
        const raw = file as File & { uid: string };
        onChange((list) => [...list, { uid: raw.uid, name: raw.name, status: 'uploading' }]);
        uploadEvidence(raw).then(
          (stored) => onChange((list) => list.map((f) => (f.uid === raw.uid ? { uid: stored.id, name: stored.name, status: 'done', url: evidenceUrl(stored.id) } : f))),
          (e: Error) => {
            onChange((list) => list.filter((f) => f.uid !== raw.uid));
            message.error(e.message);
          },
        );
      }}
    >
      {files.length < SCORE_ATTACHMENTS_MAX && (
        <Button icon={<PaperClipOutlined />} data-testid="score-files">
          {t('sv.assess.score.upload')}
        </Button>
      )}
    </Upload>
  );
}
