/** 机构备案: the institution admin's registry file, venues, staff, materials, courses (checked live) and packages. */
import { Alert, Card, Empty, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useInstitution } from '../institution/useInstitution';
import { FileTabs } from './FileTabs';
import { FilingTag, ListTag, StatusTag } from './labels';
import { useRegistryFile } from './queries';

export default function FilingPage() {
  const { t } = useI18n();
  const { institutions, institution, choose } = useInstitution();
  const file = useRegistryFile(institution?.id);
  if (!institution)
    return (
      <Card>
        <Empty description={t('training.reg.none')} />
      </Card>
    );
  const p = file.data?.profile;
  return (
    <div data-testid="training-filing">
      <PageHeader
        title={`${t('menu.training.filing')} · ${institution.name}`}
        sub={t('training.reg.filingSub')}
        extra={
          <>
            {p && (
              <>
                <StatusTag status={p.status} />
                <ListTag list={p.listStatus} />
                <FilingTag status={p.filingStatus} />
              </>
            )}
            {institutions.length > 1 && <Select value={institution.id} onChange={choose} options={institutions.map((i) => ({ value: i.id, label: i.name }))} style={{ width: 220 }} />}
          </>
        }
      />
      <QueryError error={file.error} />
      {file.isLoading && <PageSpinner />}
      {file.data && (
        <Card styles={{ body: { paddingTop: 4 } }}>
          {file.data.history[0] && file.data.profile.status !== 'active' && (
            <Alert type="warning" showIcon style={{ margin: '12px 0' }} title={`${t('training.reg.status')}：${file.data.history[0].reason}`} />
          )}
          <FileTabs file={file.data} editable={file.data.canFile} />
        </Card>
      )}
    </div>
  );
}
