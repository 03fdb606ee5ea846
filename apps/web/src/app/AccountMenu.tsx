/** The header's account button: the person's roles, change password, sign out. */
import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useMe } from './auth';
import { useI18n } from './i18n';

export function AccountMenu() {
  const { data: me } = useMe();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  if (!me) return null;
  const go = (to: string) => {
    setOpen(false);
    void navigate(to);
  };
  const logout = async () => {
    setOpen(false);
    await api.post('/api/auth/logout').catch(() => undefined);
    client.clear();
    void navigate('/login');
  };
  const entry = { justifyContent: 'flex-start' } as const;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 4 } }}
      content={
        <Flex vertical style={{ minWidth: 160 }} data-testid="account-actions">
          <Typography.Text type="secondary" style={{ padding: '5px 12px' }}>
            {me.roles.map((r) => roleLabels[r][locale]).join('、')}
          </Typography.Text>
          <div style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', margin: '4px 0' }} />
          <Button type="text" icon={<KeyOutlined />} style={entry} onClick={() => go('/password')}>
            {t('shell.changePassword')}
          </Button>
          <Button type="text" icon={<SafetyOutlined />} style={entry} onClick={() => go('/security')} data-testid="account-security">
            {t('menu.security')}
          </Button>
          <Button type="text" icon={<LogoutOutlined />} style={entry} onClick={() => void logout()}>
            {t('shell.logout')}
          </Button>
        </Flex>
      }
    >
      <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
        {me.user.name}
      </Button>
    </Popover>
  );
}
