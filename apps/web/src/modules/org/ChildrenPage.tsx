/** A parent's children, phone first: one card each; tapping one shows the child's school record and guardians, and the download of the child's data. */
import { DownloadOutlined, LeftOutlined, PhoneOutlined, RightOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Avatar, Button, Card, Descriptions, Empty, Flex, Result, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api';
import { useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { PageSpinner } from '../../components/PageSpinner';
import type { StudentDetailRow } from './queries';
import { IdentityValue } from './StudentTags';

function ChildDetail({ id }: { id: string }) {
  const t = useT();
  const child = useQuery({ queryKey: ['student', id], queryFn: () => api.get<StudentDetailRow>(`/api/students/${id}`), retry: false });
  if (child.isLoading) return <PageSpinner />;
  if (child.error || !child.data)
    return (
      <Result
        status="warning"
        title={child.error instanceof ApiError ? child.error.message : t('org.children.notFound')}
        extra={
          <Link to="/children">
            <Button>{t('org.children.back')}</Button>
          </Link>
        }
        data-testid="child-refused"
      />
    );
  const s = child.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="child-detail">
      <Card>
        <Flex align="center" gap={12}>
          <Avatar size={48} style={{ background: s.gender === 'F' ? '#eb2f96' : '#1677ff', flex: 'none' }}>
            {s.name.slice(-1)}
          </Avatar>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {s.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {s.schoolName} · {s.className}
            </Typography.Text>
          </div>
        </Flex>
      </Card>
      <Card size="small" title={t('org.children.record')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'no', label: t('org.student.no'), children: s.studentNo },
            { key: 'gender', label: t('org.student.gender'), children: t(`org.gender.${s.gender}`) },
            { key: 'birth', label: t('org.student.birthDate'), children: s.birthDate },
            { key: 'idNumber', label: t('org.student.idNumber'), children: <IdentityValue value={s.idNumber} masked={s.identityMasked} /> },
            { key: 'address', label: t('org.student.address'), children: <IdentityValue value={s.address} masked={s.identityMasked} /> },
            { key: 'school', label: t('org.school.name'), children: s.schoolName },
            { key: 'class', label: t('org.student.class'), children: s.className },
          ]}
        />
      </Card>
      <Card size="small" title={t('org.guardians.title')}>
        {!s.guardians?.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.guardians.none')} />
        ) : (
          <Space orientation="vertical" size={10} style={{ width: '100%' }}>
            {s.guardians.map((g) => (
              <Flex key={g.id} justify="space-between" align="center" gap={8}>
                <Space>
                  <UserOutlined />
                  <Typography.Text strong>{g.name}</Typography.Text>
                  <Tag>{g.relation}</Tag>
                </Space>
                <a href={`tel:${g.phone}`}>
                  <PhoneOutlined /> {g.phone}
                </a>
              </Flex>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('org.children.myData')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('org.children.myDataHint')}
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={`/api/personal-data/children/${s.id}`} download data-testid="child-data-download">
          {t('org.children.download')}
        </Button>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <SafetyCertificateOutlined /> {t('org.children.privacy')}
      </Typography.Text>
    </Space>
  );
}

export default function ChildrenPage() {
  const t = useT();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const selected = params.get('child');

  if (selected)
    return (
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Link to="/children">
          <Button type="text" icon={<LeftOutlined />} style={{ marginBottom: 8, paddingInline: 4 }}>
            {t('org.children.back')}
          </Button>
        </Link>
        <ChildDetail id={selected} />
      </div>
    );

  const children = me?.children ?? [];
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.children')}
      </Typography.Title>
      {children.length === 0 ? (
        <Empty description={t('org.children.none')} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {children.map((c) => (
            <Link key={c.id} to={`/children?child=${c.id}`} data-testid="child-card">
              <Card hoverable styles={{ body: { padding: 16 } }}>
                <Flex align="center" gap={12}>
                  <Avatar size={44} style={{ background: '#1677ff', flex: 'none' }}>
                    {c.name.slice(-1)}
                  </Avatar>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {c.name}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{c.schoolName}</Typography.Text>
                    </div>
                    <Tag color="blue" style={{ marginTop: 4 }}>
                      {c.className}
                    </Tag>
                  </div>
                  <RightOutlined style={{ color: '#bfbfbf' }} />
                </Flex>
              </Card>
            </Link>
          ))}
        </Space>
      )}
    </div>
  );
}
