/** 年检 table: every institution the person sees with its result of the year; the district records or corrects one. */
import { ANNUAL_RESULTS, type AnnualResult, annualResultLabels, type AnnualReview, INSPECTION_TEXT_MAX } from '@shuangjian/contracts';
import { Alert, Button, Flex, Form, Input, Modal, Segmented, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { can, useMe } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { QueryError } from '../../../../components/QueryError';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { type InstitutionRow, useAnnual, useInspectionWrites, useInstitutionList } from '../queries';

const color = { pass: 'green', basic_pass: 'gold', fail: 'red' } as const;
type Row = InstitutionRow & { review: AnnualReview | undefined };

function Decide({ row, year, onClose }: { row: Row; year: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ result: AnnualResult; notes?: string }>();
  const writes = useInspectionWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { result: AnnualResult; notes?: string }) => writes.decideAnnual({ institutionId: row.id, year, ...v }),
    saved: t('training.insp.annual.saved'),
    onSuccess: onClose,
  });
  return (
    <Modal open title={`${row.name} · ${year}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Alert type="info" showIcon title={t('training.insp.annual.rule')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ result: row.review?.result ?? 'pass', notes: row.review?.notes ?? '' }}>
        <Form.Item name="result" label={t('training.insp.annual.result')} rules={[{ required: true }]}>
          <Segmented block options={ANNUAL_RESULTS.map((r) => ({ value: r, label: annualResultLabels[r][locale] }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('training.insp.annual.notes')}>
          <Input.TextArea rows={3} maxLength={INSPECTION_TEXT_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AnnualTab({ year, years, onYear }: { year: number; years: number[]; onYear: (y: number) => void }) {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const canDecide = can(me, 'training.review');
  const institutions = useInstitutionList();
  const reviews = useAnnual(year);
  const [deciding, setDeciding] = useState<Row | null>(null);
  const rows: Row[] = (institutions.data ?? []).map((i) => ({ ...i, review: reviews.data?.find((r) => r.institutionId === i.id) }));
  return (
    <>
      <Flex gap={12} style={{ marginBottom: 12 }} align="center">
        <span>{t('training.insp.annual.year')}</span>
        <Select value={year} onChange={onYear} options={years.map((y) => ({ value: y, label: y }))} style={{ width: 110 }} data-testid="annual-year" />
      </Flex>
      {(institutions.error || reviews.error) && <QueryError error={institutions.error ?? reviews.error} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={institutions.isLoading || reviews.isLoading}
        dataSource={rows}
        scroll={{ x: 760 }}
        data-testid="annual-table"
        columns={[
          { title: t('training.insp.col.institution'), dataIndex: 'name', width: 200 },
          { title: t('training.insp.col.zone'), dataIndex: 'zoneName', width: 130 },
          {
            title: t('training.insp.annual.result'),
            key: 'result',
            width: 100,
            render: (_: unknown, r) => (r.review ? <Tag color={color[r.review.result]}>{annualResultLabels[r.review.result][locale]}</Tag> : <Tag>{t('training.insp.annual.none')}</Tag>),
          },
          { title: t('training.insp.annual.notes'), key: 'notes', ellipsis: true, render: (_: unknown, r) => r.review?.notes },
          { title: t('training.insp.annual.effect'), key: 'list', width: 120, render: (_: unknown, r) => `${t(`org.institution.list.${r.listStatus}`)} / ${t(`org.institution.status.${r.status}`)}` },
          ...(canDecide
            ? [{ key: 'act', width: 100, render: (_: unknown, r: Row) => <Button size="small" onClick={() => setDeciding(r)} data-testid={`annual-decide-${r.name}`}>{t('training.insp.annual.decide')}</Button> }]
            : []),
        ]}
      />
      {deciding && <Decide row={deciding} year={year} onClose={() => setDeciding(null)} />}
    </>
  );
}
