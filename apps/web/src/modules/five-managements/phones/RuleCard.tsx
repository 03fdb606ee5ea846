/** The school's phone rule as parents read it, with the class teacher's hotline (a tap to call). */
import type { PhoneFamily } from '@shuangjian/contracts';
import { Alert, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';

export function RuleCard({ rule, hotline }: Pick<PhoneFamily, 'rule' | 'hotline'>) {
  const { t } = useI18n();
  return (
    <Alert
      type={rule.value === 'ban' ? 'warning' : 'info'}
      style={{ marginBottom: 12 }}
      data-testid="phone-rule"
      title={t('five.phones.rule')}
      description={
        <>
          <div style={{ fontSize: 13 }}>{rule.text}</div>
          <div style={{ marginTop: 8 }}>
            <Typography.Text strong>
              <PhoneOutlined /> {t('five.phones.hotline')}（{hotline.className}
              {hotline.teacherName ? ` ${hotline.teacherName}` : ''}）：
            </Typography.Text>
            {hotline.phone ? (
              <a href={`tel:${hotline.phone}`} data-testid="phone-hotline">
                {hotline.phone}
              </a>
            ) : (
              <Typography.Text type="secondary">{t('five.phones.hotlineNone')}</Typography.Text>
            )}
          </div>
          <div style={{ fontSize: 11, color: '#888', marginTop: 4 }}>{t('five.phones.ruleCite', { version: rule.policyVersions ?? t('five.phones.ruleDefault') })}</div>
        </>
      }
    />
  );
}
