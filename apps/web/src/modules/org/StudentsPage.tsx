/** Students by school and class with server paging; a drawer holds one student's details and guardians. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SchoolSelect, useUrlFilters } from './filters';
import { type ClassRow, invalidateOrg, type Paged, type StudentRow, useClasses, useSchools } from './queries';
import { StudentDrawer } from './StudentDrawer';
import { StudentFormModal } from './StudentForm';
import { IdentityValue, SensitiveTags, StatusTag } from './StudentTags';

export default function StudentsPage() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const schools = useSchools();
  const [filters, setFilters] = useUrlFilters('schoolId', 'classId', 'q', 'page', 'pageSize');
  // a link may name only the class (the home page's "my classes"): its school comes from the class
  const linkedClass = useQuery({
    queryKey: ['class', filters.classId],
    queryFn: () => api.get<ClassRow>(`/api/classes/${filters.classId}`),
    enabled: !!filters.classId && !filters.schoolId,
  });
  const schoolId = filters.schoolId ?? linkedClass.data?.schoolId ?? (schools.data?.length === 1 ? schools.data[0]!.id : undefined);
  const classes = useClasses(schoolId);
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const query = { schoolId, classId: filters.classId, q: filters.q, page, pageSize };
  const students = useQuery({
    queryKey: ['students', query],
    queryFn: () => api.get<Paged<StudentRow>>(`/api/students${qs(query)}`),
    placeholderData: (prev) => prev,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');
  const manage = can(me, 'org.manage');
  const showSensitive = students.data?.items.some((s) => s.sensitive !== null) ?? false;
  const manySchools = !schoolId;

  return (
    <>
      <PageHeader
        title={t('menu.students')}
        sub={students.data && t('common.total', { n: students.data.total })}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('org.students.new')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SchoolSelect value={schoolId} allowClear={(schools.data?.length ?? 0) > 1} onChange={(id) => setFilters({ schoolId: id, classId: undefined })} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('org.filter.allClasses')}
          value={filters.classId}
          onChange={(id: string | undefined) => setFilters({ classId: id, schoolId })}
          options={classes.data?.map((c) => ({ value: c.id, label: c.name }))}
          disabled={!schoolId}
          style={{ width: 170 }}
          data-testid="class-select"
        />
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilters({ q: q.trim() })}
          placeholder={t('org.students.searchHint')}
          style={{ width: 240 }}
        />
      </Flex>
      <QueryError error={students.error} />
      <Table<StudentRow>
        rowKey="id"
        size="middle"
        loading={students.isFetching}
        dataSource={students.data?.items}
        scroll={{ x: 820 }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: students.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => setFilters({ page: p, pageSize: size === 20 ? undefined : size }),
        }}
        columns={[
          { title: t('org.student.no'), dataIndex: 'studentNo', width: 140 },
          {
            title: t('org.student.name'),
            dataIndex: 'name',
            width: 100,
            render: (v: string) => <Typography.Link>{v}</Typography.Link>,
          },
          { title: t('org.student.gender'), dataIndex: 'gender', width: 60, render: (g: StudentRow['gender']) => t(`org.gender.${g}`) },
          { title: t('org.student.birthDate'), dataIndex: 'birthDate', width: 110 },
          // masked in every list; the pupil's drawer shows it in full to those allowed
          { title: t('org.student.idNumber'), dataIndex: 'idNumber', width: 180, render: (v: string | null) => <IdentityValue value={v} masked /> },
          {
            title: t('org.student.class'),
            dataIndex: 'className',
            render: (v: string, row) => (manySchools ? `${row.schoolName} · ${v}` : v),
          },
          { title: t('org.student.status'), dataIndex: 'status', width: 90, render: (v: StudentRow['status']) => <StatusTag status={v} /> },
          ...(showSensitive
            ? [
                {
                  title: t('org.sensitive.title'),
                  key: 'sensitive',
                  width: 170,
                  render: (_: unknown, row: StudentRow) => row.sensitive && <SensitiveTags flags={row.sensitive} empty={<Typography.Text type="secondary">—</Typography.Text>} />,
                },
              ]
            : []),
        ]}
      />
      <StudentDrawer id={open} onClose={() => setOpen(null)} />
      <StudentFormModal
        name="student-new"
        student={creating ? 'new' : null}
        defaults={{ schoolId, classId: filters.classId }}
        onClose={() => setCreating(false)}
        onSaved={(s) => {
          setCreating(false);
          invalidateOrg(client, 'students', 'classes');
          setOpen(s.id);
        }}
      />
    </>
  );
}
