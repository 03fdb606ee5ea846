/** 寒暑假作业优秀学生名单 as published: the vacation, the grade, the threshold it applied, and the listed students. */
import { TrophyOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { gradeLabel } from '../components/grades';
import { type ExcellentListRow, useExcellentLists } from './queries';

export function ExcellentListCard({ list, highlight, compact }: { list: ExcellentListRow; highlight?: string; compact?: boolean }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      data-testid="excellent-list"
      title={
        <Flex align="center" gap={6} wrap>
          <TrophyOutlined style={{ color: '#d48806' }} />
          <span style={{ whiteSpace: 'normal' }}>{t('hwm.excellent.title', { school: list.schoolName, grade: gradeLabel(list.grade, locale), vacation: list.vacation.name })}</span>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        {t('hwm.excellent.rule', { n: list.minExcellent, from: list.vacation.from, to: list.vacation.to })} ·{' '}
        {t('hwm.excellent.publishedBy', { name: list.publishedBy, at: formatDateTime(list.publishedAt, tz) })}
      </Typography.Paragraph>
      {list.students.length === 0 ? (
        <Empty description={t('hwm.excellent.nobody')} />
      ) : compact ? (
        <Flex gap={6} wrap>
          {list.students.map((s) => (
            <Tag key={s.studentId} color={s.studentId === highlight ? 'gold' : undefined} style={{ fontSize: 14, padding: '2px 8px' }}>
              {s.className} {s.name}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Table
          rowKey="studentId"
          size="small"
          pagination={false}
          dataSource={list.students}
          columns={[
            { title: t('hwm.col.student'), dataIndex: 'name' },
            { title: t('hw.field.class'), dataIndex: 'className' },
            { title: t('hwm.col.excellent'), dataIndex: 'excellent', align: 'right' },
            { title: t('hwm.col.handedIn'), dataIndex: 'handedIn', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

/** The lists of the child's grade, newest first (nothing when none was published). */
export function ChildExcellentLists({ studentId }: { studentId: string }) {
  const lists = useExcellentLists({ studentId });
  if (!lists.data?.length) return null;
  return (
    <>
      {lists.data.map((l) => (
        <ExcellentListCard key={l.id} list={l} highlight={studentId} compact />
      ))}
    </>
  );
}
