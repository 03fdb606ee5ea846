/**
 * Sign-in: username or phone plus password; lists the demo accounts when the demo district is loaded. The first page a
 * newcomer loads, so it stays light: a plain form and panels with antd's look, not antd's Form, Card, List and
 * Typography (which bring validation, tabs, pagination, select and tooltips along).
 */
import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { type DemoAccounts, type LoginAnswer as LoginAnswerSchema, roleLabels } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Tag, theme } from 'antd';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from './api';
import { meQuery } from './auth';
import { useI18n } from './i18n';

type Values = { username: string; password: string };
type LoginAnswer = z.infer<typeof LoginAnswerSchema>;

/** Where to go after signing in: the page that sent the person here, never back to this page or off the site. */
function returnTo(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** A card's look (border, radius, titled header) without antd's Card. */
function Panel({ title, extra, small, children }: { title: ReactNode; extra?: ReactNode; small?: boolean; children: ReactNode }) {
  const { token } = theme.useToken();
  const pad = small ? token.paddingSM : token.paddingLG;
  return (
    <section style={{ background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG }}>
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          minHeight: small ? 38 : 56,
          padding: `0 ${pad}px`,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          fontWeight: token.fontWeightStrong,
          fontSize: small ? token.fontSize : token.fontSizeLG,
        }}
      >
        <span>{title}</span>
        {extra && <span style={{ fontWeight: 'normal', fontSize: token.fontSize, color: token.colorTextDescription }}>{extra}</span>}
      </header>
      <div style={{ padding: pad }}>{children}</div>
    </section>
  );
}

/** A labelled field with its error underneath, spaced as antd's vertical form item. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: error ? 0 : token.marginLG }}>
      <label htmlFor={id} style={{ display: 'block', paddingBottom: token.paddingXS, color: token.colorTextHeading }}>
        {label}
      </label>
      {children}
      {error && (
        <div role="alert" style={{ color: token.colorError, minHeight: token.marginLG }}>
          {error}
        </div>
      )}
    </div>
  );
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { token } = theme.useToken();
  const [values, setValues] = useState<Values>({ username: '', password: '' });
  const [missing, setMissing] = useState<Partial<Record<keyof Values, boolean>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The password was right and the account has a second factor: its code is asked next. */
  const [codeStep, setCodeStep] = useState(false);
  const [otp, setOtp] = useState('');
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const demo = useQuery({ queryKey: ['demo-accounts'], queryFn: () => api.get<z.infer<typeof DemoAccounts>>('/api/auth/demo-accounts') });

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setMissing((m) => ({ ...m, ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, !v])) }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = { username: !values.username.trim(), password: !values.password };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<LoginAnswer>('/api/auth/login', values);
      if (res.secondFactor === 'code') {
        setCodeStep(true);
        return;
      }
      await enter(res);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
    } finally {
      setBusy(false);
    }
  };
  /** Signed in: the person into the cache before leaving (a page opened while signed out left a 401 there). */
  const enter = async (res: LoginAnswer) => {
    await client.fetchQuery({ ...meQuery, staleTime: 0 });
    void navigate(res.secondFactor === 'enrol' ? '/security' : res.mustChangePassword ? '/password' : returnTo(location.state), { replace: true });
  };
  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    if (!otp.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await enter(await api.post<LoginAnswer>('/api/auth/second-factor/verify', { code: otp.trim() }));
    } catch (err) {
      const failed = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
      setError(failed);
      // a lock or an expired wait ends the waiting session: back to the password
      if (failed.status === 401 || failed.status === 423) setCodeStep(false);
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => t('login.required', { label });
  const code = { margin: '0 0.2em', padding: '0.2em 0.4em 0.1em', fontSize: '85%', fontFamily: token.fontFamilyCode, background: 'rgba(150, 150, 150, 0.1)', border: '1px solid rgba(100, 100, 100, 0.2)', borderRadius: 3 };

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)', display: 'flex', justifyContent: 'center', padding: '6vh 12px' }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16, width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center' }}>
          <h3 style={{ margin: '0 0 4px', color: token.colorTextHeading, fontSize: token.fontSizeHeading3, fontWeight: token.fontWeightStrong, lineHeight: token.lineHeightHeading3 }}>
            {t('app.name')}
          </h3>
          <Button type="link" size="small" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('shell.language')}
          </Button>
        </div>
        <Panel title={t('login.title')}>
          {error && (
            <Alert
              type={error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
              title={error.code === 'ACCOUNT_LOCKED' ? t('login.locked') : undefined}
              description={error.message}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          {codeStep ? (
            <form onSubmit={(e) => void submitCode(e)} noValidate data-testid="login-code-step">
              <Field id="login-code" label={t('login.code')}>
                <Input
                  id="login-code"
                  prefix={<SafetyCertificateOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  size="large"
                  autoFocus
                  maxLength={20}
                  value={otp}
                  onChange={(e) => setOtp(e.target.value)}
                />
              </Field>
              <p style={{ marginTop: -12, color: token.colorTextDescription }}>{t('login.codeHint')}</p>
              <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!otp.trim()}>
                {t('login.codeSubmit')}
              </Button>
              <Button type="link" block onClick={() => (setCodeStep(false), setOtp(''), setError(null))}>
                {t('login.codeBack')}
              </Button>
            </form>
          ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field id="login-username" label={t('login.username')} error={missing.username ? required(t('login.username')) : undefined}>
              <Input
                id="login-username"
                prefix={<UserOutlined />}
                autoComplete="username"
                size="large"
                value={values.username}
                onChange={(e) => set({ username: e.target.value })}
                status={missing.username ? 'error' : undefined}
              />
            </Field>
            <Field id="login-password" label={t('login.password')} error={missing.password ? required(t('login.password')) : undefined}>
              <Input.Password
                id="login-password"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                value={values.password}
                onChange={(e) => set({ password: e.target.value })}
                status={missing.password ? 'error' : undefined}
              />
            </Field>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </form>
          )}
        </Panel>
        <div style={{ textAlign: 'center' }}>
          {/* the demo district's code is "demo"; elsewhere the page asks for the district code */}
          <Link to={demo.data?.accounts.length ? '/public/institutions?district=demo' : '/public/institutions'} data-testid="public-institutions-link">
            <SafetyCertificateOutlined /> {t('login.publicInstitutions')}
          </Link>
          <span style={{ margin: '0 8px', color: '#bbb' }}>|</span>
          <Link to={demo.data?.accounts.length ? '/public/complaints?district=demo' : '/public/complaints'} data-testid="public-complaints-link">
            {t('login.publicComplaints')}
          </Link>
        </div>
        {!!demo.data?.accounts.length && (
          <Panel small title={t('login.demo', { password: demo.data.accounts[0]!.password })} extra={t('login.demoHint')}>
            {demo.data.accounts.map((a, i, all) => (
              <div
                key={a.username}
                role="button"
                tabIndex={0}
                onClick={() => set({ username: a.username, password: a.password })}
                onKeyDown={(e) => e.key === 'Enter' && set({ username: a.username, password: a.password })}
                style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '8px 16px', cursor: 'pointer', borderBlockEnd: i < all.length - 1 ? `1px solid ${token.colorSplit}` : undefined }}
                data-testid={`demo-${a.username}`}
              >
                <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  <code style={code}>{a.username}</code>
                  <span>{a.name}</span>
                </span>
                <Tag color="blue">{roleLabels[a.role][locale]}</Tag>
              </div>
            ))}
          </Panel>
        )}
      </div>
    </div>
  );
}
