/** A session's roster with each child's fee; the site's manager enrols a child, granting a waiver of 'after-school.waivers'. */
import { PlusOutlined } from '@ant-design/icons';
import type { SummerEnrolment, SummerSession, SummerSite } from '@shuangjian/contracts';
import { afterSchoolSettings, type Fen, formatYuan } from '@shuangjian/policy';
import { Button, Flex, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { StudentPicker } from './CarePickers';
import { useCareWrites, useSessionEnrolments, useWaiverCategories, type Waiver } from './queries';
import './messages';

export function SummerRosterTab({ site, session, today }: { site: SummerSite; session: SummerSession; today: string }) {
  const { t, locale } = useI18n();
  const enrolments = useSessionEnrolments(session.id);
  const waivers = useWaiverCategories(site.canManage);
  const [adding, setAdding] = useState(false);
  const y = (f: number) => formatYuan(f as Fen, { locale });
  /** The district's name of a waiver, or the shipped one (a reader who may not read the settings). */
  const label = (code: string) => (waivers.data ?? afterSchoolSettings['after-school.waivers'].default).find((w) => w.code === code)?.label ?? code;
  const items = enrolments.data?.items ?? [];
  const open = today <= session.endDate;
  return (
    <Flex vertical gap={12}>
      {site.canManage && (
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary">{open ? t('afterSchool.care.summer.seats', { enrolled: session.enrolled, capacity: session.capacity }) : t('afterSchool.care.summer.ended')}</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} disabled={!open || session.enrolled >= session.capacity} onClick={() => setAdding(true)}>
            {session.enrolled >= session.capacity ? t('afterSchool.care.summer.full') : t('afterSchool.care.summer.enrolChild')}
          </Button>
        </Flex>
      )}
      {enrolments.error && <QueryError error={enrolments.error} />}
      <Table<SummerEnrolment>
        rowKey="id"
        size="small"
        loading={enrolments.isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('afterSchool.care.summer.school'), dataIndex: 'schoolName' },
          { title: t('afterSchool.care.student'), dataIndex: 'studentName' },
          { title: t('afterSchool.care.summer.waiver'), dataIndex: 'waiverCode', render: (v: string | null) => (v ? <Tag color="gold">{label(v)}</Tag> : '—') },
          { title: t('afterSchool.care.due'), key: 'due', align: 'right', render: (_, e) => y(e.dueFen) },
        ]}
      />
      {adding && <SummerEnrolForm site={site} session={session} waivers={waivers.data ?? []} taken={items.map((e) => e.studentId)} onClose={() => setAdding(false)} />}
    </Flex>
  );
}

interface Values {
  studentId: string;
  waiverCode?: string;
}

function SummerEnrolForm({ site, session, waivers, taken, onClose }: { site: SummerSite; session: SummerSession; waivers: Waiver[]; taken: string[]; onClose(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.enrolSummer(session.id, v.studentId, v.waiverCode ?? null),
    saved: (e) => t('afterSchool.care.summer.enrolSaved', { name: e.studentName, due: formatYuan(e.dueFen as Fen, { locale }) }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={`${session.name} · ${t('afterSchool.care.summer.enrolChild')}`} onCancel={onClose} onOk={() => form.submit()} okText={t('afterSchool.care.summer.enrol')} confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="studentId" label={t('afterSchool.care.student')} rules={[{ required: true }]}>
          <StudentPicker schoolId={site.kind === 'school' ? site.schoolId : null} taken={taken} />
        </Form.Item>
        <Form.Item name="waiverCode" label={t('afterSchool.care.summer.waiver')} extra={t('afterSchool.care.summer.waiverHint')}>
          <Select allowClear placeholder={t('afterSchool.care.summer.noWaiver')} options={waivers.map((w) => ({ value: w.code, label: `${w.label}（${w.shareBp / 100}%）` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
