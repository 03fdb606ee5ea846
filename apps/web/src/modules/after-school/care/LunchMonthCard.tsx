/** The month's lunch fees per child: school days, days taken, leave, due, refund and net, to the fen; as a spreadsheet too. */
import type { LunchMonthFees } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { lunchMonthExportUrl, useLunchMonth } from './queries';
import './messages';

type Row = LunchMonthFees['rows'][number];

export function LunchMonthCard({ offerId, today }: { offerId: string; today: string }) {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(today.slice(0, 7));
  const res = useLunchMonth(offerId, month, true);
  const y = (f: number) => formatYuan(f as Fen, { locale });
  return (
    <Card
      size="small"
      title={t('afterSchool.care.month')}
      extra={
        <Flex gap={8}>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} aria-label={t('afterSchool.care.monthPick')} />
          <Button icon={<DownloadOutlined />} href={lunchMonthExportUrl(offerId, month)} download disabled={!res.data?.rows.length} data-testid="lunch-month-export">
            {t('afterSchool.care.export')}
          </Button>
        </Flex>
      }
    >
      <Table<Row>
        rowKey="studentId"
        size="small"
        loading={res.isLoading}
        dataSource={res.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('afterSchool.care.class'), dataIndex: 'className' },
          { title: t('afterSchool.care.student'), dataIndex: 'name' },
          { title: t('afterSchool.care.schoolDays'), dataIndex: 'schoolDays', align: 'right' },
          { title: t('afterSchool.care.enrolledDays'), dataIndex: 'enrolledDays', align: 'right' },
          { title: t('afterSchool.care.leaveDays'), dataIndex: 'leaveDays', align: 'right' },
          { title: t('afterSchool.care.due'), key: 'due', align: 'right', render: (_, r) => y(r.dueFen) },
          { title: t('afterSchool.care.refund'), key: 'refund', align: 'right', render: (_, r) => y(r.refundFen) },
          { title: t('afterSchool.care.net'), key: 'net', align: 'right', render: (_, r) => y(r.netFen) },
        ]}
        summary={() =>
          res.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                {t('afterSchool.care.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {y(res.data.totals.dueFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {y(res.data.totals.refundFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <strong data-testid="lunch-month-net">{y(res.data.totals.netFen)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Text type="secondary">{t('afterSchool.care.rule')}</Typography.Text>
    </Card>
  );
}
