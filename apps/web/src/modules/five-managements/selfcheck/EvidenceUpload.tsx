/** Evidence files for an answer or a fix: uploaded one by one (photos, scans, documents); the form field holds their ids. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { type SelfcheckFile, SELFCHECK_FILES_MAX } from '@shuangjian/contracts';
import { Button, Flex, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { evidenceUrl, uploadEvidence } from './queries';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.doc,.docx,.xls,.xlsx,.mp4,.txt';

export function EvidenceUpload({ initial = [], onChange, testId }: { initial?: SelfcheckFile[]; value?: string[]; onChange?: (ids: string[]) => void; testId?: string }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile<SelfcheckFile>[]>(() => initial.map((f) => ({ uid: f.id, name: f.name, status: 'done', response: f, url: evidenceUrl(f.id) })));
  return (
    <Upload<SelfcheckFile>
      multiple
      accept={ACCEPT}
      maxCount={SELFCHECK_FILES_MAX}
      fileList={files}
      onChange={(info) => {
        setFiles(info.fileList);
        onChange?.(info.fileList.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id));
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadEvidence(file as File).then(
          (r) => onSuccess?.(r),
          (e: Error) => onError?.(e),
        );
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {t('five.selfcheck.upload')}
      </Button>
    </Upload>
  );
}

/** Links to evidence files. */
export function EvidenceFiles({ files }: { files: readonly SelfcheckFile[] }) {
  if (!files.length) return null;
  return (
    <Flex gap={12} wrap>
      {files.map((f) => (
        <Typography.Link key={f.id} href={evidenceUrl(f.id)} target="_blank" data-testid="evidence-file">
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}
