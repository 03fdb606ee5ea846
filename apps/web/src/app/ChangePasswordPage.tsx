/** Change password: forced after first sign-in or a reset; the rule is checked live from the shared policy. */
import { checkPassword, passwordRuleText } from '@shuangjian/policy';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, ApiError } from './api';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { useMessage } from './message';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const message = useMessage();
  const navigate = useNavigate();
  const client = useQueryClient();

  const submit = async (v: Values) => {
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      await client.invalidateQueries({ queryKey: ['me'] });
      void navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        const field = (e.details as { field?: string; fields?: { field: string }[] } | undefined)?.field ?? (e.details as { fields?: { field: string }[] })?.fields?.[0]?.field;
        form.setFields([{ name: field === 'currentPassword' ? 'currentPassword' : 'newPassword', errors: [e.message] }]);
      }
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '4vh 12px' }}>
      <Card title={t('password.title')} style={{ width: '100%', maxWidth: 440 }}>
        {me?.mustChangePassword && <Alert type="info" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{passwordRuleText[locale]}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[
              { required: true },
              { validator: (_, v: string) => (!v || checkPassword(v).ok ? Promise.resolve() : Promise.reject(new Error(passwordRuleText[locale]))) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v: string) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
