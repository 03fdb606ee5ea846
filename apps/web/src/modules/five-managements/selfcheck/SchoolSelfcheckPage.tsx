/** 学期自查: one school's answers to the district's checklist and its rectifications (the school answers and fixes; the district drills in and verifies). */
import { Alert, Button, Empty, Flex, Progress, Space, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { hasRole, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { ItemList } from './ItemList';
import { useSchoolSelfcheck, useSelfcheckWrites } from './queries';
import { RectificationCard } from './RectificationCard';

const statusColor = { not_started: 'default', draft: 'orange', submitted: 'green' } as const;

export default function SchoolSelfcheckPage() {
  const { t } = useI18n();
  const { schoolId } = useParams();
  const me = useMe().data;
  const sc = useSchoolSelfcheck(schoolId);
  const writes = useSelfcheckWrites();
  const submit = useSaveMutation({ form: null, mutationFn: () => writes.submit(sc.data!.checklist!.id, sc.data!.schoolId), saved: t('five.selfcheck.submitted') });
  const school = hasRole(me, 'school_admin') && !schoolId;
  const verifier = hasRole(me, 'district_admin', 'inspector');
  if (sc.error) return <QueryError error={sc.error} />;
  if (!sc.data) return <PageSpinner />;
  const d = sc.data;
  const items = d.checklist?.items.length ?? 0;
  const editable = school && d.status !== 'submitted' && !!d.checklist;
  const open = d.rectifications.filter((r) => r.status !== 'closed');
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={t('five.selfcheck.schoolTitle', { school: d.schoolName })}
        sub={`${d.semesterName}${d.checklist ? ` · ${d.checklist.title}` : ''}`}
        extra={
          editable && (
            <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate(undefined)} data-testid="submit-selfcheck">
              {t('five.selfcheck.submit')}
            </Button>
          )
        }
      />
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Tag color={statusColor[d.status]} data-testid="selfcheck-status">
          {t(`five.selfcheck.status.${d.status}`)}
        </Tag>
        <Space>
          {t('five.selfcheck.progress')}
          <Progress percent={items ? Math.round((d.answered / items) * 100) : 0} size="small" style={{ width: 160 }} format={() => `${d.answered}/${items}`} />
        </Space>
        {d.submittedBy && <span>{t('five.selfcheck.submittedBy', { name: d.submittedBy })}</span>}
      </Flex>
      {!d.checklist && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('five.selfcheck.noChecklist')} />}
      <Tabs
        defaultActiveKey={school ? 'items' : 'rect'}
        items={[
          { key: 'items', label: t('five.selfcheck.items'), children: d.checklist ? <ItemList sc={d} editable={editable} /> : <Empty /> },
          {
            key: 'rect',
            label: `${t('five.selfcheck.rectifications')} (${open.length})`,
            children: d.rectifications.length ? d.rectifications.map((r) => <RectificationCard key={r.id} r={r} school={school} verifier={verifier} />) : <Empty description={t('five.selfcheck.noRect')} />,
          },
        ]}
      />
    </div>
  );
}
