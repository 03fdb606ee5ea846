/** One student: details, special-student flags (only when the server sends them) and guardians with their parent accounts. */
import { DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { PERSON_NAME_MAX, RELATIONS, SENSITIVE_NOTE_MAX } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, Result, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { FormModal } from '../../components/FormModal';
import { PageSpinner } from '../../components/PageSpinner';
import { ConfirmLink } from '../../components/RowActions';
import { useSaveMutation } from '../../components/useSaveMutation';
import { CredentialsModal } from './CredentialsModal';
import { type CredentialRow, invalidateOrg, type StudentDetailRow, type StudentRow } from './queries';
import { IdentityValue, SensitiveTags, StatusTag } from './StudentTags';
import { StudentFormModal } from './StudentForm';

type Sensitive = NonNullable<StudentRow['sensitive']>;
type GuardianValues = { name: string; phone: string; relation: (typeof RELATIONS)[number] };

export function StudentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const message = useMessage();
  const student = useQuery({ queryKey: ['student', id], queryFn: () => api.get<StudentDetailRow>(`/api/students/${id}`), enabled: !!id });
  const [editing, setEditing] = useState(false);
  const [sensitiveOpen, setSensitiveOpen] = useState(false);
  const [credentials, setCredentials] = useState<CredentialRow[] | null>(null);
  const [guardianForm] = Form.useForm<GuardianValues>();
  const [sensitiveForm] = Form.useForm<Sensitive>();
  const manage = can(me, 'org.manage');
  const narrow = !Grid.useBreakpoint().sm;
  const s = student.data;

  const updated = (next: StudentDetailRow) => {
    client.setQueryData(['student', next.id], next);
    void client.invalidateQueries({ queryKey: ['students'] });
  };
  const addGuardian = useSaveMutation({
    form: guardianForm,
    mutationFn: (v: GuardianValues) => api.post<StudentDetailRow>(`/api/students/${id}/guardians`, v),
    saved: t('org.guardians.added'),
    onSuccess: (next) => {
      updated(next);
      guardianForm.resetFields();
    },
  });
  const removeGuardian = useMutation({
    mutationFn: (guardianId: string) => api.delete<StudentDetailRow>(`/api/students/${id}/guardians/${guardianId}`),
    onSuccess: (next) => {
      updated(next);
      message.success(t('org.guardians.removed'));
    },
    onError: (e) => message.error(e.message),
  });
  const openAccount = useMutation({
    mutationFn: (guardianId: string) => api.post<CredentialRow>(`/api/students/${id}/guardians/${guardianId}/account`),
    onSuccess: (c) => {
      setCredentials([c]);
      void client.invalidateQueries({ queryKey: ['student', id] });
    },
    onError: (e) => message.error(e.message),
  });
  const saveSensitive = useSaveMutation({
    form: sensitiveForm,
    mutationFn: (v: Sensitive) => api.put<StudentDetailRow>(`/api/students/${id}/sensitive`, { ...v, note: v.note || null }),
    onSuccess: (next) => {
      updated(next);
      setSensitiveOpen(false);
    },
  });

  let body;
  if (student.isLoading) body = <PageSpinner />;
  else if (student.error) body = <Result status="warning" title={student.error instanceof ApiError ? student.error.message : String(student.error)} />;
  else if (s)
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'no', label: t('org.student.no'), children: s.studentNo },
            { key: 'gender', label: t('org.student.gender'), children: t(`org.gender.${s.gender}`) },
            { key: 'birth', label: t('org.student.birthDate'), children: s.birthDate },
            { key: 'idNumber', label: t('org.student.idNumber'), children: <IdentityValue value={s.idNumber} masked={s.identityMasked} testId="student-id-number" /> },
            { key: 'address', label: t('org.student.address'), children: <IdentityValue value={s.address} masked={s.identityMasked} /> },
            { key: 'school', label: t('org.school.name'), children: s.schoolName },
            { key: 'class', label: t('org.student.class'), children: s.className },
            { key: 'status', label: t('org.student.status'), children: <StatusTag status={s.status} /> },
          ]}
        />
        {(s.idNumber || s.address) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.identityMasked ? t('org.student.identity.masked') : t('org.student.identity.full')}
          </Typography.Text>
        )}
        {s.sensitive && (
          <Card
            size="small"
            title={t('org.sensitive.title')}
            extra={
              can(me, 'student.sensitive.write') && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => {
                    sensitiveForm.resetFields();
                    sensitiveForm.setFieldsValue(s.sensitive!);
                    setSensitiveOpen(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
              )
            }
          >
            <SensitiveTags flags={s.sensitive} empty={<Typography.Text type="secondary">{t('org.sensitive.none')}</Typography.Text>} />
            {s.sensitive.note && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{s.sensitive.note}</Typography.Paragraph>}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('org.sensitive.privacy')}
            </Typography.Paragraph>
          </Card>
        )}
        <Card size="small" title={t('org.guardians.title')}>
          {s.guardians === null ? (
            <Alert type="info" showIcon title={t('org.guardians.hidden')} />
          ) : s.guardians.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.guardians.none')} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="guardians">
              {s.guardians.map((g) => (
                <Flex key={g.id} justify="space-between" align="center" wrap gap={8} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
                  <div>
                    <Space wrap size={4}>
                      <Typography.Text strong>{g.name}</Typography.Text>
                      <Tag>{g.relation}</Tag>
                      {g.hasAccount ? <Tag color="green">{t('org.guardians.hasAccount')}</Tag> : <Tag>{t('org.guardians.noAccount')}</Tag>}
                    </Space>
                    <div>
                      <Typography.Text type="secondary">{g.phone}</Typography.Text>
                    </div>
                  </div>
                  {manage && (
                    <Space size={0}>
                      {!g.hasAccount && (
                        <ConfirmLink
                          confirm={t('org.guardians.accountConfirm', { name: g.name, phone: g.phone })}
                          onConfirm={() => openAccount.mutate(g.id)}
                          icon={<KeyOutlined />}
                          loading={openAccount.isPending && openAccount.variables === g.id}
                        >
                          {t('org.guardians.openAccount')}
                        </ConfirmLink>
                      )}
                      <ConfirmLink confirm={t('org.guardians.removeConfirm', { name: g.name })} onConfirm={() => removeGuardian.mutate(g.id)} danger icon={<DeleteOutlined />}>
                        {t('org.guardians.remove')}
                      </ConfirmLink>
                    </Space>
                  )}
                </Flex>
              ))}
            </Space>
          )}
          {manage && s.guardians !== null && (
            <Form form={guardianForm} name="guardian-add" layout="vertical" onFinish={(v) => addGuardian.mutate(v)} style={{ marginTop: 16 }} requiredMark={false}>
              <Typography.Text strong>{t('org.guardians.add')}</Typography.Text>
              <Flex wrap gap={8} style={{ marginTop: 8 }}>
                <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('org.guardians.nameRequired') }]} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                  <Input placeholder={t('org.guardian.name')} maxLength={PERSON_NAME_MAX} />
                </Form.Item>
                <Form.Item
                  name="phone"
                  rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('org.guardians.phoneInvalid') }]}
                  style={{ flex: '1 1 130px', marginBottom: 8 }}
                >
                  <Input placeholder={t('org.guardian.phone')} maxLength={11} inputMode="tel" />
                </Form.Item>
                <Form.Item name="relation" rules={[{ required: true, message: t('org.guardians.relationRequired') }]} style={{ flex: '1 1 110px', marginBottom: 8 }}>
                  <Select placeholder={t('org.guardian.relation')} options={RELATIONS.map((r) => ({ value: r, label: r }))} data-testid="guardian-relation" />
                </Form.Item>
                <Button htmlType="submit" icon={<PlusOutlined />} loading={addGuardian.isPending}>
                  {t('org.guardians.addButton')}
                </Button>
              </Flex>
            </Form>
          )}
        </Card>
      </Space>
    );

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={narrow ? '100%' : 520}
      title={
        s ? (
          <Space wrap>
            {s.name}
            {s.sensitive && <SensitiveTags flags={s.sensitive} />}
          </Space>
        ) : (
          t('org.students.detail')
        )
      }
      extra={
        manage &&
        s && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
      data-testid="student-drawer"
    >
      {body}
      {/* inside the drawer, so that they stack above it */}
      <StudentFormModal
        name="student-edit"
        student={editing && s ? s : null}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          updated(next);
          invalidateOrg(client, 'classes');
          setEditing(false);
        }}
      />
      <FormModal
        open={sensitiveOpen}
        title={t('org.sensitive.edit')}
        onCancel={() => setSensitiveOpen(false)}
        form={sensitiveForm}
        name="sensitive"
        loading={saveSensitive.isPending}
        onFinish={(v) => saveSensitive.mutate(v)}
        intro={<Alert type="warning" showIcon title={t('org.sensitive.privacy')} style={{ marginBottom: 16 }} />}
        destroyOnHidden={false}
        forceRender
      >
        {(['leftBehind', 'singleParent', 'hardship', 'disability', 'learningDifficulty'] as const).map((flag) => (
          <Form.Item key={flag} name={flag} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t(`org.sensitive.${flag}.long`)}</Checkbox>
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('org.sensitive.note')} style={{ marginTop: 12 }}>
          <Input.TextArea maxLength={SENSITIVE_NOTE_MAX} rows={3} />
        </Form.Item>
      </FormModal>
      <CredentialsModal credentials={credentials} title={t('org.guardians.openAccount')} onClose={() => setCredentials(null)} />
    </Drawer>
  );
}
