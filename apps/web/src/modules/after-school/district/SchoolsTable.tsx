/** Every school within reach with its figures: searchable, filtered by plan status, sortable; a row opens its courses. */
import type { AfterSchoolSchoolRow } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { attendanceRate, pct, satisfaction, studentRate, teacherRate } from './figures';

export const PLAN_COLORS: Record<string, string | undefined> = { approved: 'green', submitted: 'gold', returned: 'red', draft: 'blue', none: undefined, superseded: undefined };

export function PlanTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={PLAN_COLORS[status]}>{t(`afterSchool.district.planStatus.${status}`)}</Tag>;
}

const by = (f: (r: AfterSchoolSchoolRow) => number | null) => (a: AfterSchoolSchoolRow, b: AfterSchoolSchoolRow) => (f(a) ?? -1) - (f(b) ?? -1);

export function SchoolsTable({ rows, loading, onOpen }: { rows: AfterSchoolSchoolRow[]; loading: boolean; onOpen: (row: AfterSchoolSchoolRow) => void }) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [plan, setPlan] = useState<string | undefined>();
  const shown = useMemo(() => rows.filter((r) => (!search || r.schoolName.includes(search)) && (!plan || r.planStatus === plan)), [rows, search, plan]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('afterSchool.district.search')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder={t('afterSchool.district.planFilter')}
          style={{ width: 160 }}
          value={plan}
          onChange={setPlan}
          options={['approved', 'submitted', 'returned', 'draft', 'none'].map((s) => ({ value: s, label: t(`afterSchool.district.planStatus.${s}`) }))}
        />
      </Space>
      <Table<AfterSchoolSchoolRow>
        rowKey="schoolId"
        size="small"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 960 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('afterSchool.district.school'), dataIndex: 'schoolName', fixed: 'left', width: 180, render: (v: string) => <a>{v}</a> },
          { title: t('afterSchool.district.zone'), dataIndex: 'zoneName', width: 130 },
          { title: t('afterSchool.district.plan'), dataIndex: 'planStatus', width: 90, render: (s: string) => <PlanTag status={s} /> },
          { title: t('afterSchool.district.studentRate'), key: 'students', sorter: by(studentRate), render: (_, r) => `${pct(studentRate(r))} (${r.studentsServed}/${r.students})` },
          { title: t('afterSchool.district.teacherRate'), key: 'teachers', sorter: by(teacherRate), render: (_, r) => `${pct(teacherRate(r))} (${r.teachersServing}/${r.teachers})` },
          { title: t('afterSchool.district.courses'), dataIndex: 'courses', sorter: by((r) => r.courses), width: 80 },
          { title: t('afterSchool.district.attendance'), key: 'attendance', sorter: by(attendanceRate), render: (_, r) => pct(attendanceRate(r)), width: 90 },
          { title: t('afterSchool.district.satisfaction'), key: 'sat', sorter: by(satisfaction), render: (_, r) => satisfaction(r)?.toFixed(2) ?? '–', width: 100 },
          { title: t('afterSchool.district.paid'), key: 'paid', sorter: by((r) => r.feesPaidFen), render: (_, r) => formatYuan(r.feesPaidFen as Fen, { locale }), width: 120 },
        ]}
      />
    </>
  );
}
