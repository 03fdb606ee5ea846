/** One finding as everyone sees it: category, severity, deadline and its citation, photos, and what happened since. */
import { type Finding, findingCategoryLabels, findingSeverityLabels, rectificationStatusLabels } from '@shuangjian/contracts';
import { Card, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { Photos } from './PhotoUpload';

const statusColor = { open: 'orange', responded: 'blue', closed: 'green' } as const;
const severityColor = { minor: 'default', major: 'orange', severe: 'red' } as const;

export function FindingCard({ finding: f, actions, showInstitution = true, history = true }: { finding: Finding; actions?: ReactNode; showInstitution?: boolean; history?: boolean }) {
  const { t, locale } = useI18n();
  const zone = useTimeZone();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="finding-card">
      <Flex justify="space-between" align="start" gap={8}>
        <Space size={4} wrap>
          {showInstitution && <Typography.Text strong>{f.institutionName}</Typography.Text>}
          <Tag>{findingCategoryLabels[f.category][locale]}</Tag>
          <Tag color={severityColor[f.severity]}>{findingSeverityLabels[f.severity][locale]}</Tag>
        </Space>
        <Space size={4}>
          {f.overdue && <Tag color="red">{t('training.insp.overdue')}</Tag>}
          <Tag color={statusColor[f.status]}>{rectificationStatusLabels[f.status][locale]}</Tag>
        </Space>
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0' }}>{f.description}</Typography.Paragraph>
      <Photos ids={f.photoIds} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {t('training.insp.deadline')} {f.deadline} ·{' '}
        {f.citation.chosen
          ? t('training.insp.ruleChosen')
          : t('training.insp.rule', { rule: f.citation.rule, days: f.citation.days, version: f.citation.policyVersion ?? t('training.insp.policyDefault') })}
      </Typography.Paragraph>
      {history && f.events.length > 1 && (
        <Timeline
          style={{ marginTop: 12 }}
          items={f.events.slice(1).map((e) => ({
            color: e.kind === 'closed' ? 'green' : e.kind === 'sent_back' || e.kind === 'overdue' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`training.insp.event.${e.kind}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {e.byName} · {formatDateTime(e.at, zone)}
                  {e.deadline && e.kind !== 'overdue' ? ` · ${t('training.insp.deadline')} ${e.deadline}` : ''}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
                <Photos ids={e.photoIds} size={48} />
              </div>
            ),
          }))}
        />
      )}
      {actions && <div style={{ marginTop: 8 }}>{actions}</div>}
    </Card>
  );
}
