/** The pupils still due this semester: 重点关注 first (with the visits they still need), then those I have not visited at home. */
import type { DuePupil, TeacherProgress } from '@shuangjian/contracts';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

export function DueList({ progress: p, onRecord }: { progress: TeacherProgress; onRecord(pupil: DuePupil): void }) {
  const { t } = useI18n();
  const masked = p.due.some((d) => d.name.includes('*'));
  return (
    <Card size="small" title={t('hs.visits.due', { n: p.due.length })} data-testid="visits-due">
      {masked && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('hs.visits.masked')}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={p.due}
        locale={{ emptyText: t('hs.visits.dueNone') }}
        pagination={p.due.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={(d) => {
          const left = Math.max(0, p.rule.specialMin - d.visitsThisSemester);
          return (
            <List.Item data-testid="visits-due-pupil">
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text>
                    {d.name} <Typography.Text type="secondary">· {d.className}</Typography.Text>
                  </Typography.Text>
                  <Flex gap={4} wrap>
                    {d.focus && <Tag color={left > 0 ? 'red' : 'gold'}>{left > 0 ? `${t('hs.visits.focus')} · ${t('hs.visits.focusLeft', { n: left })}` : t('hs.visits.focus')}</Tag>}
                    {!d.homeVisitedByMe && <Tag>{t('hs.visits.notHome')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('hs.visits.visitsN', { n: d.visitsThisSemester })}
                    </Typography.Text>
                  </Flex>
                </Flex>
                <Button size="small" onClick={() => onRecord(d)}>
                  {t('hs.visits.recordFor')}
                </Button>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
