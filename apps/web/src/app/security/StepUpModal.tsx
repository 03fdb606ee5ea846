/** The step-up dialog's window (loaded on first use: the antd Modal stays out of every page's first load). */
import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import './messages';

export default function StepUpModal({ minutes, onClose }: { minutes: number | null; onClose: (ok: boolean) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (ok: boolean) => {
    setCode('');
    setError(null);
    onClose(ok);
  };
  const submit = async () => {
    setBusy(true);
    try {
      await api.post('/api/auth/step-up', { code: code.trim() });
      close(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={minutes !== null}
      title={t('stepUp.title')}
      okText={t('stepUp.ok')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: code.trim().length < 6, loading: busy }}
      onCancel={() => close(false)}
      destroyOnHidden
      data-testid="step-up-dialog"
    >
      <Typography.Paragraph>{t('stepUp.hint', { minutes: minutes ?? 5 })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input
        autoFocus
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={20}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={() => void submit()}
        data-testid="step-up-code"
      />
    </Modal>
  );
}
