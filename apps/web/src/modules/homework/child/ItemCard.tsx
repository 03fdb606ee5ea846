/** One published item on the day tab: subject, minutes, content, tags, links and attachments, teacher. */
import { ClockCircleOutlined, DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { ItemTags } from '../components/tags';
import type { ListItem } from './types';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `mark`: how the teacher marked it (批改), once recorded. */
export function ItemCard({ item, mark }: { item: ListItem; mark?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="child-item" styles={{ body: { padding: 14 } }}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {item.subjectName}
        </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          <ClockCircleOutlined /> {t('hwv.minutes', { n: item.minutes })}
        </Typography.Text>
      </Flex>
      {item.title && (
        <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
          {item.title}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ margin: '6px 0', fontSize: 15, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.content}</Typography.Paragraph>
      <ItemTags item={item} />
      {mark}
      {(item.links.length > 0 || item.attachments.length > 0) && (
        <Space orientation="vertical" size={4} style={{ marginTop: 8, width: '100%' }}>
          {item.links.map((href) => (
            <a key={href} href={href} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
              <LinkOutlined /> {href}
            </a>
          ))}
          {item.attachments.map((a) => (
            <a key={a.id} href={`/api/homework/attachments/${a.id}`} download={a.name} style={{ overflowWrap: 'anywhere' }}>
              <DownloadOutlined /> {a.name} <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text>
            </a>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {t('hwv.child.teacher', { name: item.teacherName })}
      </Typography.Text>
    </Card>
  );
}
