/** The library's collections (专题), each a filter; curators start a new one here. */
import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { CollectionRow } from './types';

export function CollectionList({
  collections,
  active,
  curator,
  onToggle,
  onNew,
}: {
  collections?: CollectionRow[];
  /** The collection the designs are filtered by. */
  active?: string;
  curator: boolean;
  onToggle(id: string | undefined): void;
  onNew(): void;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('hwv.library.collections')}
      size="small"
      extra={
        curator && (
          <Button size="small" icon={<PlusOutlined />} onClick={onNew} data-testid="collection-new">
            {t('common.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {collections?.length === 0 && <Typography.Text type="secondary">{t('hwv.library.noCollections')}</Typography.Text>}
        {collections?.map((c) => {
          const on = active === c.id;
          return (
            <Card
              key={c.id}
              size="small"
              hoverable
              onClick={() => onToggle(on ? undefined : c.id)}
              style={{ borderColor: on ? '#1677ff' : undefined, background: on ? '#e6f4ff' : undefined }}
              data-testid="collection"
            >
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  <FolderOpenOutlined /> {c.name}
                </Typography.Text>
                <Tag>{c.designCount}</Tag>
              </Flex>
              {c.description && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.description}
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hwv.library.createdBy', { name: c.createdBy })}
                </Typography.Text>
              </div>
            </Card>
          );
        })}
      </Space>
    </Card>
  );
}
