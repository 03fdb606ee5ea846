/** 班级高频错题: the class's most frequent mistakes over the range (the class's teachers; others are told who may see them). */
import type { FrequentMistake } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { formatDay, hwKey } from '../components/model';

export function FrequentMistakes({ classId, from, to }: { classId: string; from: string; to: string }) {
  const { t, locale } = useI18n();
  const q = useQuery({
    queryKey: hwKey('mistakes-frequent', classId, from, to),
    queryFn: () => api.get<z.infer<typeof FrequentMistake>[]>(`/api/homework/mistakes/frequent${qs({ classId, from, to })}`),
    retry: false,
  });
  return (
    <Card title={t('hwv.class.mistakes')} data-testid="class-mistakes">
      {q.error ? (
        <Typography.Text type="secondary">{q.error instanceof ApiError && q.error.status === 403 ? t('hwv.class.mistakesTeachersOnly') : q.error.message}</Typography.Text>
      ) : (
        <List
          loading={q.isLoading}
          dataSource={q.data}
          locale={{ emptyText: t('hwv.class.noMistakes') }}
          renderItem={(m) => (
            <List.Item
              extra={
                <Tag color={m.students >= 3 ? 'red' : 'orange'} style={{ marginInlineStart: 8 }}>
                  {t('hwv.class.mistakeStudents', { n: m.students })}
                </Tag>
              }
            >
              <List.Item.Meta
                title={<span style={{ overflowWrap: 'anywhere' }}>{m.question}</span>}
                description={
                  <Space size={6} wrap>
                    {m.subjectName && <Tag>{m.subjectName}</Tag>}
                    {m.date && <Link to={`/homework/day/${classId}/${m.date}`}>{formatDay(m.date, locale)}</Link>}
                    {m.notes.length > 0 && <Typography.Text type="secondary">{[...new Set(m.notes)].join('；')}</Typography.Text>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
