/** The district's (or a zone's) training figures: institutions, custody coverage, money held and released, cases, complaints. */
import type { TrainingDistrictOverview } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Col, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';

export const coveragePct = (covered: number, owing: number) => (owing ? `${((covered / owing) * 100).toFixed(1)}%` : '–');

export function TrainingKpis({ data, loading }: { data: TrainingDistrictOverview | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const f = data?.total;
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  const byStatus = (s: string) => data?.institutions.filter((i) => i.status === s).length ?? 0;
  const cols = { xs: 12, md: 8, xl: 4 } as const;
  const full = f && f.owing > 0 && f.covered === f.owing;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-institutions"
          title={t('training.district.institutions')}
          value={f ? f.institutions : '–'}
          loading={loading}
          note={f && t('training.district.institutionsNote', { active: byStatus('active'), rectifying: byStatus('rectifying'), suspended: byStatus('suspended'), closed: byStatus('closed') })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-coverage"
          title={t('training.district.coverage')}
          value={f ? coveragePct(f.covered, f.owing) : '–'}
          color={!f || f.owing === 0 ? undefined : full ? '#389e0d' : '#cf1322'}
          loading={loading}
          note={f && t('training.district.coverageNote', { covered: f.covered, owing: f.owing })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-held"
          title={t('training.district.held')}
          value={f ? yuan(f.heldFen) : '–'}
          loading={loading}
          note={f && t('training.district.heldNote', { owed: yuan(f.owedFen), deposit: yuan(f.depositFen) })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-released"
          title={t('training.district.released')}
          value={f ? yuan(f.releasedFen) : '–'}
          loading={loading}
          note={f && t('training.district.releasedNote', { refunded: yuan(f.refundedFen) })}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-alerts"
          title={t('training.district.alerts')}
          value={f ? f.openAlerts : '–'}
          color={f && f.openAlerts > 0 ? '#cf1322' : undefined}
          loading={loading}
          note={t('training.district.alertsNote')}
        />
      </Col>
      <Col {...cols}>
        <Figure
          testId="tr-kpi-complaints"
          title={t('training.district.complaints')}
          value={f ? f.complaintsOpen : '–'}
          loading={loading}
          note={f && t('training.district.complaintsNote', { overdue: f.complaintsOverdue })}
        />
      </Col>
    </Row>
  );
}
