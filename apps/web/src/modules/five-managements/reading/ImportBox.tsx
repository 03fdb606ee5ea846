/** An Excel import beside its template: a file with bad rows comes back with every row and column named. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { RowError } from '@shuangjian/contracts';
import { Alert, Button, Flex, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';

export function ImportBox<T>({
  label,
  templateUrl,
  run,
  describe,
  disabled,
  testId,
}: {
  label: ReactNode;
  templateUrl: string;
  run: (file: File) => Promise<T>;
  /** The success line of a result. */
  describe: (result: T) => ReactNode;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const toast = useMessage();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ReactNode>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setDone(null);
    setErrors(null);
    try {
      setDone(describe(await run(file)));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      else toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid={`${testId}-import`}>
            {label}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} href={templateUrl} download disabled={disabled} data-testid={`${testId}-template`}>
          {t('five.reading.template')}
        </Button>
      </Flex>
      {done && <Alert type="success" showIcon closable onClose={() => setDone(null)} title={done} data-testid={`${testId}-result`} />}
      {errors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setErrors(null)}
          data-testid={`${testId}-errors`}
          title={t('five.reading.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.slice(0, 20).map((e, i) => (
                <li key={i}>
                  {t('five.reading.row', { row: e.row })}「{e.column}」{e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
