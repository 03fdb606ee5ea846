/**
 * 区级校外培训看板 (district office, inspectors): figures from the rollup for the district or one zone — institutions
 * by status, custody coverage, money held, released and refunded, cases and complaints; a zone drills down to its
 * institutions, an institution opens its figures and cases. The workbook carries the same rows.
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { TrainingZoneRow } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Breadcrumb, Button, Card, Col, Flex, Row, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { InstitutionDrawer } from './InstitutionDrawer';
import { InstitutionsTable } from './InstitutionsTable';
import { coveragePct, TrainingKpis } from './Kpis';
import { trainingExportUrl, useTrainingDistrict } from './queries';
import { AlertKindsChart, StatusChart } from './StatusChart';

export default function TrainingDistrictPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const zoneId = params.get('zone') ?? undefined;
  const open = params.get('institution');
  const overview = useTrainingDistrict(zoneId);
  const all = useTrainingDistrict(undefined);
  const data = overview.data;
  const zoneName = all.data?.zones.find((z) => z.zoneId === zoneId)?.zoneName;
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  const go = (next: { zone?: string; institution?: string }) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);

  return (
    <>
      <PageHeader
        title={t('menu.training.district')}
        sub={t('training.district.sub')}
        extra={
          <Button icon={<DownloadOutlined />} href={trainingExportUrl(zoneId)} download>
            {t('training.district.export')}
          </Button>
        }
      />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: zoneId ? <a onClick={() => go({})}>{t('training.district.allZones')}</a> : t('training.district.allZones') },
          ...(zoneId ? [{ title: zoneName ?? '' }] : []),
        ]}
      />
      {overview.error && <QueryError error={overview.error} />}
      <TrainingKpis data={data} loading={overview.isLoading} />
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('training.district.byStatus')}>
              <StatusChart data={data} onZone={(z) => go({ zone: z })} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('training.district.alertKinds')}>
              <AlertKindsChart data={data} />
            </Card>
          </Col>
        </Row>
      )}
      {!zoneId && (
        <Card size="small" title={t('training.district.byZone')} style={{ marginBottom: 16 }}>
          <Table<TrainingZoneRow>
            rowKey="zoneId"
            size="small"
            pagination={false}
            dataSource={data?.zones ?? []}
            onRow={(z) => ({ onClick: () => go({ zone: z.zoneId }), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('training.district.zone'), key: 'zone', render: (_, z) => <a data-testid="zone-link">{z.zoneName}</a> },
              { title: t('training.district.institutions'), dataIndex: 'institutions' },
              { title: t('training.district.coverage'), key: 'coverage', render: (_, z) => `${coveragePct(z.covered, z.owing)}（${z.covered}/${z.owing}）` },
              { title: t('training.district.held'), key: 'held', align: 'right', render: (_, z) => yuan(z.heldFen) },
              { title: t('training.district.released'), key: 'released', align: 'right', render: (_, z) => yuan(z.releasedFen) },
              { title: t('training.district.refunded'), key: 'refunded', align: 'right', render: (_, z) => yuan(z.refundedFen) },
              { title: t('training.district.openAlerts'), dataIndex: 'openAlerts' },
              { title: t('training.district.complaints'), key: 'complaints', render: (_, z) => `${z.complaintsOpen} / ${z.complaintsOverdue}` },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('training.district.byInstitution')}>
        <InstitutionsTable rows={data?.institutions ?? []} loading={overview.isLoading} onOpen={(r) => go({ zone: zoneId, institution: r.institutionId })} />
        <Flex justify="end">
          {data?.refreshedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.district.refreshed', { at: new Date(data.refreshedAt).toLocaleString(locale) })}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      <InstitutionDrawer institutionId={open} onClose={() => go({ zone: zoneId })} />
    </>
  );
}
