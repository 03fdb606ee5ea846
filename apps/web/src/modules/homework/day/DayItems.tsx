/** The day's items with their status, notes and (class teacher) adjustments, and the day's own buttons: submit, approve, return. */
import { Button, Card, Empty, Flex, Grid, Popconfirm, Space, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ClassDayRow, Item } from '../components/model';
import { ItemStatusTag, ItemTags } from '../components/tags';
import { submitBlock } from './blockers';
import { type Action, Actions, ItemContent, ItemNotes, Minutes } from './ItemParts';

export function DayItems({
  day,
  coordinator,
  approver,
  canSubmit,
  approving,
  onSubmit,
  onApprove,
  onReturn,
  onAdjust,
}: {
  day: ClassDayRow;
  coordinator: boolean;
  approver: boolean;
  canSubmit: boolean;
  approving: boolean;
  onSubmit(): void;
  onApprove(): void;
  onReturn(): void;
  onAdjust(item: Item, action: Action): void;
}) {
  const { t } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  const block = submitBlock(day);
  return (
    <Card
      size="small"
      title={t('hw.day.items')}
      extra={
        <Space wrap>
          {coordinator && day.status === 'open' && (
            // a day that cannot go says what must happen first, instead of offering a submit that would be refused
            <Button
              type="primary"
              danger={!!block && block.kind !== 'empty'}
              disabled={!canSubmit || !!block}
              onClick={onSubmit}
              data-testid="submit-day"
              data-blocked={block?.kind ?? ''}
              style={block ? { whiteSpace: 'normal', height: 'auto', minHeight: 32, textAlign: 'left' } : undefined}
            >
              {block ? t(`hwr.block.${block.kind}`, block.kind === 'over' ? { n: block.minutes } : block.kind === 'rules' ? { n: block.count } : block.kind === 'pending' ? { n: block.count, subjects: block.subjects } : {}) : day.settings.schoolApproval ? t('hw.day.submit') : t('hw.day.submitPublish')}
            </Button>
          )}
          {approver && day.status === 'pending_approval' && (
            <>
              <Popconfirm title={t('hw.day.approveConfirm')} onConfirm={onApprove} okButtonProps={{ loading: approving }}>
                <Button type="primary" loading={approving} data-testid="approve-day">
                  {t('hw.day.approve')}
                </Button>
              </Popconfirm>
              <Button danger onClick={onReturn} data-testid="return-day">
                {t('hw.day.return')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      {day.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hw.day.noItems')} />
      ) : mobile ? (
        <Flex vertical gap={10}>
          {day.items.map((i) => (
            <div
              key={i.id}
              data-testid="day-item"
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10, opacity: i.status === 'dropped' || i.status === 'returned' ? 0.55 : 1 }}
            >
              <Flex justify="space-between" align="baseline" gap={8}>
                <span>
                  <Typography.Text strong>{i.subjectName}</Typography.Text>
                  <Typography.Text type="secondary"> · {i.teacherName}</Typography.Text>
                </span>
                <Minutes item={i} />
              </Flex>
              <ItemContent item={i} />
              <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
                <ItemTags item={i} />
                <ItemStatusTag status={i.status} dayStatus={day.status} />
              </Flex>
              <ItemNotes item={i} />
              {coordinator && <Actions item={i} onAdjust={(a) => onAdjust(i, a)} />}
            </div>
          ))}
        </Flex>
      ) : (
        <Table<Item>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={day.items}
          scroll={{ x: 1000 }}
          onRow={(i) => ({ style: i.status === 'dropped' || i.status === 'returned' ? { opacity: 0.55 } : undefined })}
          columns={[
            { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 80 },
            {
              title: t('hw.field.content'),
              key: 'content',
              render: (_: unknown, i) => (
                <div style={{ minWidth: 200 }}>
                  <ItemContent item={i} />
                </div>
              ),
            },
            { title: t('hw.field.kind'), key: 'tags', width: 190, render: (_: unknown, i) => <ItemTags item={i} /> },
            {
              title: t('hw.field.minutes'),
              dataIndex: 'minutes',
              width: 90,
              align: 'right',
              render: (_: number, i) => <Minutes item={i} />,
            },
            { title: t('hw.field.status'), dataIndex: 'status', width: 120, render: (s: Item['status']) => <ItemStatusTag status={s} dayStatus={day.status} /> },
            {
              title: t('hw.day.notes'),
              key: 'notes',
              width: 180,
              render: (_: unknown, i) => <ItemNotes item={i} />,
            },
            ...(coordinator
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 200,
                    render: (_: unknown, i: Item) => <Actions item={i} onAdjust={(a) => onAdjust(i, a)} />,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
