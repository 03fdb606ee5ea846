/** Lessons the institution recorded in a date range, a page at a time (the server's), with the parents' confirmations and the rule findings of each. */
import type { Lesson } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { DatePicker, Flex, Popover, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { RuleFindings } from '../components/RuleFindings';
import { useLessons } from './queries';
import { usePaging } from '../../../components/usePaging';

export function LessonsTab({ institutionId }: { institutionId: string }) {
  const { t, locale } = useI18n();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>(() => [dayjs().subtract(1, 'month').startOf('month'), dayjs()]);
  const { paging, restart, pagination } = usePaging();
  const q = useLessons(institutionId, range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'), paging);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          inputReadOnly
          allowClear={false}
          value={range}
          onChange={(v) => {
            if (!v?.[0] || !v[1]) return;
            setRange([v[0], v[1]]);
            restart();
          }}
          placeholder={[t('training.inst.lessons.from'), t('training.inst.lessons.to')]}
        />
      </Flex>
      <QueryError error={q.error} />
      <Table<Lesson>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('training.inst.lessons.none') }}
        pagination={pagination(q.data?.total)}
        onRow={() => ({ 'data-testid': 'lesson-row' }) as object}
        data-testid="lessons-table"
        columns={[
          { title: t('training.inst.lessons.date'), dataIndex: 'date', width: 110 },
          { title: t('training.inst.lessons.time'), key: 'time', width: 110, render: (_, l) => `${l.startTime}–${l.endTime}` },
          { title: t('training.inst.lessons.course'), dataIndex: 'courseName' },
          { title: t('training.inst.lessons.teacher'), dataIndex: 'teacherName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('training.inst.lessons.attendees'), dataIndex: 'attendees', width: 70, align: 'right' },
          {
            title: t('training.inst.lessons.status'),
            key: 'status',
            width: 220,
            render: (_, l) => (
              <Flex wrap gap={4}>
                {l.pending > 0 && <Tag color="warning">{t('training.inst.lessons.pending', { n: l.pending })}</Tag>}
                {l.confirmed > 0 && <Tag color="success">{t('training.inst.lessons.confirmed', { n: l.confirmed })}</Tag>}
                {l.disputed > 0 && <Tag color="error">{t('training.inst.lessons.disputed', { n: l.disputed })}</Tag>}
              </Flex>
            ),
          },
          { title: t('training.inst.lessons.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: Lesson['amountFen']) => formatYuan(v, { locale }) },
          {
            title: t('training.inst.lessons.findings'),
            key: 'findings',
            width: 110,
            render: (_, l) =>
              l.findings.length ? (
                <Popover content={<div style={{ maxWidth: 360 }}><RuleFindings findings={l.findings} showOk /></div>}>
                  <Tag color="error" style={{ cursor: 'pointer' }}>
                    {l.findings.length}
                  </Tag>
                </Popover>
              ) : (
                <Tag color="success">{t('training.inst.lessons.ok')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
