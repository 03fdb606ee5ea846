/**
 * Sign-in: username or phone plus password; lists the demo accounts when the demo district is loaded. The first page a
 * newcomer loads, so it stays light: plain panels instead of antd's Card and List (which bring tabs, pagination and
 * select along).
 */
import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { type DemoAccounts, roleLabels } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Tag, theme, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from './api';
import { meQuery } from './auth';
import { useI18n } from './i18n';

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
        {extra && <span style={{ fontWeight: 'normal', fontSize: token.fontSize }}>{extra}</span>}
      </header>
      <div style={{ padding: small ? 0 : pad }}>{children}</div>
    </section>
  );
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const demo = useQuery({ queryKey: ['demo-accounts'], queryFn: () => api.get<z.infer<typeof DemoAccounts>>('/api/auth/demo-accounts') });

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ mustChangePassword: boolean }>('/api/auth/login', values);
      // the person into the cache before leaving: a page opened while signed out left a 401 there, and the shell
      // must not read it as "still signed out"
      await client.fetchQuery({ ...meQuery, staleTime: 0 });
      void navigate(res.mustChangePassword ? '/password' : returnTo(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)', display: 'flex', justifyContent: 'center', padding: '6vh 12px' }}>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
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
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Panel>
        <div style={{ textAlign: 'center' }}>
          {/* the demo district's code is "demo"; elsewhere the page asks for the district code */}
          <Link to={demo.data?.accounts.length ? '/public/institutions?district=demo' : '/public/institutions'} data-testid="public-institutions-link">
            <SafetyCertificateOutlined /> {t('login.publicInstitutions')}
          </Link>
        </div>
        {!!demo.data?.accounts.length && (
          <Panel small title={t('login.demo', { password: demo.data.accounts[0]!.password })} extra={<Typography.Text type="secondary">{t('login.demoHint')}</Typography.Text>}>
            {demo.data.accounts.map((a, i) => (
              <div
                key={a.username}
                role="button"
                tabIndex={0}
                onClick={() => form.setFieldsValue({ username: a.username, password: a.password })}
                onKeyDown={(e) => e.key === 'Enter' && form.setFieldsValue({ username: a.username, password: a.password })}
                style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '8px 16px', cursor: 'pointer', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined }}
                data-testid={`demo-${a.username}`}
              >
                <Space>
                  <Typography.Text code>{a.username}</Typography.Text>
                  <span>{a.name}</span>
                </Space>
                <Tag color="blue">{roleLabels[a.role][locale]}</Tag>
              </div>
            ))}
          </Panel>
        )}
      </Space>
    </div>
  );
}
