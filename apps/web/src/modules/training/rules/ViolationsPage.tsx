/**
 * Violations the rule checks recorded (the district, the zone's inspectors, an institution its own): filters by
 * institution, rule, status and dates; each row the rule, the problem in numbers and the rule cited with its policy
 * version; the district resolves one with a note.
 */
import { TRAINING_RULES, TRAINING_VIOLATION_STATUSES, type TrainingViolation, trainingRuleLabels, trainingViolationSubjectLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { CitationText } from '../components/RuleFindings';
import { useResolveViolation, useViolations, type ViolationFilters } from './queries';

function ResolveDialog({ violation, onClose }: { violation: TrainingViolation | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const [note, setNote] = useState('');
  const resolve = useResolveViolation();
  const submit = () => {
    if (!violation) return;
    resolve.mutate(
      { id: violation.id, note: note.trim() },
      {
        onSuccess: () => {
          toast.success(t('training.rules.violations.resolved'));
          setNote('');
          onClose();
        },
        onError: (e) => toast.error(e.message),
      },
    );
  };
  return (
    <Modal
      open={!!violation}
      title={violation ? t('training.rules.violations.resolveTitle', { rule: trainingRuleLabels[violation.rule][locale] }) : ''}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !note.trim(), loading: resolve.isPending, id: 'resolve-ok' }}
      destroyOnHidden
    >
      {violation && (
        <Typography.Paragraph>
          {violation.institutionName} · {violation.message}
        </Typography.Paragraph>
      )}
      <Typography.Text>{t('training.rules.violations.note')}</Typography.Text>
      <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('training.rules.violations.notePlaceholder')} data-testid="resolve-note" />
    </Modal>
  );
}

export default function ViolationsPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const mayResolve = can(me, 'training.review');
  const [params, setParams] = useSearchParams();
  const filters: ViolationFilters = {
    institutionId: params.get('institutionId') ?? undefined,
    rule: params.get('rule') ?? undefined,
    status: params.get('status') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
  };
  const set = (values: Record<string, string | undefined>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [key, value] of Object.entries(values)) {
        if (value) n.set(key, value);
        else n.delete(key);
      }
      if (!('page' in values)) n.delete('page');
      return n;
    });
  const list = useViolations(filters);
  const institutions = useQuery({
    queryKey: ['institutions'],
    queryFn: () => api.get<{ id: string; name: string }[]>('/api/institutions'),
    enabled: can(me, 'institution.read') && !can(me, 'training.file'),
  });
  const [resolving, setResolving] = useState<TrainingViolation | null>(null);

  return (
    <div data-testid="violations-page">
      <PageHeader title={t('training.rules.violations.title')} sub={t('training.rules.violations.sub')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        {institutions.data && (
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 210 }} placeholder={t('training.rules.violations.institution')} value={filters.institutionId}
            onChange={(v) => set({ institutionId: v })} options={institutions.data.map((i) => ({ value: i.id, label: i.name }))} data-testid="filter-institution" />
        )}
        <Select allowClear style={{ width: 170 }} placeholder={t('training.rules.violations.rule')} value={filters.rule} onChange={(v) => set({ rule: v })}
          options={TRAINING_RULES.map((r) => ({ value: r, label: trainingRuleLabels[r][locale] }))} data-testid="filter-rule" />
        <Select allowClear style={{ width: 120 }} placeholder={t('training.rules.violations.status')} value={filters.status} onChange={(v) => set({ status: v })}
          options={TRAINING_VIOLATION_STATUSES.map((s) => ({ value: s, label: t(`training.rules.violations.status.${s}`) }))} data-testid="filter-status" />
        <DatePicker.RangePicker
          inputReadOnly
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('training.rules.violations.from'), t('training.rules.violations.to')]}
        />
      </Flex>
      <QueryError error={list.error} />
      <Table<TrainingViolation>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('training.rules.violations.empty') }}
        pagination={{ current: filters.page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: (page) => set({ page: String(page) }) }}
        onRow={() => ({ 'data-testid': 'violation-row' }) as object}
        columns={[
          { title: t('training.rules.violations.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          { title: t('training.rules.violations.institution'), dataIndex: 'institutionName', width: 170 },
          {
            title: t('training.rules.violations.rule'),
            dataIndex: 'rule',
            width: 140,
            render: (r: TrainingViolation['rule']) => <Tag color="red">{trainingRuleLabels[r][locale]}</Tag>,
          },
          {
            title: t('training.rules.violations.message'),
            key: 'message',
            render: (_, v) => (
              <Flex vertical gap={2}>
                <Typography.Text>{v.message}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.subjectLabel || trainingViolationSubjectLabels[v.subjectKind][locale]}
                </Typography.Text>
                <CitationText citation={v.citation} />
              </Flex>
            ),
          },
          {
            title: t('training.rules.violations.status'),
            key: 'status',
            width: 150,
            render: (_, v) =>
              v.status === 'open' ? (
                <Flex gap={6} align="center">
                  <Tag color="orange">{t('training.rules.violations.status.open')}</Tag>
                  {mayResolve && (
                    <Button size="small" onClick={() => setResolving(v)} data-testid="resolve">
                      {t('training.rules.violations.resolve')}
                    </Button>
                  )}
                </Flex>
              ) : (
                <Flex vertical gap={2}>
                  <Tag color="green">{t('training.rules.violations.status.resolved')}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('training.rules.violations.resolvedBy', { name: v.resolvedByName ?? '', at: v.resolvedAt ? dayjs(v.resolvedAt).format('YYYY-MM-DD') : '', note: v.resolutionNote ?? '' })}
                  </Typography.Text>
                </Flex>
              ),
          },
        ]}
      />
      <ResolveDialog violation={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}
