/** A day in the week and vacation lists: its date, written minutes and items, one a line; and the range query behind them. */
import type { ChildRange } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { formatDay, hwKey } from '../components/model';
import type { ListRow } from './types';

export function ListDay({ date, list, testId }: { date: string; list: ListRow | undefined; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" data-testid={testId} styles={{ body: { padding: list ? 12 : '8px 12px' } }}>
      <Flex justify="space-between" align="baseline" wrap gap={4}>
        <Typography.Text strong>{formatDay(date, locale)}</Typography.Text>
        {list ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('hwv.child.writtenShort', { n: list.written, limit: list.limit })}
            {list.version > 1 ? ` · ${t('hwv.child.corrected', { v: list.version })}` : ''}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('hwv.child.noList')}
          </Typography.Text>
        )}
      </Flex>
      {list && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
          {list.items.map((i) => (
            <li key={i.itemId} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
              <Typography.Text strong>{i.subjectName}</Typography.Text> {i.title ?? i.content}{' '}
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('hwv.minutes', { n: i.minutes })}
                {i.place === 'school' ? ` · ${t('hw.place.school')}` : i.type !== 'written' ? ` · ${t('hwv.child.nonWritten')}` : i.layer === 'extension' ? ` · ${t('hwv.child.optionalShort')}` : ''}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function useRange(studentId: string, from: string, to: string) {
  return useQuery({
    queryKey: hwKey('child-range', studentId, from, to),
    queryFn: () => api.get<z.infer<typeof ChildRange>>(`/api/homework/child/range${qs({ studentId, from, to })}`),
  });
}
