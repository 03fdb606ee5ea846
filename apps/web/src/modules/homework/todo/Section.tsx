/** What the to-do page's sections share: the card with its count, the ticked items, an item's content cell. */
import { Badge, Card, Empty, Space, Typography } from 'antd';
import { type Key, type ReactNode, useState } from 'react';
import { ItemLinks } from '../components/ItemLinks';
import type { Item } from '../components/model';

/** A card of one kind of work: its count in the title, and `empty` instead of the list when there is none. */
export function Section({
  id,
  title,
  rows,
  loading,
  empty,
  extra,
  above,
  children,
}: {
  id: string;
  title: string;
  rows: unknown[] | undefined;
  loading: boolean;
  empty: string;
  extra?: ReactNode;
  /** Above the list (or the empty note): what the last action did. */
  above?: ReactNode;
  children: ReactNode;
}) {
  const count = rows?.length;
  return (
    <Card
      id={id}
      data-testid={`todo-${id}`}
      loading={loading}
      title={
        <Space>
          {title}
          <Badge count={count ?? 0} showZero color={count ? '#fa541c' : '#d9d9d9'} />
        </Space>
      }
      extra={extra}
    >
      {above}
      {rows && rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children}
    </Card>
  );
}

/** The items ticked in a section's table; items that left the list (handed on, decided) leave the selection too. */
export function useSelection(rows: Item[] | undefined) {
  const [selected, setSelected] = useState<string[]>([]);
  const ids = new Set(rows?.map((r) => r.id));
  const chosen = selected.filter((s) => ids.has(s));
  return { chosen, setSelected, rowSelection: { selectedRowKeys: chosen, onChange: (keys: Key[]) => setSelected(keys.map(String)) } };
}

export function ContentCell({ item }: { item: Item }) {
  return (
    <div style={{ minWidth: 200 }}>
      {item.title && <Typography.Text strong>{item.title}：</Typography.Text>}
      <Typography.Text>{item.content}</Typography.Text>
      <ItemLinks item={item} />
    </div>
  );
}
