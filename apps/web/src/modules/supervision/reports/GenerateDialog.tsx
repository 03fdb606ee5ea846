/**
 * 生成报告: the kind and the period (last months, semesters begun); the district office makes the district's and every
 * school's at once, a school's administrator the school's own. A report made again replaces the earlier snapshot.
 */
import type { GeneratedReports, ReportKind, ReportList } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Segmented, Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { postReports, reportsKey } from '../queries-reports';

interface Values {
  kind: ReportKind;
  period: string;
  schoolId?: string;
}

export function GenerateDialog({
  list,
  kind,
  onClose,
  onDone,
}: {
  list: ReportList;
  kind: ReportKind;
  onClose: () => void;
  onDone: (kind: ReportKind, period: string) => void;
}) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('kind', form) ?? kind;
  const school = list.canGenerate === 'school';
  const periods = chosen === 'month' ? list.generatable.months : list.generatable.semesters;
  const save = useSaveMutation<Values, GeneratedReports>({
    form,
    mutationFn: (v) => postReports({ kind: v.kind, period: v.period, schoolId: school ? v.schoolId : undefined }),
    saved: (r) => t('svr.generated', { n: r.reports.length }),
    onSuccess: (_r, v) => {
      void client.invalidateQueries({ queryKey: reportsKey() });
      onDone(v.kind, v.period);
    },
  });
  const first = (k: ReportKind) => (k === 'month' ? (list.generatable.months[1] ?? list.generatable.months[0]) : list.generatable.semesters[0])?.period;
  return (
    <FormModal<Values>
      open
      title={t('svr.generateTitle')}
      form={form}
      name="generate-report"
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      okButtonProps={{ 'data-testid': 'generate-ok' }}
      initialValues={{ kind, period: list.kind === kind && list.period ? list.period : first(kind), schoolId: me?.schools[0]?.id }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(school ? 'svr.generateHint.school' : 'svr.generateHint.all')} />}
    >
      <Form.Item name="kind" label={t('svr.kindLabel')}>
        <Segmented
          options={[
            { value: 'month', label: t('svr.kind.month') },
            { value: 'semester', label: t('svr.kind.semester') },
          ]}
          onChange={(k) => form.setFieldValue('period', first(k as ReportKind))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('svr.period')} rules={[{ required: true }]}>
        <Select data-testid="generate-period" options={periods.map((p) => ({ value: p.period, label: `${p.label}（${p.from} ~ ${p.to}）` }))} />
      </Form.Item>
      {school && (me?.schools.length ?? 0) > 1 && (
        <Form.Item name="schoolId" label={t('svr.scope.school')} rules={[{ required: true }]}>
          <Select options={me!.schools.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      )}
      {school && (me?.schools.length ?? 0) <= 1 && (
        <Form.Item name="schoolId" hidden>
          <Select />
        </Form.Item>
      )}
    </FormModal>
  );
}
