/** Staff accounts and their roles: search, create (initial password shown once), assign, reset, unlock, disable. */
import { LockOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type AssignmentInput, PERSON_NAME_MAX, roleLabels, ROLES, USERNAME_MAX, USERNAME_MIN, USERNAME_PATTERN } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Divider, Flex, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../app/api';
import { can, useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ConfirmLink } from '../../components/RowActions';
import { useSaveMutation } from '../../components/useSaveMutation';
import { AssignmentFields, type AssignmentValues, assignableRoles, assignmentColor, assignmentLabel, cleanAssignment } from './AssignmentFields';
import { CredentialsModal } from './CredentialsModal';
import { SchoolSelect, useUrlFilters } from './filters';
import type { CredentialRow, Paged, StaffRow } from './queries';
import { useSchools } from './queries';

type CreateValues = { username: string; name: string; phone?: string; assignments: AssignmentValues[] };

export default function StaffPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const message = useMessage();
  const client = useQueryClient();
  const schools = useSchools();
  const [filters, setFilters] = useUrlFilters('schoolId', 'role', 'q', 'page');
  const [search, setSearch] = useState(filters.q ?? '');
  const schoolId = filters.schoolId ?? (schools.data?.length === 1 ? schools.data[0]!.id : undefined);
  const page = Number(filters.page ?? 1);
  const query = { schoolId, role: filters.role, q: filters.q, page, pageSize: 20 };
  const staff = useQuery({ queryKey: ['staff', query], queryFn: () => api.get<Paged<StaffRow>>(`/api/staff${qs(query)}`), placeholderData: (prev) => prev });
  const manage = can(me, 'staff.manage');
  const roles = assignableRoles(me);
  const tz = useTimeZone();
  // several schools in one list: say which school each person works at
  const showSchools = !schoolId && (schools.data?.length ?? 0) > 1;

  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<StaffRow | null>(null);
  const [credentials, setCredentials] = useState<CredentialRow[] | null>(null);
  const [createForm] = Form.useForm<CreateValues>();
  const [assignForm] = Form.useForm<{ assignment: AssignmentValues }>();

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['staff'] });
    void client.invalidateQueries({ queryKey: ['classes'] });
    void client.invalidateQueries({ queryKey: ['org-overview'] });
  };
  const create = useSaveMutation({
    form: createForm,
    mutationFn: (v: CreateValues) =>
      api.post<{ staff: StaffRow; credential: CredentialRow }>('/api/staff', { ...v, phone: v.phone || null, assignments: v.assignments.map(cleanAssignment) }),
    // the initial password is what the next dialog shows
    saved: false,
    onSuccess: (r) => {
      setCreating(false);
      setCredentials([r.credential]);
      refresh();
    },
  });
  const addAssignment = useSaveMutation({
    form: assignForm,
    mutationFn: ({ id, a }: { id: string; a: AssignmentInput }) => api.post<StaffRow>(`/api/staff/${id}/assignments`, a),
    saved: t('org.staff.assigned'),
    onSuccess: (row) => {
      setAssigning(row);
      assignForm.resetFields();
      refresh();
    },
  });
  const removeAssignment = useMutation({
    mutationFn: ({ id, assignmentId }: { id: string; assignmentId: string }) => api.delete<StaffRow>(`/api/staff/${id}/assignments/${assignmentId}`),
    onSuccess: (row) => {
      setAssigning(row);
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const reset = useMutation({
    mutationFn: (row: StaffRow) => api.post<CredentialRow>(`/api/staff/${row.id}/reset-password`),
    onSuccess: (c) => {
      setCredentials([c]);
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const unlock = useMutation({
    mutationFn: (row: StaffRow) => api.post<StaffRow>(`/api/staff/${row.id}/unlock`),
    onSuccess: () => {
      message.success(t('org.staff.unlocked'));
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const setStatus = useMutation({
    mutationFn: ({ row, status }: { row: StaffRow; status: StaffRow['status'] }) => api.patch<StaffRow>(`/api/staff/${row.id}`, { status }),
    onSuccess: (row) => {
      message.success(row.status === 'active' ? t('org.staff.enabled') : t('org.staff.disabled'));
      refresh();
    },
    onError: (e) => message.error(e.message),
  });

  const openCreate = () => {
    createForm.resetFields();
    // a school's new account is most often a teacher; the district office picks the role itself
    createForm.setFieldsValue({ assignments: [{ role: roles.includes('district_admin') ? undefined : 'teacher', schoolId }] });
    setCreating(true);
  };
  const openAssign = (row: StaffRow) => {
    assignForm.resetFields();
    assignForm.setFieldsValue({ assignment: { schoolId: schoolId ?? row.assignments.find((a) => a.schoolId)?.schoolId ?? undefined } });
    setAssigning(row);
  };

  return (
    <>
      <PageHeader
        title={t('menu.staff')}
        sub={staff.data && t('common.total', { n: staff.data.total })}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="new-staff">
              {t('org.staff.new')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <SchoolSelect value={schoolId} allowClear={(schools.data?.length ?? 0) > 1} onChange={(id) => setFilters({ schoolId: id })} />
        <Select
          allowClear
          placeholder={t('org.filter.allRoles')}
          value={filters.role}
          onChange={(r: string | undefined) => setFilters({ role: r })}
          options={ROLES.filter((r) => r !== 'parent').map((r) => ({ value: r, label: roleLabels[r][locale] }))}
          style={{ width: 190 }}
        />
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilters({ q: q.trim() })}
          placeholder={t('org.staff.searchHint')}
          style={{ width: 240 }}
        />
      </Flex>
      <QueryError error={staff.error} />
      <Table<StaffRow>
        rowKey="id"
        loading={staff.isFetching}
        dataSource={staff.data?.items}
        scroll={{ x: (manage ? 1080 : 860) + (showSchools ? 150 : 0) }}
        pagination={{
          current: page,
          pageSize: 20,
          total: staff.data?.total,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p) => setFilters({ page: p }),
        }}
        columns={[
          {
            title: t('org.staff.name'),
            dataIndex: 'name',
            width: 140,
            render: (v: string, row) => (
              <div>
                <Typography.Text strong>{v}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.username}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('org.staff.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
          ...(showSchools
            ? [
                {
                  title: t('org.school.name'),
                  key: 'schools',
                  width: 150,
                  render: (_: unknown, row: StaffRow) => [...new Set(row.assignments.map((a) => a.schoolName ?? a.zoneName ?? a.institutionName).filter(Boolean))].join('、') || '—',
                },
              ]
            : []),
          {
            title: t('org.staff.assignments'),
            dataIndex: 'assignments',
            render: (list: StaffRow['assignments']) => (
              <Space size={[0, 4]} wrap>
                {list.map((a) => (
                  <Tooltip key={a.id} title={a.schoolName}>
                    <Tag color={assignmentColor(a.role)}>{assignmentLabel(a, locale)}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          {
            title: t('org.staff.status'),
            key: 'status',
            width: 110,
            render: (_: unknown, row) => (
              <Space size={[0, 4]} wrap>
                {row.status === 'active' ? <Tag color="green">{t('org.staff.active')}</Tag> : <Tag color="default">{t('org.staff.inactive')}</Tag>}
                {row.locked && (
                  <Tag color="red" icon={<LockOutlined />}>
                    {t('org.staff.locked')}
                  </Tag>
                )}
                {row.mustChangePassword && <Tag color="orange">{t('org.staff.mustChange')}</Tag>}
              </Space>
            ),
          },
          { title: t('org.staff.lastLogin'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => (v ? formatDateTime(v, tz) : t('org.staff.never')) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 230,
                  render: (_: unknown, row: StaffRow) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => openAssign(row)}>
                        {t('org.staff.manageAssignments')}
                      </Button>
                      <ConfirmLink confirm={t('org.staff.resetConfirm', { name: row.name })} onConfirm={() => reset.mutate(row)}>
                        {t('org.staff.resetPassword')}
                      </ConfirmLink>
                      {row.locked && (
                        <Button type="link" size="small" onClick={() => unlock.mutate(row)}>
                          {t('org.staff.unlock')}
                        </Button>
                      )}
                      {row.id !== me?.user.id &&
                        (row.status === 'active' ? (
                          <ConfirmLink confirm={t('org.staff.disableConfirm', { name: row.name })} onConfirm={() => setStatus.mutate({ row, status: 'disabled' })} danger>
                            {t('org.staff.disable')}
                          </ConfirmLink>
                        ) : (
                          <Button type="link" size="small" onClick={() => setStatus.mutate({ row, status: 'active' })}>
                            {t('org.staff.enable')}
                          </Button>
                        ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />

      <FormModal
        open={creating}
        title={t('org.staff.new')}
        onCancel={() => setCreating(false)}
        form={createForm}
        name="staff-new"
        loading={create.isPending}
        onFinish={(v) => create.mutate(v)}
        width={760}
        destroyOnHidden={false}
        forceRender
      >
        <Flex wrap gap={12}>
          <Form.Item name="username" label={t('org.staff.username')} rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('org.staff.usernameRule', { min: USERNAME_MIN, max: USERNAME_MAX }) }]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={USERNAME_MAX} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('org.staff.name')} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 140px' }}>
            <Input maxLength={PERSON_NAME_MAX} />
          </Form.Item>
          <Form.Item name="phone" label={t('org.staff.phoneOptional')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('org.guardians.phoneInvalid') }]} style={{ flex: '1 1 150px' }}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('org.staff.assignments')}
        </Divider>
        <Form.List name="assignments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <AssignmentFields
                  key={field.key}
                  form={createForm}
                  name={[field.name]}
                  path={['assignments', field.name]}
                  roles={roles}
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                    )
                  }
                />
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ schoolId })} block>
                {t('org.staff.addAssignment')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('org.staff.passwordHint')}
        </Typography.Paragraph>
      </FormModal>

      <Modal open={!!assigning} title={t('org.staff.assignmentsOf', { name: assigning?.name ?? '' })} onCancel={() => setAssigning(null)} footer={null} width={760} forceRender>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {assigning?.assignments.length === 0 && <Typography.Text type="secondary">{t('org.staff.noAssignments')}</Typography.Text>}
          {assigning?.assignments.map((a) => (
            <Flex key={a.id} justify="space-between" align="center" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
              <Space wrap>
                <Tag color={assignmentColor(a.role)}>{assignmentLabel(a, locale)}</Tag>
                {a.schoolName && <Typography.Text type="secondary">{a.schoolName}</Typography.Text>}
              </Space>
              <ConfirmLink confirm={t('org.staff.unassignConfirm')} onConfirm={() => assigning && removeAssignment.mutate({ id: assigning.id, assignmentId: a.id })} danger>
                {t('org.staff.unassign')}
              </ConfirmLink>
            </Flex>
          ))}
        </Space>
        <Divider titlePlacement="start">{t('org.staff.addAssignment')}</Divider>
        <Form form={assignForm} name="staff-assign" onFinish={(v) => assigning && addAssignment.mutate({ id: assigning.id, a: cleanAssignment(v.assignment) })}>
          <AssignmentFields
            form={assignForm}
            name={['assignment']}
            path={['assignment']}
            roles={roles}
            extra={
              <Button type="primary" htmlType="submit" loading={addAssignment.isPending}>
                {t('org.staff.assign')}
              </Button>
            }
          />
        </Form>
      </Modal>

      <CredentialsModal credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
}
