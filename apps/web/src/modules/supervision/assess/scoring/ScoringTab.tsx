/**
 * 督学评分: the schools one may score (an inspector's zone, or the whole district) against the inspector-scored
 * indicators; each cell is the score with who gave it and when, and opens the score dialog while the assessment is open.
 */
import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { InspectorScore, ScoringSchool, SupervisionAssessmentDetail } from '@shuangjian/contracts';
import { Alert, Button, Card, Empty, Flex, Grid, Input, List, Progress, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { formatDateTime } from '../../../../components/format';
import { QueryError } from '../../../../components/QueryError';
import { useScoreSheet } from '../../queries-assess';
import { type Scoring, ScoreDialog } from './ScoreDialog';

export function ScoringTab({ assessment: a }: { assessment: SupervisionAssessmentDetail }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const q = useScoreSheet(a.id, a.status !== 'draft');
  const [zone, setZone] = useState('all');
  const [search, setSearch] = useState('');
  const [scoring, setScoring] = useState<Scoring | null>(null);
  const phone = !Grid.useBreakpoint().md;
  const open = a.status === 'scoring';
  const sheet = q.data;
  const byCell = useMemo(() => new Map((sheet?.scores ?? []).map((s) => [`${s.indicatorId}:${s.schoolId}`, s])), [sheet]);
  if (q.error) return <QueryError error={q.error} />;
  if (!sheet) return <Card size="small" loading />;
  if (sheet.indicators.length === 0) return <Empty description={t('sv.assess.score.noIndicators')} />;

  const zones = [...new Map(sheet.schools.map((s) => [s.zoneId, s.zoneName]))];
  const shown = sheet.schools.filter((s) => (zone === 'all' || s.zoneId === zone) && (!search || s.name.includes(search) || s.code.includes(search)));
  const cells = sheet.schools.length * sheet.indicators.length;
  const done = sheet.scores.filter((s) => sheet.schools.some((x) => x.schoolId === s.schoolId)).length;

  const cell = (school: ScoringSchool, indicatorId: string, current: InspectorScore | undefined) => {
    const indicator = sheet.indicators.find((i) => i.id === indicatorId)!;
    const edit = () => setScoring({ indicator, school, current });
    if (!current)
      return open ? (
        <Button size="small" type="dashed" onClick={edit} data-testid="score-open">
          {t('sv.assess.score.give')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('sv.assess.score.none')}</Typography.Text>
      );
    return (
      <Flex vertical gap={0} data-testid="score-cell">
        <Flex gap={4} align="center">
          <Typography.Text strong>{t('sv.assess.score.points', { n: current.score })}</Typography.Text>
          {current.attachmentIds.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('sv.assess.score.files')} data-testid="score-file-count">
              <PaperClipOutlined /> {current.attachmentIds.length}
            </Typography.Text>
          )}
          {open && <Button type="link" size="small" icon={<EditOutlined />} onClick={edit} aria-label={t('common.edit')} data-testid="score-edit" />}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={current.evidence}>
          {current.scoredByName} · {formatDateTime(current.scoredAt, tz).slice(5, 16)}
        </Typography.Text>
      </Flex>
    );
  };

  return (
    <>
      {!open && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sv.assess.score.closed')} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex gap={8} wrap>
            {zones.length > 1 && (
              <Select
                value={zone}
                onChange={setZone}
                style={{ minWidth: 140 }}
                aria-label={t('sv.assess.col.zone')}
                options={[{ value: 'all', label: t('sv.assess.allZones') }, ...zones.map(([value, label]) => ({ value, label }))]}
              />
            )}
            <Input.Search allowClear placeholder={t('sv.assess.searchSchool')} onSearch={setSearch} style={{ width: 200 }} />
          </Flex>
          <Flex gap={8} align="center" style={{ minWidth: 240 }} data-testid="score-progress">
            <Typography.Text type="secondary">{t('sv.assess.score.progress', { done, total: cells })}</Typography.Text>
            <Progress percent={cells ? Math.round((done / cells) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} />
          </Flex>
        </Flex>
      </Card>
      {phone ? (
        <List
          dataSource={shown}
          rowKey="schoolId"
          data-testid="score-cards"
          renderItem={(s) => (
            <Card size="small" style={{ marginBottom: 8 }} title={s.name} extra={<Typography.Text type="secondary">{s.zoneName}</Typography.Text>}>
              {sheet.indicators.map((i) => (
                <Flex key={i.id} justify="space-between" align="center" gap={8} style={{ padding: '4px 0' }}>
                  <Typography.Text>{i.name}</Typography.Text>
                  {cell(s, i.id, byCell.get(`${i.id}:${s.schoolId}`))}
                </Flex>
              ))}
            </Card>
          )}
        />
      ) : (
        <Table<ScoringSchool>
          rowKey="schoolId"
          size="small"
          data-testid="score-table"
          dataSource={shown}
          loading={q.isFetching && !sheet}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 220 + sheet.indicators.length * 200 }}
          columns={[
            {
              title: t('sv.assess.col.school'),
              key: 'school',
              width: 220,
              fixed: 'left',
              render: (_: unknown, s: ScoringSchool) => (
                <>
                  <div>{s.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.zoneName}
                  </Typography.Text>
                </>
              ),
            },
            ...sheet.indicators.map((i) => ({
              title: (
                <span title={i.guidance ?? undefined}>
                  {i.name}
                  <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 4, fontSize: 12 }}>
                    {(i.share * 100).toFixed(0)}%
                  </Typography.Text>
                </span>
              ),
              key: i.id,
              width: 200,
              render: (_: unknown, s: ScoringSchool) => cell(s, i.id, byCell.get(`${i.id}:${s.schoolId}`)),
            })),
          ]}
        />
      )}
      <ScoreDialog assessmentId={a.id} scoring={scoring} onClose={() => setScoring(null)} />
    </>
  );
}
