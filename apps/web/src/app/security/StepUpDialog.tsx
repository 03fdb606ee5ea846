/** The step-up dialog: a sensitive action answered STEP_UP_REQUIRED; the code is sent and the action retried. */
import { Alert, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, setStepUpHandler } from '../api';
import { useI18n } from '../i18n';

export function StepUpDialog() {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    setStepUpHandler(
      (m) =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false);
          settle.current = resolve;
          setCode('');
          setError(null);
          setMinutes(m);
        }),
    );
    return () => setStepUpHandler(null);
  }, []);

  const close = (ok: boolean) => {
    settle.current?.(ok);
    settle.current = null;
    setMinutes(null);
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
