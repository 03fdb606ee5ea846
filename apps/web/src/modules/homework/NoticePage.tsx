/**
 * 作业公示: the printable public notice of one class's published list for a day (the latest version, or ?version=n),
 * read by parents on a phone and printed by the school. The published list is an immutable record.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { homeworkTypeLabels, layerLabels } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Grid, Result, Space, Table, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { PageSpinner } from '../../components/PageSpinner';
import { ItemLinks } from './components/ItemLinks';
import { formatDay, hwKey, type PublishedListRow } from './components/model';
import './print.css';
import { useTimeZone } from '../../app/auth';

type NoticeItem = PublishedListRow['items'][number];

export default function NoticePage() {
  const tz = useTimeZone();
  const { classId = '', date = '' } = useParams();
  const [params] = useSearchParams();
  const version = params.get('version');
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const mobile = !Grid.useBreakpoint().md;
  const notice = useQuery({
    queryKey: hwKey('notice', classId, date, version),
    queryFn: () => api.get<PublishedListRow>(`/api/homework/notice/${classId}/${date}${version ? `?version=${version}` : ''}`),
    retry: false,
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} className="hw-no-print">
      {t('common.back')}
    </Button>
  );
  if (notice.isLoading) return <PageSpinner />;
  if (notice.error || !notice.data) {
    const missing = notice.error instanceof ApiError && notice.error.status === 404;
    return <Result status={missing ? 'info' : 'error'} title={missing ? t('hw.notice.missing') : notice.error?.message} subTitle={missing ? formatDay(date, locale, true) : undefined} extra={back} />;
  }
  const n = notice.data;
  const typeLabel = (i: NoticeItem) => homeworkTypeLabels[i.type][locale];
  const layerLabel = (i: NoticeItem) => layerLabels[i.layer][locale];
  const placeLabel = (i: NoticeItem) => t(`hw.place.${i.place}`);
  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }} className="hw-no-print">
        {back}
        <Space wrap>
          {version && <Link to={`/homework/notice/${classId}/${date}`}>{t('hw.notice.latest')}</Link>}
          {!version &&
            Array.from({ length: n.version - 1 }, (_, i) => i + 1).map((v) => (
              <Link key={v} to={`/homework/notice/${classId}/${date}?version=${v}`}>
                {t('hw.notice.earlier', { n: v })}
              </Link>
            ))}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
            {t('hw.notice.print')}
          </Button>
        </Space>
      </Flex>
      <Card className="hw-notice" style={{ maxWidth: 920, margin: '0 auto' }} styles={{ body: { padding: mobile ? 16 : 32 } }} data-testid="notice">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, marginBottom: 4 }}>
          {t('hw.notice.title', { school: n.schoolName })}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center', fontSize: 16 }}>
          {n.className} · {formatDay(n.date, locale, true)} · {t(`hw.dayKind.${n.dayKind}`)}
        </Typography.Paragraph>
        {n.version > 1 && n.reason && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hw.notice.corrected', { n: n.version })} description={`${t('hw.day.correctionReason')}：${n.reason}`} />
        )}
        {n.items.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('hw.notice.noHomework')}</Typography.Paragraph>
        ) : mobile ? (
          <Flex vertical gap={12} data-testid="notice-items">
            {n.items.map((i) => (
              <div key={i.itemId} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }} data-testid="notice-item">
                <Flex justify="space-between" align="baseline">
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {i.subjectName}
                  </Typography.Text>
                  <Typography.Text strong>{t('hw.minutes', { n: i.minutes })}</Typography.Text>
                </Flex>
                <div style={{ margin: '4px 0' }}>
                  {i.title && <Typography.Text strong>{i.title}：</Typography.Text>}
                  {i.content}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {typeLabel(i)} · {layerLabel(i)} · {placeLabel(i)} · {i.teacherName}
                </Typography.Text>
                <Attachments item={i} />
              </div>
            ))}
          </Flex>
        ) : (
          <Table<NoticeItem>
            rowKey="itemId"
            size="small"
            bordered
            pagination={false}
            dataSource={n.items}
            data-testid="notice-items"
            columns={[
              { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 96 },
              {
                title: t('hw.field.content'),
                key: 'content',
                render: (_: unknown, i) => (
                  <>
                    {i.title && <Typography.Text strong>{i.title}：</Typography.Text>}
                    {i.content}
                    <Attachments item={i} />
                  </>
                ),
              },
              { title: t('hw.field.type'), key: 'type', width: 90, render: (_: unknown, i) => typeLabel(i) },
              { title: t('hw.field.layer'), key: 'layer', width: 100, render: (_: unknown, i) => layerLabel(i) },
              { title: t('hw.field.place'), key: 'place', width: 130, render: (_: unknown, i) => placeLabel(i) },
              { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 90, align: 'right', render: (m: number) => t('hw.minutes', { n: m }) },
              { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 80 },
            ]}
          />
        )}
        <Descriptions
          size="small"
          column={mobile ? 1 : 2}
          bordered
          style={{ marginTop: 16 }}
          data-testid="notice-totals"
          items={[
            {
              key: 'written',
              label: t('hw.notice.written'),
              children: (
                <Typography.Text strong type={n.written > n.limit ? 'danger' : undefined}>
                  {t('hw.notice.writtenOf', { written: n.written, limit: n.limit })}
                </Typography.Text>
              ),
            },
            { key: 'optional', label: t('hw.notice.optional'), children: t('hw.minutes', { n: n.optional }) },
            { key: 'other', label: t('hw.notice.other'), children: t('hw.minutes', { n: n.other }) },
            { key: 'inSchool', label: t('hw.notice.inSchool'), children: t('hw.minutes', { n: n.inSchool }) },
          ]}
        />
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('hw.notice.rule', { limit: n.limit })}</Typography.Text>
          <Typography.Text type="secondary" data-testid="notice-meta">
            {t('hw.notice.meta', { version: n.version, by: n.publishedBy, at: formatDateTime(n.publishedAt, tz) })}
          </Typography.Text>
        </Flex>
        {n.version === 1 && n.reason && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('hw.day.note')}：{n.reason}
          </Typography.Paragraph>
        )}
      </Card>
    </>
  );
}

function Attachments({ item }: { item: NoticeItem }) {
  if (!item.links.length && !item.attachments.length) return null;
  return (
    <div>
      <ItemLinks item={item} />
    </div>
  );
}
