/** The header's bell: unread notifications and the latest messages with their links. */
import { BellOutlined } from '@ant-design/icons';
import type { NotificationList } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { formatDateTime } from '../components/format';
import { api } from './api';
import { useT } from './i18n';
import { useTimeZone } from './auth';

type NotificationPage = z.infer<typeof NotificationList>;

/**
 * The bell: unread count (refreshed every minute), the latest messages with their links, mark one or all read. Not
 * asked while the password must be changed first (the server answers nothing else then).
 */
export function NotificationBell({ compact, enabled }: { compact?: boolean; enabled: boolean }) {
  const tz = useTimeZone();
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<NotificationPage>('/api/notifications'), refetchInterval: 60_000, enabled });
  const read = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => api.post<NotificationPage>('/api/notifications/read', body),
    onSuccess: (next) => client.setQueryData(['notifications'], next),
  });
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: compact ? 'min(320px, calc(100vw - 32px))' : 360, maxHeight: 440, overflowY: 'auto' }} data-testid="notifications">
      {!list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical>
          {list.data.items.map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              data-testid="notification"
              onClick={() => {
                if (!n.readAt) read.mutate({ ids: [n.id] });
                setOpen(false);
                if (n.link) void navigate(n.link);
              }}
              onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLElement).click()}
              style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff' }}
            >
              <Flex gap={6} align="baseline">
                {!n.readAt && <Badge status="processing" />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </Flex>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt, tz)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      // on a phone the bell sits mid-header: centred below it and shifted to stay on the screen
      placement={compact ? 'bottom' : 'bottomRight'}
      content={content}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          <Button type="link" size="small" disabled={!unread} loading={read.isPending} onClick={() => read.mutate({ all: true })} data-testid="notifications-read-all">
            {t('notifications.readAll')}
          </Button>
        </Flex>
      }
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
