/** Home of teachers and class teachers: today's classes, each with the class-day's written total against the limit and what makes it up. */
import { FormOutlined } from '@ant-design/icons';
import type { LoadCheckResult } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { districtToday, formatDay, hwKey, shortClassName } from '../components/model';
import { BAD, loadColor, loadShare } from '../components/rates';

type Result = z.infer<typeof LoadCheckResult>;

export function TeacherHome() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const today = districtToday(useTimeZone());
  const classes = (me?.classes ?? []).filter((c) => c.roles.includes('teacher') || c.roles.includes('class_teacher')).slice(0, 20);
  const ids = classes.map((c) => c.id);
  // the load check is the class-day total everyone in the chain sees: read here for today, without a draft
  const q = useQuery({
    queryKey: hwKey('home-teacher', today, ids),
    queryFn: () => api.post<Result>('/api/homework/load-check', { classIds: ids, dates: [today] }),
    enabled: ids.length > 0,
  });
  if (!ids.length) return null;
  const entries = q.data?.entries ?? [];
  return (
    <Card
      title={t('hwv.home.teacherToday', { date: formatDay(today, locale) })}
      extra={
        hasRole(me, 'teacher') && (
          <Link to="/homework/set">
            <Button type="primary" size="small" icon={<FormOutlined />}>
              {t('menu.homework.set')}
            </Button>
          </Link>
        )
      }
      data-testid="home-teacher"
    >
      <QueryError error={q.error} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('hwv.home.teacherNote')}
      </Typography.Paragraph>
      <List
        loading={q.isLoading}
        dataSource={classes}
        renderItem={(c) => {
          const e = entries.find((x) => x.classId === c.id);
          const check = e?.check;
          const share = check ? loadShare(check.written, check.limit) : 0;
          const inChain = e?.items.filter((i) => i.status === 'ready' || i.status === 'pending_check') ?? [];
          return (
            <List.Item
              data-testid="home-teacher-class"
              extra={
                <Link to={`/homework/day/${c.id}/${today}`} style={{ whiteSpace: 'nowrap' }}>
                  {t('hwv.classDay')}
                </Link>
              }
            >
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Space wrap size={6}>
                  <Typography.Text strong>{shortClassName(c.name)}</Typography.Text>
                  {c.roles.includes('class_teacher') && <Tag color="blue">{t('hwv.home.myClass')}</Tag>}
                  {e?.dayStatus && <Tag>{t(`hw.dayStatus.${e.dayStatus}`)}</Tag>}
                  {check?.dayKind && check.dayKind !== 'school_day' && <Tag>{e?.dayName ?? t(`hw.dayKind.${check.dayKind}`)}</Tag>}
                </Space>
                {check &&
                  (check.noWrittenGrade && check.written === 0 ? (
                    <Typography.Text type="secondary">{t('hwv.school.noWrittenGrade')}</Typography.Text>
                  ) : (
                    <Flex align="center" gap={8}>
                      <Progress percent={Math.min(100, Math.round(share * 100))} showInfo={false} strokeColor={loadColor(share)} style={{ flex: 1, margin: 0, maxWidth: 320 }} size="small" />
                      <Typography.Text style={{ whiteSpace: 'nowrap', color: check.over ? BAD : undefined }} data-testid="home-teacher-load">
                        {t('hwv.minutesOf', { n: check.written, limit: check.limit })}
                      </Typography.Text>
                    </Flex>
                  ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {inChain.length
                    ? inChain.map((i) => `${i.subjectName} ${t('hwv.minutes', { n: i.minutes })}${i.type === 'written' ? '' : ` ${t('hwv.child.nonWritten')}`}${i.status === 'pending_check' ? `（${t('hw.itemStatus.pending_check')}）` : ''}`).join(' · ')
                    : t('hwv.home.nothingYet')}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
