/** Prepaid packages (课时包) of the institution's courses, checked against the package limits (≤ 3 months, ≤ 60 lessons). */
import { PlusOutlined } from '@ant-design/icons';
import type { RegistryFile, RegistryPackage } from '@shuangjian/contracts';
import { type Fen, formatYuan, parseYuan, yuanTextProblemText } from '@shuangjian/policy';
import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { RuleFindings } from '../components/RuleFindings';
import { FilingTag, useYuan } from './labels';
import { useRegistryWrites } from './queries';

interface Values {
  courseId: string;
  name: string;
  lessons: number;
  months: number;
  price: string;
}
const open = (s: string) => s === 'draft' || s === 'returned';

export function PackagesTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t, locale } = useI18n();
  const yuan = useYuan();
  const writes = useRegistryWrites();
  const dialog = useEditDialog<RegistryPackage, Values>({
    save: (v, row) => {
      const price = parseYuan(v.price);
      const body = { name: v.name, lessons: v.lessons, months: v.months, priceFen: price.ok ? price.value : 0 };
      return row === 'new' ? writes.savePackage(null, { ...body, courseId: v.courseId }) : writes.savePackage(row.id, body);
    },
    fill: (row) => (row === 'new' ? { months: 3 } : { ...row, price: formatYuan(row.priceFen as Fen, { locale: 'zh-CN', symbol: false }) }),
    onSaved: () => undefined,
  });
  const submit = useSaveMutation({ form: null, mutationFn: (id: string) => writes.submitPackage(id), saved: t('training.reg.submitted') });
  const courses = file.courses.filter((c) => c.status !== 'withdrawn');
  return (
    <>
      {editable && courses.length > 0 && (
        <Button icon={<PlusOutlined />} onClick={() => dialog.open('new')} style={{ marginBottom: 12 }}>
          {t('training.reg.add')}
        </Button>
      )}
      <Table<RegistryPackage>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.packages}
        scroll={{ x: 800 }}
        expandable={{ rowExpandable: (p) => p.findings.length > 0 || !!p.reviewNote, expandedRowRender: (p) => <>{p.reviewNote && <Typography.Text type="warning">{t('training.reg.reviewNote', { note: p.reviewNote })}</Typography.Text>}<RuleFindings findings={p.findings} compact /></> }}
        columns={[
          { title: t('training.reg.package.name'), dataIndex: 'name' },
          { title: t('training.reg.package.course'), dataIndex: 'courseName' },
          { title: t('training.reg.package.lessons'), dataIndex: 'lessons', align: 'right' },
          { title: t('training.reg.package.months'), dataIndex: 'months', align: 'right' },
          { title: t('training.reg.package.price'), key: 'p', align: 'right', render: (_, p) => yuan(p.priceFen) },
          { title: t('training.reg.filingStatus'), key: 's', render: (_, p) => <FilingTag status={p.status} /> },
          ...(editable
            ? [
                {
                  title: t('training.reg.actions'),
                  key: 'a',
                  render: (_: unknown, p: RegistryPackage) =>
                    open(p.status) && (
                      <Space size={4}>
                        <Button size="small" onClick={() => dialog.open(p)}>{t('training.reg.edit')}</Button>
                        <Button size="small" type="primary" onClick={() => submit.mutate(p.id)}>{t('training.reg.submit')}</Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values> {...dialog.modal} name="package" title={t('training.reg.tab.packages')}>
        <Form.Item name="courseId" label={t('training.reg.package.course')} rules={[{ required: true }]}>
          <Select disabled={dialog.editing !== 'new'} options={courses.map((c) => ({ value: c.id, label: `${c.name}（${yuan(c.pricePerLessonFen)}）` }))} />
        </Form.Item>
        <Form.Item name="name" label={t('training.reg.package.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lessons" label={t('training.reg.package.lessons')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
          <Form.Item name="months" label={t('training.reg.package.months')} rules={[{ required: true }]}>
            <InputNumber min={1} max={36} precision={0} />
          </Form.Item>
          <Form.Item
            name="price"
            label={t('training.reg.package.price')}
            rules={[{ validator: async (_, v: string) => { const p = parseYuan(v ?? ''); if (!p.ok) throw new Error(yuanTextProblemText[p.problem][locale]); } }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}
