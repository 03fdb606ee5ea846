/** Sign-in: username or phone plus password; lists the demo accounts when the demo district is loaded. */
import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { type DemoAccounts, roleLabels } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from './api';
import { useI18n } from './i18n';

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const demo = useQuery({ queryKey: ['demo-accounts'], queryFn: () => api.get<z.infer<typeof DemoAccounts>>('/api/auth/demo-accounts') });

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ mustChangePassword: boolean }>('/api/auth/login', values);
      await client.invalidateQueries({ queryKey: ['me'] });
      void navigate(res.mustChangePassword ? '/password' : '/', { replace: true });
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
        <Card title={t('login.title')}>
          {error && (
            <Alert
              type={error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
              title={error.code === 'ACCOUNT_LOCKED' ? t('login.locked') : undefined}
              description={
                typeof (error.details as { remainingAttempts?: unknown } | undefined)?.remainingAttempts === 'number'
                  ? `${error.message}${t('login.remaining', { n: (error.details as { remainingAttempts: number }).remainingAttempts })}`
                  : error.message
              }
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
        </Card>
        <div style={{ textAlign: 'center' }}>
          {/* the demo district's code is "demo"; elsewhere the page asks for the district code */}
          <Link to={demo.data?.accounts.length ? '/public/institutions?district=demo' : '/public/institutions'} data-testid="public-institutions-link">
            <SafetyCertificateOutlined /> {t('org.public.link')}
          </Link>
        </div>
        {!!demo.data?.accounts.length && (
          <Card size="small" title={t('login.demo', { password: demo.data.accounts[0]!.password })} extra={<Typography.Text type="secondary">{t('login.demoHint')}</Typography.Text>}>
            <List
              size="small"
              dataSource={demo.data.accounts}
              renderItem={(a) => (
                <List.Item
                  style={{ cursor: 'pointer' }}
                  onClick={() => form.setFieldsValue({ username: a.username, password: a.password })}
                  data-testid={`demo-${a.username}`}
                >
                  <Space>
                    <Typography.Text code>{a.username}</Typography.Text>
                    <span>{a.name}</span>
                  </Space>
                  <Tag color="blue">{roleLabels[a.role][locale]}</Tag>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
