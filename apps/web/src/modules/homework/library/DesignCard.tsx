/** A design in the library's grid: title, subject and grade, the start of its content, tags; a ribbon when excellent. */
import { FolderOpenOutlined } from '@ant-design/icons';
import { gradeNames } from '@shuangjian/contracts';
import { Badge, Card, Flex, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { LayerTag, TypeTag } from '../components/tags';
import type { DesignRow } from './types';

export function DesignCard({ d, onOpen }: { d: DesignRow; onOpen(): void }) {
  const { t } = useI18n();
  const card = (
    <Card hoverable onClick={onOpen} data-testid="design-card" style={{ height: '100%' }} styles={{ body: { padding: 16 } }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 4, paddingInlineEnd: d.excellent ? 40 : 0 }}>
        {d.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[d.subjectName, gradeNames[d.grade], d.unit].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '8px 0', color: '#595959' }}>
        {d.content}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Space size={0} wrap>
          <TypeTag type={d.type} />
          <LayerTag layer={d.layer} />
        </Space>
        <Typography.Text>{t('hwv.minutes', { n: d.minutes })}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {d.authorName}
        {d.schoolName ? ` · ${d.schoolName}` : ''}
      </Typography.Text>
      {d.collections.length > 0 && (
        <Space size={[0, 4]} wrap style={{ marginTop: 6 }}>
          {d.collections.map((c) => (
            <Tag key={c.id} icon={<FolderOpenOutlined />} color="blue">
              {c.name}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
  return d.excellent ? (
    <Badge.Ribbon text={t('hwv.library.excellent')} color="gold">
      {card}
    </Badge.Ribbon>
  ) : (
    card
  );
}
