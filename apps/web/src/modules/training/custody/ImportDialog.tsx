/** The import dialog: institution, period, bank, closing balance when the file has none, the file; a bad file's rows listed. */
import { UploadOutlined } from '@ant-design/icons';
import type { CustodyRow, RowError } from '@shuangjian/contracts';
import { parseYuan } from '@shuangjian/policy';
import { Alert, Button, type ButtonProps, DatePicker, Form, Input, Modal, Select, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { useReconcileWrites } from './queries';

interface Values {
  institutionId?: string;
  period?: [dayjs.Dayjs, dayjs.Dayjs];
  bank?: string;
  closing?: string;
}

export function ImportDialog({ open, onClose, onDone, institutions }: { open: boolean; onClose: () => void; onDone: (id: string) => void; institutions: CustodyRow[] }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useReconcileWrites();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [busy, setBusy] = useState(false);
  const lastMonth = dayjs().subtract(1, 'month');

  const submit = async () => {
    const v = await form.validateFields();
    if (!v.institutionId || !v.period || !file) return message.error(t('training.cd.rec.required'));
    const closing = v.closing?.trim() ? parseYuan(v.closing) : null;
    setBusy(true);
    setErrors(null);
    try {
      const res = await writes.importStatement(
        {
          institutionId: v.institutionId,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          bank: v.bank?.trim() || undefined,
          closingBalanceFen: closing?.ok ? closing.value : undefined,
        },
        file,
      );
      setFile(null);
      form.resetFields();
      onDone(res.import.id);
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('training.cd.rec.import')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('training.cd.rec.submit')}
      okButtonProps={{ loading: busy, 'data-testid': 'rec-submit' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ period: [lastMonth.startOf('month'), lastMonth.endOf('month')] }}>
        <Form.Item name="institutionId" label={t('training.cd.institution')} rules={[{ required: true, message: t('training.cd.rec.required') }]}>
          <Select data-testid="rec-institution" showSearch optionFilterProp="label" options={institutions.map((r) => ({ value: r.institutionId, label: r.institutionName }))} />
        </Form.Item>
        <Form.Item name="period" label={t('training.cd.rec.period')} rules={[{ required: true, message: t('training.cd.rec.required') }]}>
          <DatePicker.RangePicker allowClear={false} style={{ width: '100%' }} data-testid="rec-period" />
        </Form.Item>
        <Form.Item name="bank" label={t('training.cd.rec.bank')}>
          <Input maxLength={60} data-testid="rec-bank" />
        </Form.Item>
        <Form.Item
          name="closing"
          label={t('training.cd.rec.closing')}
          rules={[{ validator: (_, v?: string) => (!v?.trim() || (parseYuan(v).ok && (parseYuan(v) as { value: number }).value >= 0) ? Promise.resolve() : Promise.reject(new Error('¥ 0.00'))) }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item label={t('training.cd.rec.file')} required>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              setFile(f);
              setErrors(null);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="rec-file">
              {t('training.cd.rec.pick')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
      {errors && (
        <Alert
          type="error"
          showIcon
          data-testid="rec-errors"
          message={t('training.cd.rec.errors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.slice(0, 20).map((e, i) => (
                <li key={i}>
                  {t('training.cd.rec.row', { row: e.row })}「{e.column}」{e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
