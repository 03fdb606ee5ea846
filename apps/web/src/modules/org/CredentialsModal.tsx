/** New accounts' initial passwords, shown exactly once: the person hands them over; each must be changed at first sign-in. */
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useT } from '../../app/i18n';
import type { CredentialRow } from './queries';

export function CredentialsTable({ credentials }: { credentials: CredentialRow[] }) {
  const t = useT();
  return (
    <>
      <Alert type="warning" showIcon title={t('org.credentials.once')} description={t('org.credentials.mustChange')} style={{ marginBottom: 12 }} />
      <Table<CredentialRow>
        data-testid="credentials"
        rowKey="username"
        size="small"
        dataSource={credentials}
        pagination={credentials.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 420 }}
        columns={[
          { title: t('org.credentials.name'), dataIndex: 'name', width: 100 },
          { title: t('org.credentials.username'), dataIndex: 'username', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          {
            title: t('org.credentials.password'),
            dataIndex: 'initialPassword',
            render: (v: string) => (
              <Typography.Text code copyable data-testid="initial-password">
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}

/** `credentials` null = closed; an empty list says there was nobody to open an account for. */
export function CredentialsModal({ credentials, title, onClose }: { credentials: CredentialRow[] | null; title?: string; onClose: () => void }) {
  const t = useT();
  const copyAll = () => {
    const text = (credentials ?? []).map((c) => `${c.name}\t${c.username}\t${c.initialPassword}`).join('\n');
    void navigator.clipboard?.writeText(text);
  };
  // a list to print and hand out; the BOM makes Excel read the Chinese names correctly
  const download = () => {
    const header = [t('org.credentials.name'), t('org.credentials.username'), t('org.credentials.password')];
    const rows = [header, ...(credentials ?? []).map((c) => [c.name, c.username, c.initialPassword])];
    const csv = '\ufeff' + rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\r\n');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${t('org.credentials.fileName')}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Modal
      open={credentials !== null}
      title={title ?? t('org.credentials.title')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      mask={{ closable: false }}
      footer={[
        credentials && credentials.length > 1 && (
          <Button key="download" onClick={download}>
            {t('org.credentials.download')}
          </Button>
        ),
        credentials && credentials.length > 1 && (
          <Button key="copy" onClick={copyAll}>
            {t('org.credentials.copyAll')}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose}>
          {t('org.credentials.done')}
        </Button>,
      ]}
    >
      {credentials && credentials.length === 0 ? <Alert type="info" showIcon title={t('org.credentials.none')} /> : credentials && <CredentialsTable credentials={credentials} />}
    </Modal>
  );
}
