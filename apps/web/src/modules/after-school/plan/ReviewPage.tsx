/**
 * 审核备案 (district): every school's plan for the semester, those without one included; open a plan to read it with
 * its stored rule check and catalogue, then approve it or return it with reasons.
 */
import { todayIn } from '@shuangjian/policy';
import { Button, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { PlanView, STATUS_COLOR } from './PlanView';
import { type SchoolStatusRow, semesterAt, useDistrictPlans, usePlan, usePlanWrites, useSemesters } from './queries';
import './messages';

function ReviewDrawer({ planId, onClose }: { planId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const plan = usePlan(planId ?? undefined);
  const writes = usePlanWrites();
  const [deciding, setDeciding] = useState<'approve' | 'return' | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const decide = useSaveMutation({
    form,
    saved: (_, v) => (v.decision === 'approve' ? t('afterSchool.plan.review.approved') : t('afterSchool.plan.review.returned')),
    mutationFn: (v: { decision: 'approve' | 'return'; text: string }) => (v.decision === 'approve' ? writes.approvePlan(planId!, v.text || null) : writes.returnPlan(planId!, v.text)),
    onSuccess: () => {
      setDeciding(null);
      onClose();
    },
  });
  const p = plan.data;
  return (
    <Drawer
      open={!!planId}
      onClose={onClose}
      size="large"
      title={p ? `${p.schoolName} · ${t('afterSchool.plan.version', { n: p.version })}` : ''}
      extra={
        p?.status === 'submitted' && (
          <Space>
            <Button danger onClick={() => (form.resetFields(), setDeciding('return'))}>
              {t('afterSchool.plan.review.return')}
            </Button>
            <Button type="primary" onClick={() => (form.resetFields(), setDeciding('approve'))}>
              {t('afterSchool.plan.review.approve')}
            </Button>
          </Space>
        )
      }
    >
      {plan.error && <QueryError error={plan.error} />}
      {p ? <PlanView plan={p} /> : <PageSpinner />}
      <Modal
        open={deciding !== null}
        title={deciding === 'approve' ? t('afterSchool.plan.review.approve') : t('afterSchool.plan.review.return')}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" name="decision" onFinish={(v) => decide.mutate({ decision: deciding!, text: v.text ?? '' })}>
          <Form.Item
            name="text"
            label={deciding === 'approve' ? t('afterSchool.plan.review.note') : t('afterSchool.plan.review.reason')}
            rules={deciding === 'return' ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

export default function ReviewPage() {
  const { t } = useI18n();
  const tz = useTimeZone();
  const semesters = useSemesters();
  const [picked, setPicked] = useState<string | undefined>();
  const semesterId = picked ?? semesterAt(semesters.data, todayIn(tz))?.id;
  const rows = useDistrictPlans(semesterId);
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan');
  const data = rows.data ?? [];
  const count = (s: string) => data.filter((r) => r.status === s).length;
  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.planReview')}
        sub={t('afterSchool.plan.review.sub')}
        extra={<Select style={{ width: 220 }} aria-label={t('afterSchool.plan.semester')} value={semesterId} onChange={setPicked} options={(semesters.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />}
      />
      {rows.error && <QueryError error={rows.error} />}
      {rows.data && (
        <Typography.Paragraph type="secondary">
          {t('afterSchool.plan.review.summary', { total: data.length, approved: data.filter((r) => r.status === 'approved' || r.approvedVersion !== null).length, submitted: count('submitted'), none: count('none') })}
        </Typography.Paragraph>
      )}
      <Table<SchoolStatusRow>
        rowKey="schoolId"
        size="middle"
        loading={rows.isLoading}
        dataSource={data}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('afterSchool.plan.review.school'), dataIndex: 'schoolName' },
          { title: t('afterSchool.plan.review.zone'), dataIndex: 'zoneName' },
          {
            title: t('afterSchool.plan.status'),
            key: 'status',
            render: (_, r) => (
              <span data-testid={`status-${r.schoolName}`}>
                <Tag color={STATUS_COLOR[r.status]}>{t(`afterSchool.plan.status.${r.status}`)}</Tag>
                {r.version !== null && t('afterSchool.plan.version', { n: r.version })}
                {r.approvedVersion !== null && ` ${t('afterSchool.plan.review.inForceToo', { n: r.approvedVersion })}`}
              </span>
            ),
          },
          { title: t('afterSchool.plan.courses'), dataIndex: 'courses' },
          { title: t('afterSchool.plan.review.submittedAt'), key: 'at', render: (_, r) => (r.submittedAt ? formatDateTime(r.submittedAt, tz) : '—') },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_, r) =>
              r.planId && (
                <Button size="small" type={r.status === 'submitted' ? 'primary' : 'default'} onClick={() => setParams({ plan: r.planId! })}>
                  {t('afterSchool.plan.review.open')}
                </Button>
              ),
          },
        ]}
      />
      <ReviewDrawer planId={planId} onClose={() => setParams({})} />
    </>
  );
}
