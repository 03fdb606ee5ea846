/** 系统设置 (系统管理员) and the security policy (安全管理员 reads it too): the running settings, read-only. */
import { type Role, roleLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Tag } from 'antd';
import { api } from '../api';
import { useI18n } from '../i18n';
import './messages';

type Settings = {
  demo: boolean;
  lockout: { attempts: number; minutes: number };
  session: { idleMinutes: number; absoluteHours: number };
  loginRateMax: number;
  secondFactor: { roles: Role[]; stepUpMinutes: number; secretsSealed: boolean; stepUpActions: string[] };
  dataDir: string | null;
  database: string;
};

export default function SettingsPage() {
  const { t, locale } = useI18n();
  const { data: s } = useQuery({ queryKey: ['system', 'settings'], queryFn: () => api.get<Settings>('/api/system/settings') });
  return (
    <Card title={t('system.settings.title')}>
      {s && (
        <Descriptions column={1} bordered size="small" data-testid="system-settings">
          <Descriptions.Item label="DEMO">{s.demo ? '1（演示模式：演示账号可不绑定二次验证）' : '0'}</Descriptions.Item>
          <Descriptions.Item label="数据库">{s.database}{s.dataDir ? `（${s.dataDir}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="连续输错锁定">{`${s.lockout.attempts} 次（密码或验证码）→ 锁定 ${s.lockout.minutes} 分钟`}</Descriptions.Item>
          <Descriptions.Item label="会话">{`空闲 ${s.session.idleMinutes} 分钟，最长 ${s.session.absoluteHours} 小时`}</Descriptions.Item>
          <Descriptions.Item label="登录频率">{`每地址每分钟 ${s.loginRateMax} 次`}</Descriptions.Item>
          <Descriptions.Item label="必须二次验证的角色">{s.secondFactor.roles.map((r) => <Tag key={r}>{roleLabels[r][locale]}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label="再次验证">{`${s.secondFactor.stepUpMinutes} 分钟内有效：${s.secondFactor.stepUpActions.join('、')}`}</Descriptions.Item>
          <Descriptions.Item label="密钥存储">{s.secondFactor.secretsSealed ? '以数据密钥加密（AES-256-GCM）' : '未加载数据密钥：明文存储'}</Descriptions.Item>
          <Descriptions.Item label="备份">npm run backup / npm run restore（见 README）</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
