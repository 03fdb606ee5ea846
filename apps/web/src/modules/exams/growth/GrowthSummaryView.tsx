/** One pupil's semester (学期综合素质评价): status, skills against the targets, entries by dimension, comments. Printable. */
import { GROWTH_DIMENSIONS, growthDimensionLabels, growthKindLabels, type GrowthEntryView, type GrowthSummary } from '@shuangjian/contracts';
import { Button, Card, Descriptions, Empty, Flex, Popconfirm, Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import './growth.css';

export function GrowthSummaryView({ summary, onDelete }: { summary: GrowthSummary; onDelete?: (e: GrowthEntryView) => void }) {
  const { t, locale } = useI18n();
  const s = summary;
  const dim = (d: keyof typeof growthDimensionLabels) => growthDimensionLabels[d][locale];
  const missing = [...s.missingDimensions.map(dim), ...(s.missingComment ? [t('exams.growth.missingComment')] : [])];
  const skill = (label: string, f: GrowthSummary['skills']['sports']) => (
    <div style={{ marginBottom: 8 }}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text>{label}</Typography.Text>
        <Tag color={f.met ? 'green' : 'orange'}>{f.met ? t('exams.growth.met') : t('exams.growth.notMet')}</Tag>
      </Flex>
      <Progress percent={f.target ? Math.min(100, Math.round((f.count / f.target) * 100)) : 100} format={() => `${f.count}/${f.target}`} size="small" />
      {f.skills.length > 0 && <Typography.Text type="secondary">{f.skills.join('、')}</Typography.Text>}
    </div>
  );
  return (
    <div className="growth-print" data-testid="growth-summary">
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        {s.semester.name} {t('exams.growth.summary')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('exams.growth.students')}>{s.student.name}</Descriptions.Item>
        <Descriptions.Item label={t('exams.growth.class')}>
          {s.student.schoolName} {s.student.className}
        </Descriptions.Item>
        <Descriptions.Item label={t('exams.growth.status')}>
          {s.complete ? <Tag color="green">{t('exams.growth.complete')}</Tag> : <Tag color="orange">{t('exams.growth.missing', { what: missing.join('、') })}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('exams.growth.skillProgress')} style={{ marginBottom: 12 }}>
        {skill(t('exams.growth.sportsSkills'), s.skills.sports)}
        {skill(t('exams.growth.artSkills'), s.skills.art)}
      </Card>
      {GROWTH_DIMENSIONS.map((d) => {
        const list = s.entries.filter((e) => e.dimension === d);
        const comment = s.comments.find((c) => c.scope === d);
        return (
          <Card key={d} size="small" title={`${dim(d)} · ${t('exams.growth.entries', { n: list.length })}`} style={{ marginBottom: 12 }} data-testid={`growth-dim-${d}`}>
            {!list.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.growth.noEntries')} />}
            {list.map((e) => (
              <Flex key={e.id} justify="space-between" align="start" gap={8} style={{ padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
                <div style={{ minWidth: 0 }}>
                  <Tag>{growthKindLabels[e.kind][locale]}</Tag>
                  <Typography.Text strong>{e.title}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.date} · {t('exams.growth.recordedBy', { name: e.recordedByName })}
                    </Typography.Text>
                  </div>
                  {e.detail && <Typography.Paragraph style={{ margin: 0 }}>{e.detail}</Typography.Paragraph>}
                </div>
                {onDelete && e.editable && (
                  <Popconfirm title={t('exams.growth.deleteConfirm')} onConfirm={() => onDelete(e)}>
                    <Button size="small" danger type="link" className="growth-no-print">
                      {t('exams.growth.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ))}
            {comment && (
              <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                <Typography.Text type="secondary">{comment.authorName}：</Typography.Text>
                {comment.text}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
      <Card size="small" title={t('exams.growth.overall')} data-testid="growth-overall">
        {s.comments.find((c) => c.scope === 'overall') ? (
          <Typography.Paragraph style={{ margin: 0 }}>
            {s.comments.find((c) => c.scope === 'overall')!.text}
            <br />
            <Typography.Text type="secondary">—— {s.comments.find((c) => c.scope === 'overall')!.authorName}</Typography.Text>
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('exams.growth.noComments')}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
