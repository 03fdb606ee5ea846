/**
 * 督导报告 (district office, inspectors, a school's administrator): the monthly and semester reports of a period — the
 * district's first, then each school's — with their Excel workbook and printable PDF; the district office generates
 * a period's reports (a school's administrator the school's own). Reports are snapshots: regenerating replaces them.
 */
import './messages';
import { PlusOutlined } from '@ant-design/icons';
import type { ReportKind } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Input, Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useReports } from '../queries-reports';
import { GenerateDialog } from './GenerateDialog';
import { ReportRows } from './ReportRows';

export default function ReportsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') === 'semester' ? 'semester' : 'month') as ReportKind;
  const period = params.get('period') ?? undefined;
  const q = useReports({ kind, period });
  const [generating, setGenerating] = useState(false);
  const [search, setSearch] = useState('');
  const show = (k: ReportKind, p?: string) => setParams(p ? { kind: k, period: p } : { kind: k }, { replace: true });
  const data = q.data;
  const items = useMemo(() => {
    const all = data?.items ?? [];
    const s = search.trim();
    return s ? all.filter((r) => r.scope === 'district' || (r.schoolName ?? '').includes(s)) : all;
  }, [data, search]);
  return (
    <>
      <PageHeader
        title={t('menu.supervision.reports')}
        sub={t(data?.canGenerate === 'school' ? 'svr.subSchool' : 'svr.sub')}
        extra={
          data &&
          data.canGenerate !== 'none' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="generate-reports">
              {data.items.length ? t('svr.regenerate') : t('svr.generate')}
            </Button>
          )
        }
      />
      <QueryError error={q.error} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center">
          <Segmented
            value={kind}
            onChange={(k) => show(k as ReportKind)}
            options={[
              { value: 'month', label: t('svr.kind.month') },
              { value: 'semester', label: t('svr.kind.semester') },
            ]}
            data-testid="report-kind"
          />
          <Select
            style={{ width: 240, maxWidth: '100%' }}
            value={data?.kind === kind ? (data.period ?? undefined) : undefined}
            placeholder={t('svr.noPeriod')}
            onChange={(p: string) => show(kind, p)}
            options={(data?.kind === kind ? data.periods : []).map((p) => ({ value: p.period, label: p.label }))}
            data-testid="report-period"
          />
          {(data?.items.length ?? 0) > 8 && (
            <Input.Search allowClear placeholder={t('svr.search')} style={{ width: 220, maxWidth: '100%' }} onChange={(e) => setSearch(e.target.value)} />
          )}
        </Flex>
      </Card>
      {data?.canGenerate === 'all' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('svr.jobNote')} />}
      <ReportRows items={items} loading={q.isLoading || q.isFetching} />
      {generating && data && (
        <GenerateDialog
          list={data}
          kind={kind}
          onClose={() => setGenerating(false)}
          onDone={(k, p) => {
            setGenerating(false);
            show(k, p);
          }}
        />
      )}
    </>
  );
}
