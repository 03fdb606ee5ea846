/** Photos on a phone: the camera or the album (accept image/*), uploaded one by one; the form field holds their ids. */
import { CameraOutlined } from '@ant-design/icons';
import { FINDING_PHOTOS_MAX, type InspectionPhoto } from '@shuangjian/contracts';
import { Flex, Image, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { photoUrl, uploadPhoto } from './queries';

export function PhotoUpload({ onChange, testId }: { value?: string[]; onChange?: (ids: string[]) => void; testId?: string }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile<InspectionPhoto>[]>([]);
  return (
    <Upload<InspectionPhoto>
      listType="picture-card"
      multiple
      accept="image/*"
      maxCount={FINDING_PHOTOS_MAX}
      fileList={files}
      onChange={(info) => {
        setFiles(info.fileList);
        onChange?.(info.fileList.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id));
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as File).then(
          (r) => onSuccess?.(r),
          (e: Error) => onError?.(e),
        );
      }}
      data-testid={testId}
    >
      {files.length < FINDING_PHOTOS_MAX && (
        <Flex vertical align="center" gap={4}>
          <CameraOutlined style={{ fontSize: 20 }} />
          <span>{t('training.insp.visit.takePhoto')}</span>
        </Flex>
      )}
    </Upload>
  );
}

export function Photos({ ids, size = 64 }: { ids: readonly string[]; size?: number }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={6} wrap>
        {ids.map((id) => (
          <Image key={id} src={photoUrl(id)} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
