/** 记录检查 on the inspector's phone: the institution, the checklist, what was found (with photos and a deadline). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  checklistLabels,
  FINDING_CATEGORIES,
  FINDING_SEVERITIES,
  findingCategoryLabels,
  findingSeverityLabels,
  INSPECTION_CHECKLIST,
  INSPECTION_TEXT_MAX,
  type InspectionVisitInput,
} from '@shuangjian/contracts';
import { Button, Card, DatePicker, Flex, Form, Input, Segmented, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { PhotoUpload } from './PhotoUpload';
import { useInspectionWrites, useInstitutionList } from './queries';

interface Values {
  institutionId: string;
  visitDate: Dayjs;
  checks: Record<string, boolean>;
  summary: string;
  findings: { category: (typeof FINDING_CATEGORIES)[number]; severity: (typeof FINDING_SEVERITIES)[number]; description: string; photoIds?: string[]; deadline?: Dayjs }[];
}

export default function VisitPage() {
  const { t, locale } = useI18n();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const institutions = useInstitutionList();
  const writes = useInspectionWrites();
  const planId = params.get('planId') ?? undefined;
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => {
      const input: InspectionVisitInput = {
        planId,
        institutionId: v.institutionId,
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        summary: v.summary,
        checklist: INSPECTION_CHECKLIST.map((item) => ({ item, ok: v.checks?.[item] ?? true })),
        findings: (v.findings ?? []).map((f) => ({ category: f.category, severity: f.severity, description: f.description, photoIds: f.photoIds ?? [], deadline: f.deadline?.format('YYYY-MM-DD') })),
      };
      return writes.recordVisit(input);
    },
    saved: (r) => t('training.insp.visit.saved', { n: r.findings.length }),
    onSuccess: () => navigate('/training/inspections/today'),
  });
  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('menu.training.inspVisit')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ institutionId: params.get('institutionId') ?? undefined, visitDate: dayjs(today), checks: Object.fromEntries(INSPECTION_CHECKLIST.map((c) => [c, true])), findings: [] }}
      >
        <Form.Item name="institutionId" label={t('training.insp.visit.institution')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!!planId}
            loading={institutions.isLoading}
            options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            data-testid="visit-institution"
          />
        </Form.Item>
        <Form.Item name="visitDate" label={t('training.insp.visit.date')} rules={[{ required: true }]}>
          <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Card size="small" title={t('training.insp.visit.checklist')} style={{ marginBottom: 16 }}>
          {INSPECTION_CHECKLIST.map((item) => (
            <Flex key={item} justify="space-between" align="center" gap={8} style={{ padding: '6px 0' }}>
              <span>{checklistLabels[item][locale]}</span>
              <Form.Item noStyle name={['checks', item]} valuePropName="checked">
                <Switch data-testid={`check-${item}`} />
              </Form.Item>
            </Flex>
          ))}
        </Card>
        <Form.Item name="summary" label={t('training.insp.visit.summary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={INSPECTION_TEXT_MAX} placeholder={t('training.insp.visit.summaryPh')} data-testid="visit-summary" />
        </Form.Item>
        <Typography.Title level={5}>{t('training.insp.visit.findings')}</Typography.Title>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('training.insp.visit.finding', { n: n + 1 })}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                  style={{ marginBottom: 12 }}
                  data-testid="finding-form"
                >
                  <Form.Item name={[field.name, 'category']} label={t('training.insp.visit.category')} rules={[{ required: true }]}>
                    <Select options={FINDING_CATEGORIES.map((c) => ({ value: c, label: findingCategoryLabels[c][locale] }))} data-testid="finding-category" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'severity']} label={t('training.insp.visit.severity')} initialValue="minor">
                    <Segmented block options={FINDING_SEVERITIES.map((s) => ({ value: s, label: findingSeverityLabels[s][locale] }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={t('training.insp.visit.description')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={3} maxLength={INSPECTION_TEXT_MAX} data-testid="finding-description" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'photoIds']} label={t('training.insp.visit.photos')}>
                    <PhotoUpload testId="finding-photos" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadline']} label={t('training.insp.visit.deadline')} extra={t('training.insp.visit.deadlineHelp')}>
                    <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') <= today} data-testid="finding-deadline" />
                  </Form.Item>
                </Card>
              ))}
              <Button block icon={<PlusOutlined />} onClick={() => add({ severity: 'minor' })} style={{ marginBottom: 16 }} data-testid="add-finding">
                {t('training.insp.visit.addFinding')}
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="visit-submit">
          {t('training.insp.visit.submit')}
        </Button>
      </Form>
    </div>
  );
}
