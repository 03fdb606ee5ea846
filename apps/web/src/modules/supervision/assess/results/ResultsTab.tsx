/**
 * 得分预览 / 结果: while scoring, the live figures to today; once closed, the frozen results. Totals by school as a chart,
 * then the table (filter by list, Excel export); the district office closes (关账) and publishes (公布) from here, sets
 * awards and sends warnings to the yellow and black lists.
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { AssessSchoolResult, ListKind, SentNotice, SupervisionAssessmentDetail } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { can, useMe, useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { formatDateTime } from '../../../../components/format';
import { QueryError } from '../../../../components/QueryError';
import { resultsExportUrl, useAssessWarnings, useAssessWrites, useResults } from '../../queries-assess';
import { ConfirmAction } from '../common/ConfirmAction';
import { ResultsTable } from './ResultsTable';
import { TotalsChart } from './TotalsChart';
import { WarningDialog } from './WarningDialog';

type Filter = ListKind | 'none' | 'all';

export function ResultsTab({ assessment: a, district }: { assessment: SupervisionAssessmentDetail; district: boolean }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const { data: me } = useMe();
  const frozen = a.status === 'closed' || a.status === 'published';
  const q = useResults(a.id, frozen);
  const mayWarn = frozen && can(me, 'supervision.notice.send');
  const warningsQ = useAssessWarnings(a.id, mayWarn);
  const writes = useAssessWrites();
  const [filter, setFilter] = useState<Filter>('all');
  const [warning, setWarning] = useState<AssessSchoolResult | null>(null);
  const data = q.data;
  const warnings = useMemo(() => {
    if (!warningsQ.data) return null;
    const out = new Map<string, SentNotice>();
    // newest first: the first seen for a school is its latest warning
    for (const n of warningsQ.data.items) for (const s of n.schoolIds) if (!out.has(s)) out.set(s, n);
    return out;
  }, [warningsQ.data]);
  const schools = data?.schools ?? [];
  const count = (f: Filter) => schools.filter((s) => f === 'all' || (s.list ?? 'none') === f).length;
  const shown = schools.filter((s) => filter === 'all' || (s.list ?? 'none') === filter);
  const missing = schools.reduce((n, s) => n + (s.missing > 0 ? 1 : 0), 0);

  return (
    <>
      <QueryError error={q.error} />
      {data && (
        <Alert
          type={frozen ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assess-results-note"
          title={
            frozen
              ? t('sv.assess.frozenNote', { date: a.closeDate, at: formatDateTime(a.closedAt, tz).slice(0, 16) })
              : t('sv.assess.previewNote', { from: data.range.from, to: data.range.to })
          }
        />
      )}
      {mayWarn && warningsQ.error && <QueryError error={warningsQ.error} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap justify="space-between" align="center">
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            data-testid="assess-filter"
            options={(['all', 'red', 'yellow', 'black', 'none'] as const).map((f) => ({ value: f, label: `${t(f === 'all' ? 'sv.assess.list.all' : `sv.assess.list.${f}`)} ${count(f)}` }))}
          />
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} href={resultsExportUrl(a.id)} download data-testid="assess-export" disabled={!frozen}>
              {t('sv.assess.export')}
            </Button>
            {district && a.status === 'scoring' && (
              <ConfirmAction
                type="primary"
                testId="assess-close"
                label={t('sv.assess.close')}
                title={t('sv.assess.closeTitle')}
                body={
                  <>
                    {t('sv.assess.closeBody', { date: a.closeDate })}
                    {missing > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('sv.assess.closeMissing', { n: missing })} />}
                  </>
                }
                done={t('sv.assess.closed')}
                run={() => writes.close(a.id)}
              />
            )}
            {district && a.status === 'closed' && (
              <ConfirmAction
                type="primary"
                testId="assess-publish"
                label={t('sv.assess.publish')}
                title={t('sv.assess.publishTitle')}
                body={t('sv.assess.publishBody')}
                done={t('sv.assess.published')}
                run={() => writes.publish(a.id)}
              />
            )}
          </Flex>
        </Flex>
      </Card>
      {data && <TotalsChart assessment={a} schools={shown} />}
      <Card size="small" loading={q.isLoading}>
        {data && (
          <ResultsTable
            assessment={a}
            indicators={data.indicators}
            rows={shown}
            frozen={frozen}
            district={district}
            warnings={mayWarn ? warnings : null}
            onWarn={setWarning}
          />
        )}
      </Card>
      {mayWarn && data && <WarningDialog assessment={a} indicators={data.indicators} school={warning} schoolCount={schools.filter((s) => s.rank !== null).length} onClose={() => setWarning(null)} />}
    </>
  );
}
