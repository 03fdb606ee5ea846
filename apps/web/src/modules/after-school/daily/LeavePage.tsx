/** 课后服务请假 on the parent's phone: ask leave for school days, cancel it before it starts, and see who collected the child (both lists paged by the server). */
import type { LeaveView } from '@shuangjian/contracts';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Pagination, Popconfirm, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { type Pager, usePaging } from '../../../components/usePaging';
import { useDailyWrites, useLeaves, usePickups } from './queries';

type Values = { fromDate: Dayjs; toDate: Dayjs; reason: string };
const PHONE_PAGE = 10;

/** The pages of a card list, from the server's total (hidden while one page holds them all). */
function Pages({ pager, total, testId }: { pager: Pager; total: number | undefined; testId: string }) {
  const { t } = useI18n();
  if (!total || total <= pager.pageSize) return null;
  return (
    <Flex justify="center" style={{ margin: '8px 0 16px' }}>
      <Pagination simple size="small" current={pager.page} pageSize={pager.pageSize} total={total} onChange={pager.onChange} showTotal={(n) => t('common.total', { n })} data-testid={testId} />
    </Flex>
  );
}
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

export default function LeavePage() {
  const { t } = useI18n();
  const message = useMessage();
  const { data: me } = useMe();
  const zone = useTimeZone();
  const [picked, setPicked] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const leavePager = usePaging(studentId ?? '', PHONE_PAGE);
  const pickupPager = usePaging(studentId ?? '', PHONE_PAGE);
  const leaves = useLeaves(studentId, leavePager.page, leavePager.pageSize);
  const pickups = usePickups(studentId, pickupPager.page, pickupPager.pageSize);
  const writes = useDailyWrites();
  const [form] = Form.useForm<Values>();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.askLeave({ studentId: studentId!, fromDate: ymd(v.fromDate), toDate: ymd(v.toDate), reason: v.reason }),
    saved: (l) => t('afterSchool.daily.leave.done', { n: l.schoolDays }),
    onSuccess: () => form.resetFields(),
  });
  const cancel = async (l: LeaveView) => {
    try {
      await writes.cancelLeave(l.id);
      message.success(t('afterSchool.daily.leave.cancelled'));
    } catch (e) {
      applyServerError(null, e, message.error);
    }
  };
  const past = (v: Dayjs) => ymd(v) < today;

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.afterSchool.leave')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('afterSchool.daily.leave.sub')}</Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
      <Card size="small" title={t('afterSchool.daily.leave.new')} style={{ marginBottom: 12 }}>
        <Form<Values> form={form} name="leave" layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ fromDate: dayjs(today), toDate: dayjs(today) }}>
          <Flex gap={8}>
            <Form.Item name="fromDate" label={t('afterSchool.daily.leave.from')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker inputReadOnly allowClear={false} disabledDate={past} style={{ width: '100%' }} onChange={(v) => v && form.getFieldValue('toDate') < v && form.setFieldValue('toDate', v)} />
            </Form.Item>
            <Form.Item name="toDate" label={t('afterSchool.daily.leave.to')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker inputReadOnly allowClear={false} disabledDate={past} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t('afterSchool.daily.leave.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} placeholder={t('afterSchool.daily.leave.reasonHint')} />
          </Form.Item>
          <Button type="primary" size="large" block htmlType="submit" loading={save.isPending} data-testid="leave-submit">
            {t('afterSchool.daily.leave.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Title level={5}>{t('afterSchool.daily.leave.list')}</Typography.Title>
      {leaves.error && <QueryError error={leaves.error} />}
      {leaves.data && !leaves.data.total && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSchool.daily.leave.none')} />}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {leaves.data?.items.map((l) => (
          <Card key={l.id} size="small" data-testid="leave-row">
            <Flex justify="space-between" align="center" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong delete={!!l.cancelledAt}>
                  {l.fromDate === l.toDate ? l.fromDate : `${l.fromDate} – ${l.toDate}`}
                </Typography.Text>{' '}
                <Tag>{t('afterSchool.daily.leave.days', { n: l.schoolDays })}</Tag>
                <div>
                  <Typography.Text type="secondary">{l.reason}</Typography.Text>
                </div>
              </div>
              {l.cancelledAt ? (
                <Tag>{t('afterSchool.daily.leave.cancelled')}</Tag>
              ) : (
                l.cancellable && (
                  <Popconfirm title={t('afterSchool.daily.leave.cancelConfirm')} onConfirm={() => cancel(l)}>
                    <Button>{t('afterSchool.daily.leave.cancel')}</Button>
                  </Popconfirm>
                )
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      <Pages pager={leavePager} total={leaves.data?.total} testId="leave-pages" />
      <Typography.Title level={5}>{t('afterSchool.daily.pickups')}</Typography.Title>
      {pickups.data && !pickups.data.total && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSchool.daily.pickups.none')} />}
      <Flex vertical gap={6}>
        {pickups.data?.items.map((p) => (
          <Card key={p.id} size="small" data-testid="pickup-row">
            <Typography.Text strong>{p.date}</Typography.Text>{' '}
            <Typography.Text>
              {t('afterSchool.daily.collectedBy', {
                collector: p.collectorName,
                relation: p.relation,
                time: new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(p.collectedAt)),
              })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      <Pages pager={pickupPager} total={pickups.data?.total} testId="pickup-pages" />
    </div>
  );
}
