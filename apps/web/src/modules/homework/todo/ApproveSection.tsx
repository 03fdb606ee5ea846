/**
 * 待审批: days the class teachers handed to academic affairs (教务处). Ticked days (or every day that can be approved, in
 * one click) are approved in one request; each is published on its own, and any that could not be is listed with why.
 */
import { CheckOutlined } from '@ant-design/icons';
import type { ApproveDaysResult } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay, invalidateHomework, type TodoRow } from '../components/model';
import { dayKey, DaysSection } from './DaysSection';

type Row = TodoRow['toApprove'][number];
type Result = z.infer<typeof ApproveDaysResult>;

export function ApproveSection({ rows, loading }: { rows: Row[] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const ready = (rows ?? []).filter((r) => r.violations === 0);
  // days that left the list (approved, returned elsewhere) leave the selection too
  const chosen = selected.filter((k) => ready.some((r) => dayKey(r) === k));
  const approve = useSaveMutation({
    form: null,
    mutationFn: (keys: string[]) =>
      api.post<Result>(
        '/api/homework/days/approve',
        { days: (rows ?? []).filter((r) => keys.includes(dayKey(r))).map((r) => ({ classId: r.classId, date: r.date })) },
        { headers: idempotencyKey() },
      ),
    saved: (r) => t('hwr.batch.done', { n: r.approved.length }),
    onSuccess: (r) => {
      setResult(r);
      setSelected([]);
      invalidateHomework(client);
    },
  });
  const note = (r: Row) => (
    <>
      {r.violations > 0 && (
        <Tag color="red" data-testid="approve-blocked">
          {t('hwr.batch.breaks', { n: r.violations })}
        </Tag>
      )}
      {r.correction && <Tag color="orange">{t('hw.todo.correction')}</Tag>}
      {r.nonWritten > 0 && <Typography.Text type="secondary">{t('hwr.load.nonWritten', { n: r.nonWritten })} </Typography.Text>}
      {r.note}
    </>
  );
  const above = result && (result.refused.length > 0 || result.approved.length > 0) && (
    <Alert
      type={result.refused.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose: () => setResult(null) }}
      style={{ marginBottom: 12 }}
      data-testid="batch-result"
      title={t(result.refused.length ? 'hwr.batch.partly' : 'hwr.batch.all', { n: result.approved.length, m: result.refused.length })}
      description={
        result.refused.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {result.refused.map((r) => (
              <li key={`${r.classId}|${r.date}`}>
                {r.className ?? '—'} · {formatDay(r.date, locale)}：{r.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
  return (
    <DaysSection
      id="toApprove"
      title={t('hw.todo.toApprove')}
      rows={rows}
      loading={loading}
      empty={t('hw.todo.toApproveEmpty')}
      link={{ testId: 'approve-link', label: t('hw.todo.review') }}
      loadWidth={220}
      scrollX={860}
      selection={{ selected: chosen, onChange: setSelected, selectable: (r) => r.violations === 0 }}
      above={above}
      extra={
        ready.length > 0 && (
          <Space wrap>
            <Button onClick={() => setSelected(ready.map(dayKey))} disabled={chosen.length === ready.length} data-testid="select-ready">
              {t('hwr.batch.selectReady', { n: ready.length })}
            </Button>
            <Popconfirm title={t('hwr.batch.confirm', { n: chosen.length })} onConfirm={() => approve.mutate(chosen)} okButtonProps={{ loading: approve.isPending }} disabled={!chosen.length}>
              <Button type="primary" icon={<CheckOutlined />} disabled={!chosen.length} loading={approve.isPending} data-testid="approve-selected">
                {t('hwr.batch.approve', { n: chosen.length })}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
      columns={[
        { title: t('hw.todo.submittedBy'), dataIndex: 'submittedBy', width: 90 },
        { title: t('hw.todo.note'), key: 'note', render: (_: unknown, r) => note(r) },
      ]}
      more={(r) => (
        <div>
          {r.submittedBy && <Typography.Text type="secondary">{r.submittedBy} </Typography.Text>}
          {note(r)}
        </div>
      )}
    />
  );
}
