/**
 * 账号安全: the person's second factor. Enrol (scan the QR code or type the secret, confirm with the first code, keep
 * the recovery codes shown once), renew recovery codes, turn it off where the role does not need it. A session limited
 * to enrolment lands here and goes on into the platform once the factor is on.
 */
import type { SecondFactorStatus } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useMessage } from '../message';
import './messages';

type Enrolment = { secret: string; uri: string; qrSvg: string; issuer: string; label: string };

export default function SecurityPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const message = useMessage();
  const status = useQuery({ queryKey: ['second-factor'], queryFn: () => api.get<SecondFactorStatus>('/api/auth/second-factor') });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const start = () => run(async () => setEnrolment(await api.post<Enrolment>('/api/auth/second-factor/enrolment')));
  const confirm = () =>
    run(async () => {
      const res = await api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/enrolment/confirm', { code: code.trim() });
      setCodes(res.recoveryCodes);
      setEnrolment(null);
      setCode('');
      await status.refetch();
    });
  const renew = () => run(async () => setCodes((await api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/recovery-codes')).recoveryCodes));
  const disable = () =>
    run(async () => {
      await api.delete('/api/auth/second-factor');
      message.success(t('common.saved'));
      await status.refetch();
    });
  const goOn = async () => {
    await client.invalidateQueries({ queryKey: ['me'] });
    void navigate('/', { replace: true });
  };

  const s = status.data;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '2vh 12px' }}>
      <Card title={t('security.title')} style={{ width: '100%', maxWidth: 560 }} data-testid="security-page">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="security-error" />}
        {s && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type={s.enrolled ? 'success' : s.required && !s.exempt ? 'warning' : 'info'}
              showIcon
              title={s.enrolled ? t('security.enrolled', { at: new Date(s.enrolledAt!).toLocaleString() }) : t('security.notEnrolled')}
              description={[s.required ? t('security.required') : t('security.optional'), s.exempt ? t('security.exempt') : ''].filter(Boolean).join(' ')}
              data-testid="security-status"
            />
            {s.enrolled && <Typography.Text type="secondary">{t('security.recoveryLeft', { n: s.recoveryCodesLeft })}</Typography.Text>}
            {codes && (
              <Alert
                type="warning"
                title={t('security.recovery')}
                description={
                  <pre style={{ margin: 0, fontSize: 15 }} data-testid="recovery-codes">
                    {codes.join('\n')}
                  </pre>
                }
                action={<Button onClick={() => void goOn()}>{t('security.continue')}</Button>}
              />
            )}
            {enrolment ? (
              <Flex vertical gap={8}>
                <Typography.Text>{t('security.scan')}</Typography.Text>
                <img alt="QR" width={200} height={200} src={`data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`} data-testid="enrol-qr" />
                <Typography.Text>
                  {t('security.secret')}: <Typography.Text code copyable data-testid="enrol-secret">{enrolment.secret}</Typography.Text>
                </Typography.Text>
                <Space.Compact>
                  <Input
                    placeholder={t('login.code')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    onPressEnter={() => void confirm()}
                    data-testid="enrol-code"
                  />
                  <Button type="primary" disabled={code.trim().length !== 6} onClick={() => void confirm()} data-testid="enrol-confirm">
                    {t('security.confirm')}
                  </Button>
                </Space.Compact>
              </Flex>
            ) : (
              <Space wrap>
                <Button type={s.enrolled ? 'default' : 'primary'} onClick={() => void start()} data-testid="enrol-start">
                  {s.enrolled ? t('security.rebind') : t('security.start')}
                </Button>
                {s.enrolled && <Button onClick={() => void renew()}>{t('security.renew')}</Button>}
                {s.enrolled && !s.required && (
                  <Button danger onClick={() => void disable()}>
                    {t('security.disable')}
                  </Button>
                )}
              </Space>
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}
