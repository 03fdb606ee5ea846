/**
 * 复制上周作业: the items the teacher set in one week for the chosen classes, set again on the same weekdays of another
 * week — each target class-day shown against its limit before anything is written — as drafts or into review.
 */
import type { CopyWeekResult } from '@shuangjian/contracts';
import { addDays, weekStart } from '@shuangjian/policy';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Flex, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { api, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { LoadBar } from '../components/LoadBar';
import { ViolationList } from '../components/LoadFigures';
import { formatDay, hwKey, invalidateHomework } from '../components/model';
import { iso } from './plan';

type Result = z.infer<typeof CopyWeekResult>;

export function CopyWeekDialog({
  open,
  onClose,
  classes,
  initialClassIds,
  subjectId,
  today,
}: {
  open: boolean;
  onClose: () => void;
  /** The classes the teacher sets homework for, labelled. */
  classes: { value: string; label: string }[];
  initialClassIds: string[];
  subjectId?: string;
  today: string;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const thisWeek = weekStart(today);
  // mounted when opened: the form's classes, or every class the teacher sets for
  const [classIds, setClassIds] = useState<string[]>(initialClassIds.length ? initialClassIds : classes.map((c) => c.value));
  const [toWeek, setToWeek] = useState(thisWeek);
  const fromWeek = addDays(toWeek, -7);
  const body = { classIds, subjectId, fromWeek, toWeek };
  const preview = useQuery({
    queryKey: hwKey('copy-week', body),
    enabled: open && classIds.length > 0,
    queryFn: () => api.post<Result>('/api/homework/items/copy-week', { ...body, dryRun: true }),
  });
  const copy = useSaveMutation({
    form: null,
    mutationFn: (submit: boolean) => api.post<Result>('/api/homework/items/copy-week', { ...body, submit }, { headers: idempotencyKey() }),
    saved: (r, submit) => t(submit ? 'hwr.copy.submitted' : 'hwr.copy.drafted', { n: r.items.length }),
    onSuccess: () => {
      invalidateHomework(client);
      onClose();
    },
  });
  const p = preview.data;
  const blocked = (p?.checks ?? []).filter((c) => c.check.violations.length > 0);
  const nothing = !!p && p.planned.length === 0;
  return (
    <Modal
      open={open}
      width={860}
      title={t('hwr.copy.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!p || nothing} loading={copy.isPending && copy.variables === false} onClick={() => copy.mutate(false)} data-testid="copy-drafts">
            {t('hwr.copy.asDrafts', { n: p?.planned.length ?? 0 })}
          </Button>
          <Button type="primary" disabled={!p || nothing} loading={copy.isPending && copy.variables === true} onClick={() => copy.mutate(true)} data-testid="copy-submit">
            {t('hwr.copy.submit', { n: p?.planned.length ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12} data-testid="copy-week">
        <Flex wrap gap={12} align="center">
          <Select mode="multiple" style={{ minWidth: 260, flex: 1 }} options={classes} value={classIds} onChange={setClassIds} aria-label={t('hw.field.classes')} />
          <Space>
            <Typography.Text>{t('hwr.copy.toWeek')}</Typography.Text>
            <DatePicker
              picker="week"
              allowClear={false}
              value={dayjs(toWeek)}
              disabledDate={(d) => iso(d) < thisWeek}
              onChange={(d) => d && setToWeek(weekStart(iso(d)))}
            />
          </Space>
        </Flex>
        <Typography.Text type="secondary">
          {t('hwr.copy.hint', { from: formatDay(fromWeek, locale), to: formatDay(toWeek, locale) })}
        </Typography.Text>
        {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
        {nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hwr.copy.nothing')} />}
        {p && p.planned.length > 0 && (
          <>
            {blocked.length > 0 ? (
              <Alert type="error" showIcon title={t('hwr.copy.blocked', { n: blocked.length })} description={t('hwr.copy.blockedHint')} />
            ) : (
              <Alert type="success" showIcon title={t('hwr.copy.ok')} />
            )}
            <Table
              rowKey={(r) => `${r.sourceItemId}|${r.date}`}
              size="small"
              pagination={false}
              scroll={{ x: 640, y: 260 }}
              dataSource={p.planned}
              columns={[
                { title: t('hw.field.date'), dataIndex: 'date', width: 110, render: (d: string) => formatDay(d, locale) },
                { title: t('hw.field.class'), dataIndex: 'className', width: 110 },
                { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70 },
                { title: t('hw.field.content'), dataIndex: 'content', ellipsis: true },
                { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 80, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
              ]}
            />
            <Flex vertical gap={6}>
              {p.checks.map((c) => (
                <div key={`${c.classId}|${c.date}`} data-testid="copy-check">
                  <Typography.Text strong>
                    {c.className} · {formatDay(c.date, locale)}
                  </Typography.Text>{' '}
                  {c.check.violations.length ? <Tag color="red">{t('hw.load.breaks')}</Tag> : <Tag color="green">{t('hw.load.within')}</Tag>}
                  <LoadBar limit={c.check.limit} written={c.check.written} />
                  <ViolationList violations={c.check.violations} />
                </div>
              ))}
            </Flex>
          </>
        )}
        {p && p.skipped.length > 0 && (
          <Typography.Text type="secondary">
            {t('hwr.copy.skipped', { n: p.skipped.length, reasons: [...new Set(p.skipped.map((s) => s.reason))].slice(0, 3).join('；') })}
          </Typography.Text>
        )}
      </Flex>
    </Modal>
  );
}
