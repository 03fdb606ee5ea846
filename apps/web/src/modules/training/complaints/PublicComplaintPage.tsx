/** Public, no sign-in (a phone first): the complaint form of a district; after filing, the ticket code big with a copy button. */
import type { ComplaintFiled } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { ComplaintForm } from './ComplaintForm';
import { filePublic, usePublicInstitutions } from './queries';

export function PublicFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px 32px' }}>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 560, margin: '0 auto', display: 'flex' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Button type="link" size="small" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('shell.language')}
          </Button>
        </Flex>
        {children}
      </Space>
    </div>
  );
}

function Filed({ filed, onAgain }: { filed: ComplaintFiled; onAgain: () => void }) {
  const { t } = useI18n();
  return (
    <Card data-testid="complaint-filed">
      <Result
        status="success"
        title={t('training.complaints.filed.title')}
        subTitle={t('training.complaints.filed.deadline', { date: filed.deadline })}
        style={{ padding: '8px 0' }}
      />
      <div style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('training.complaints.filed.code')}</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: filed.code }}
          style={{ fontSize: 32, fontWeight: 600, letterSpacing: 4, fontFamily: 'monospace', margin: '4px 0 8px' }}
          data-testid="complaint-code"
        >
          {filed.code}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('training.complaints.filed.keep')} style={{ textAlign: 'left', marginBottom: 16 }} />
        <Space wrap style={{ justifyContent: 'center' }}>
          <Link to={`/public/complaints/track?code=${filed.code}`}>
            <Button type="primary" size="large" data-testid="complaint-track-link">
              {t('training.complaints.filed.track')}
            </Button>
          </Link>
          <Button size="large" onClick={onAgain}>
            {t('training.complaints.filed.again')}
          </Button>
        </Space>
      </div>
    </Card>
  );
}

export default function PublicComplaintPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const district = params.get('district')?.trim() || undefined;
  const list = usePublicInstitutions(district);
  const [filed, setFiled] = useState<ComplaintFiled | null>(null);
  return (
    <PublicFrame title={t('training.complaints.public.title')}>
      {filed ? (
        <Filed filed={filed} onAgain={() => setFiled(null)} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('training.complaints.public.intro')}</Typography.Text>
          {(!district || list.error) && (
            <Card size="small">
              <Form layout="inline" initialValues={{ district }} onFinish={(v: { district: string }) => setParams({ district: v.district.trim() })}>
                <Form.Item name="district" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                  <Input placeholder={t('training.complaints.public.districtCode')} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('common.search')}
                </Button>
              </Form>
            </Card>
          )}
          {list.error && <Alert type="error" showIcon title={list.error instanceof ApiError ? list.error.message : String(list.error)} />}
          {list.isLoading && <PageSpinner />}
          {list.data && district && (
            <Card size="small">
              <ComplaintForm institutions={list.data} phoneRequired submit={(body) => filePublic(district, body)} onFiled={(r) => setFiled(r as ComplaintFiled)} />
            </Card>
          )}
        </>
      )}
      <Flex justify="center" gap={16} wrap>
        <Link to="/public/complaints/track" data-testid="public-track-link">
          {t('training.complaints.public.track')}
        </Link>
        <Link to={district ? `/public/institutions?district=${district}` : '/public/institutions'}>{t('training.complaints.public.list')}</Link>
        <Link to="/login">{t('training.complaints.public.signIn')}</Link>
      </Flex>
    </PublicFrame>
  );
}
