/** One institution's whole file for the district and inspectors: status, lists, filings, history; the district changes the status. */
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { FileTabs } from './FileTabs';
import { FilingTag, ListTag, StatusTag } from './labels';
import { useRegistryFile } from './queries';
import { StatusDialog } from './StatusDialog';

export default function InstitutionFilePage() {
  const { t } = useI18n();
  const { id } = useParams();
  const file = useRegistryFile(id);
  const [changing, setChanging] = useState(false);
  const p = file.data?.profile;
  return (
    <div data-testid="training-registry-file">
      <PageHeader
        title={p ? p.institutionName : t('menu.training.registryFile')}
        sub={p ? `${p.licenseNo} · ${p.field} · ${p.zoneName}` : undefined}
        extra={
          p && (
            <>
              <StatusTag status={p.status} />
              <ListTag list={p.listStatus} />
              <FilingTag status={p.filingStatus} />
              {file.data?.canReview && (
                <Button type="primary" onClick={() => setChanging(true)} data-testid="status-open">
                  {t('training.reg.changeStatus')}
                </Button>
              )}
            </>
          )
        }
      />
      <QueryError error={file.error} />
      {file.isLoading && <PageSpinner />}
      {file.data && (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <FileTabs file={file.data} editable={false} />
        </Card>
      )}
      {p && <StatusDialog profile={p} open={changing} onClose={() => setChanging(false)} />}
    </div>
  );
}
