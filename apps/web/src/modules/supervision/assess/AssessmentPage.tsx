/**
 * One assessment (district office, inspectors): its head and progress (草稿 → 评分中 → 已关账 → 已公布), then three tabs —
 * the indicator sheet (测评细则, edited while a draft), the inspectors' scoring, and the scores (live preview while
 * scoring, the frozen results once closed) with lists, awards, warnings, close and publish.
 */
import './messages';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Steps, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import StatusResult from '../../../components/StatusResult';
import { useAssessment } from '../queries-assess';
import { StatusTag } from './common/Tags';
import { ResultsTab } from './results/ResultsTab';
import { ScoringTab } from './scoring/ScoringTab';
import { SheetTab } from './sheet/SheetTab';

const STEPS = ['draft', 'scoring', 'closed', 'published'] as const;
type TabKey = 'sheet' | 'scoring' | 'results';

export default function AssessmentPage() {
  const { t } = useI18n();
  const tz = useTimeZone();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const phone = !Grid.useBreakpoint().md;
  const q = useAssessment(id);
  const a = q.data;
  if (q.error instanceof ApiError && q.error.status === 404) return <StatusResult status="404" title={t('sv.assess.notFound')} />;
  if (!a) return q.error ? <QueryError error={q.error} /> : <PageSpinner />;

  const district = can(me, 'supervision.assess');
  const inspectorKinds = a.indicators.some((i) => i.kind === 'inspector');
  // where the work is: the sheet while a draft, scoring while open (the inspectors' part), the results after
  const fallback: TabKey = a.status === 'draft' ? 'sheet' : a.status === 'scoring' && (!district || inspectorKinds) ? 'scoring' : 'results';
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked && ['sheet', 'scoring', 'results'].includes(asked) && !(asked === 'scoring' && a.status === 'draft') ? asked : fallback;
  const setTab = (key: string) => setParams({ tab: key }, { replace: true });
  const frozen = a.status === 'closed' || a.status === 'published';
  const stamp = (at: string | null) => (at ? formatDateTime(at, tz).slice(0, 16) : undefined);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate('/supervision/assessments')} />
            <span data-testid="assess-title">{a.name}</span>
            <StatusTag status={a.status} />
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {/* on a phone the status tag says where it stands; the steps would fill the screen */}
        {!phone && (
          <Steps
            size="small"
            current={STEPS.indexOf(a.status)}
            style={{ marginBottom: 12 }}
            items={STEPS.map((s) => ({
              title: t(`sv.assess.step.${s}`),
              content: s === 'closed' ? stamp(a.closedAt) : s === 'published' ? stamp(a.publishedAt) : undefined,
            }))}
            responsive
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'semester', label: t('sv.assess.col.semester'), children: a.semesterName ?? '—' },
            { key: 'period', label: t('sv.assess.col.period'), children: `${a.periodFrom} ~ ${a.periodTo}` },
            { key: 'close', label: t('sv.assess.col.closeDate'), children: a.closeDate },
            {
              key: 'lists',
              label: t('sv.assess.col.thresholds'),
              children: t('sv.assess.thresholdsShort', { red: a.redMin, yellow: a.yellowBelow, black: a.blackBelow }),
            },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'sheet', label: t('sv.assess.tab.sheet'), children: <SheetTab assessment={a} editable={district && a.status === 'draft'} /> },
          ...(a.status === 'draft' ? [] : [{ key: 'scoring', label: t('sv.assess.tab.scoring'), children: <ScoringTab assessment={a} /> }]),
          { key: 'results', label: frozen ? t('sv.assess.tab.results') : t('sv.assess.tab.preview'), children: <ResultsTab assessment={a} district={district} /> },
        ]}
      />
    </>
  );
}
