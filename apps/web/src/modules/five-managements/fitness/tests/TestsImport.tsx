/** The school imports a semester's fitness test file (the template or the national system's export); a bad file is listed row by row. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { FitnessTestImportResult, RowError } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../../app/api';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';
import { fitnessTemplateUrl, useFitnessWrites } from '../queries';

export function TestsImport({ schoolId, semesterId }: { schoolId: string; semesterId: string | undefined }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useFitnessWrites();
  const [result, setResult] = useState<FitnessTestImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [importing, setImporting] = useState(false);

  const upload = async (file: File) => {
    setImporting(true);
    setResult(null);
    setErrors(null);
    try {
      setResult(await writes.importTests(schoolId, semesterId, file));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Card size="small" title={t('five.fitness.import')}>
      <Typography.Paragraph type="secondary">{t('five.fitness.importHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={importing} data-testid="fitness-import">
            {t('five.fitness.import')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} href={fitnessTemplateUrl(schoolId)} download data-testid="fitness-template">
          {t('five.fitness.template')}
        </Button>
      </Flex>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="fitness-import-result"
          title={t('five.fitness.imported', { rows: result.imported, semester: result.semesterName, replaced: result.replaced })}
        />
      )}
      {errors && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="fitness-import-errors"
          title={t('five.fitness.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.slice(0, 20).map((e, i) => (
                <li key={i}>
                  {t('five.fitness.row', { row: e.row })}「{e.column}」{e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
