/** My visits, newest first; the follow-ups still open (overdue ones marked) with 跟进完成. */
import type { Visit } from '@shuangjian/contracts';
import { Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useMyVisits, useVisitWrites } from './queries';

const MODE_COLORS: Record<Visit['mode'], string> = { home: 'blue', phone: 'cyan', video: 'purple', school: 'gold' };
const openFollowUp = (v: Visit) => !!v.followUp && !v.followUpDoneAt;

function VisitItem({ visit: v, today }: { visit: Visit; today: string }) {
  const { t } = useI18n();
  const writes = useVisitWrites();
  const done = useSaveMutation({ form: null, mutationFn: () => writes.followUpDone(v.id), saved: t('hs.visits.followUpMarked') });
  const overdue = openFollowUp(v) && !!v.followUpDue && v.followUpDue < today;
  return (
    <List.Item data-testid="visit-item">
      <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>
            {v.studentName} <Typography.Text type="secondary">· {v.className}</Typography.Text>
          </Typography.Text>
          <Tag color={MODE_COLORS[v.mode]} style={{ marginInlineEnd: 0 }}>
            {t(`hs.visits.mode.${v.mode}`)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {v.date} · {t('hs.visits.metLine', { relation: t(`hs.visits.rel.${v.metRelation}`), name: v.metName })} · {v.topics.map((x) => t(`hs.visits.topic.${x}`)).join('、')}
          {v.topicText ? `、${v.topicText}` : ''}
        </Typography.Text>
        {v.notes && (
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '…' }} style={{ margin: 0, fontSize: 13 }}>
            {v.notes}
          </Typography.Paragraph>
        )}
        {v.followUp && (
          <Flex justify="space-between" align="center" gap={8} wrap data-testid="visit-follow-up-line">
            <Typography.Text style={{ fontSize: 13, minWidth: 0 }}>
              {t('hs.visits.followUpLine', { text: v.followUp })}
              {v.followUpDue && <Typography.Text type="secondary"> （{t('hs.visits.dueBy', { date: v.followUpDue })}）</Typography.Text>}
            </Typography.Text>
            {v.followUpDoneAt ? (
              <Tag color="green">{t('hs.visits.followUpDoneAt')}</Tag>
            ) : (
              <Flex gap={4} align="center">
                {overdue && <Tag color="red">{t('hs.visits.overdue')}</Tag>}
                <Button size="small" type="primary" ghost loading={done.isPending} onClick={() => done.mutate(undefined)} data-testid="visit-follow-up-done">
                  {t('hs.visits.followUpDone')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

export function VisitList({ today }: { today: string }) {
  const { t } = useI18n();
  const q = useMyVisits();
  const [show, setShow] = useState<'all' | 'open'>('all');
  const items = q.data?.items ?? [];
  const open = items.filter(openFollowUp);
  // follow-ups due soonest first
  const shown = show === 'open' ? [...open].sort((a, b) => (a.followUpDue ?? '9999').localeCompare(b.followUpDue ?? '9999')) : items;
  return (
    <Card
      size="small"
      title={t('hs.visits.mine')}
      extra={
        <Segmented<'all' | 'open'>
          size="small"
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('hs.visits.filter.all') },
            { value: 'open', label: t('hs.visits.filter.open', { n: open.length }) },
          ]}
          data-testid="visits-filter"
        />
      }
      data-testid="visits-mine"
    >
      <QueryError error={q.error} />
      <List
        size="small"
        loading={q.isLoading}
        dataSource={shown}
        rowKey="id"
        locale={{ emptyText: t('hs.visits.none') }}
        pagination={shown.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={(v) => <VisitItem visit={v} today={today} />}
      />
    </Card>
  );
}
