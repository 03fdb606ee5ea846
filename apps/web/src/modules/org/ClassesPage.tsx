/** Classes of a school by grade: counts and class teacher; school managers create, edit, delete empty classes and open parent accounts. */
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { CLASS_NAME_MAX, ENTRY_YEAR_MAX, ENTRY_YEAR_MIN, gradeNames } from '@shuangjian/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ConfirmLink, RowActions } from '../../components/RowActions';
import { CredentialsModal } from './CredentialsModal';
import { SchoolSelect, useUrlFilters } from './filters';
import { type ClassRow, type CredentialRow, invalidateOrg, useClasses, useSchools } from './queries';

type FormValues = { grade: number; name: string; entryYear: number };

/** The usual entry year of a grade this school year (September start). */
function entryYearOf(grade: number): number {
  const now = new Date();
  const schoolYear = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return schoolYear - grade + 1;
}

export default function ClassesPage() {
  const t = useT();
  const { data: me } = useMe();
  const message = useMessage();
  const client = useQueryClient();
  const schools = useSchools();
  const [filters, setFilters] = useUrlFilters('schoolId', 'grade');
  const schoolId = filters.schoolId ?? schools.data?.[0]?.id;
  const school = schools.data?.find((s) => s.id === schoolId);
  const grade = filters.grade ? Number(filters.grade) : undefined;
  const classes = useClasses(schoolId, grade);
  const manage = can(me, 'org.manage');
  const [credentials, setCredentials] = useState<CredentialRow[] | null>(null);
  const { editing, open, form, modal } = useEditDialog<ClassRow, FormValues>({
    save: (v, row) => (row === 'new' ? api.post<ClassRow>('/api/classes', { ...v, schoolId }) : api.put<ClassRow>(`/api/classes/${row.id}`, v)),
    fill: (row) => {
      if (row !== 'new') return { grade: row.grade, name: row.name, entryYear: row.entryYear };
      const g = grade ?? school?.grades[0] ?? 1;
      return { grade: g, entryYear: entryYearOf(g) };
    },
    onSaved: () => invalidateOrg(client, 'classes'),
  });
  const remove = useMutation({
    mutationFn: (row: ClassRow) => api.delete(`/api/classes/${row.id}`),
    onSuccess: () => {
      message.success(t('org.classes.deleted'));
      invalidateOrg(client, 'classes');
    },
    onError: (e) => message.error(e.message),
  });
  const accounts = useMutation({
    mutationFn: (row: ClassRow) => api.post<CredentialRow[]>(`/api/classes/${row.id}/guardian-accounts`),
    onSuccess: (list) => setCredentials(list),
    onError: (e) => message.error(e.message),
  });

  return (
    <>
      <PageHeader
        title={t('menu.classes')}
        extra={
          manage &&
          school && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="new-class">
              {t('org.classes.new')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SchoolSelect value={schoolId} onChange={(id) => setFilters({ schoolId: id, grade: undefined })} />
        <Select
          allowClear
          placeholder={t('org.filter.allGrades')}
          value={grade}
          onChange={(g: number | undefined) => setFilters({ grade: g })}
          options={school?.grades.map((g) => ({ value: g, label: gradeNames[g] }))}
          style={{ width: 140 }}
        />
      </Flex>
      <QueryError error={schools.error ?? classes.error} />
      <Table<ClassRow>
        rowKey="id"
        size="middle"
        loading={classes.isLoading || schools.isLoading}
        dataSource={classes.data}
        scroll={{ x: manage ? 900 : 560 }}
        pagination={false}
        columns={[
          { title: t('org.class.grade'), dataIndex: 'grade', width: 90, render: (g: number) => gradeNames[g] },
          {
            title: t('org.class.name'),
            dataIndex: 'name',
            render: (v: string, row) => <Link to={`/org/students?schoolId=${row.schoolId}&classId=${row.id}`}>{v}</Link>,
          },
          { title: t('org.class.entryYear'), dataIndex: 'entryYear', width: 90 },
          { title: t('org.class.students'), dataIndex: 'studentCount', width: 80, align: 'right' },
          { title: t('org.class.teacher'), dataIndex: 'classTeacher', width: 110, render: (v: ClassRow['classTeacher']) => v?.name ?? '—' },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 340,
                  render: (_: unknown, row: ClassRow) => (
                    <RowActions
                      icons
                      wrap
                      onEdit={() => open(row)}
                      remove={{
                        confirm: t('org.classes.deleteConfirm', { name: row.name }),
                        onConfirm: () => remove.mutate(row),
                        blocked: row.studentCount > 0 ? t('org.classes.notEmpty') : undefined,
                      }}
                    >
                      <ConfirmLink
                        confirm={t('org.classes.accountsConfirm', { name: row.name })}
                        onConfirm={() => accounts.mutate(row)}
                        confirmLoading={accounts.isPending}
                        icon={<KeyOutlined />}
                      >
                        {t('org.classes.guardianAccounts')}
                      </ConfirmLink>
                    </RowActions>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('org.classes.new') : t('org.classes.edit')}>
        <Form.Item label={t('org.school.name')}>
          <Input value={school?.name} disabled />
        </Form.Item>
        <Form.Item name="grade" label={t('org.class.grade')} rules={[{ required: true }]}>
          <Select
            options={school?.grades.map((g) => ({ value: g, label: gradeNames[g] }))}
            onChange={(g: number) => editing === 'new' && form.setFieldsValue({ entryYear: entryYearOf(g) })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('org.class.name')} rules={[{ required: true, whitespace: true }]} extra={t('org.class.nameHint')}>
          <Input maxLength={CLASS_NAME_MAX} />
        </Form.Item>
        <Form.Item name="entryYear" label={t('org.class.entryYear')} rules={[{ required: true }]}>
          <InputNumber min={ENTRY_YEAR_MIN} max={ENTRY_YEAR_MAX} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <CredentialsModal credentials={credentials} title={t('org.classes.guardianAccounts')} onClose={() => setCredentials(null)} />
    </>
  );
}
