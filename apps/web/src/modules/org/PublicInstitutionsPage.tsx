/** Public, no sign-in: the district's white list and black list of off-campus training institutions, for parents on a phone. */
import { CheckCircleFilled, EnvironmentOutlined, StopFilled } from '@ant-design/icons';
import type { PublicInstitution } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { PageSpinner } from '../../components/PageSpinner';

type Row = z.infer<typeof PublicInstitution>;

function InstitutionCard({ row }: { row: Row }) {
  const { t } = useI18n();
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid={`institution-${row.listStatus}`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {row.name}
        </Typography.Text>
        <Tag color={row.category === 'subject' ? 'geekblue' : 'cyan'} style={{ marginInlineEnd: 0 }}>
          {t(`org.institution.category.${row.category}`)}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
        {t('org.institution.field')}：{row.field} · {row.zoneName}
        <br />
        {t('org.institution.licenseNo')}：{row.licenseNo}
        {row.address && (
          <>
            <br />
            <EnvironmentOutlined /> {row.address}
          </>
        )}
      </Typography.Paragraph>
    </Card>
  );
}

const LISTS = {
  white: <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />,
  black: <StopFilled style={{ color: '#ff4d4f', fontSize: 18 }} />,
};

/** The white list or the black list: its count, what it means, its institutions. */
function ListSection({ kind, rows }: { kind: keyof typeof LISTS; rows: Row[] }) {
  const { t } = useI18n();
  return (
    <section data-testid={`${kind}-list`}>
      <Flex align="center" gap={6} style={{ marginBottom: 8 }}>
        {LISTS[kind]}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(`org.public.${kind}`, { n: rows.length })}
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(`org.public.${kind}Hint`)}
      </Typography.Paragraph>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {rows.length ? rows.map((i) => <InstitutionCard key={i.id} row={i} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Space>
    </section>
  );
}

export default function PublicInstitutionsPage() {
  const { t, locale, setLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const district = params.get('district')?.trim() || undefined;
  const list = useQuery({
    queryKey: ['public-institutions', district],
    queryFn: () => api.get<Row[]>(`/api/public/districts/${encodeURIComponent(district!)}/institutions`),
    enabled: !!district,
    retry: false,
  });
  const white = list.data?.filter((i) => i.listStatus === 'white') ?? [];
  const black = list.data?.filter((i) => i.listStatus === 'black') ?? [];

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px 32px' }}>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('org.public.title')}
          </Typography.Title>
          <Button type="link" size="small" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('shell.language')}
          </Button>
        </Flex>
        <Typography.Text type="secondary">{t('org.public.intro')}</Typography.Text>
        {(!district || list.error) && (
          <Card size="small">
            <Form layout="inline" initialValues={{ district }} onFinish={(v: { district: string }) => setParams({ district: v.district.trim() })}>
              <Form.Item name="district" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                <Input placeholder={t('org.public.districtCode')} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
            </Form>
          </Card>
        )}
        {list.isLoading && <PageSpinner />}
        {list.error && <Alert type="error" showIcon title={list.error instanceof ApiError ? list.error.message : String(list.error)} />}
        {list.data && (
          <>
            <ListSection kind="white" rows={white} />
            <ListSection kind="black" rows={black} />
          </>
        )}
        <div style={{ textAlign: 'center' }}>
          <Link to={district ? `/public/complaints?district=${encodeURIComponent(district)}` : '/public/complaints'} data-testid="public-complaints-link">
            {t('training.complaints.public.fileLink')}
          </Link>
          <span style={{ margin: '0 8px', color: '#bbb' }}>|</span>
          <Link to="/login">{t('org.public.signIn')}</Link>
        </div>
      </Space>
    </div>
  );
}
