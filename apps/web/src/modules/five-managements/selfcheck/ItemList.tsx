/** The checklist's items grouped by management, each with the school's answer and its evidence; the school answers here. */
import { type SelfcheckItem, managementLabels, MANAGEMENTS, type SchoolSelfcheck, selfcheckEvidenceLabels, selfcheckResultLabels } from '@shuangjian/contracts';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { AnswerDialog } from './AnswerDialog';
import { EvidenceFiles } from './EvidenceUpload';

export function ItemList({ sc, editable }: { sc: SchoolSelfcheck; editable: boolean }) {
  const { t, locale } = useI18n();
  const [answering, setAnswering] = useState<SelfcheckItem | null>(null);
  const items = sc.checklist?.items ?? [];
  return (
    <>
      {MANAGEMENTS.filter((m) => items.some((i) => i.management === m)).map((m) => (
        <Card key={m} size="small" title={managementLabels[m][locale]} style={{ marginBottom: 12 }}>
          <List
            dataSource={items.filter((i) => i.management === m)}
            renderItem={(item) => {
              const a = sc.answers[item.id];
              return (
                <List.Item data-testid={`item-${item.no}`}>
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8} align="start">
                      <Typography.Text>
                        {item.no}. {item.text}
                      </Typography.Text>
                      {a ? <Tag color={a.result === 'pass' ? 'green' : 'red'}>{selfcheckResultLabels[a.result][locale]}</Tag> : <Tag>{t('five.selfcheck.unanswered')}</Tag>}
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('five.selfcheck.needs', { what: selfcheckEvidenceLabels[item.evidence][locale] })}
                      {item.basis ? ` · ${item.basis}` : ''}
                    </Typography.Text>
                    {a?.text && <Typography.Paragraph style={{ margin: 0 }}>{a.text}</Typography.Paragraph>}
                    {a && <EvidenceFiles files={a.files} />}
                    {editable && (
                      <div>
                        <Button size="small" onClick={() => setAnswering(item)} data-testid={`answer-${item.no}`}>
                          {a ? t('five.selfcheck.change') : t('five.selfcheck.answer')}
                        </Button>
                      </div>
                    )}
                  </Flex>
                </List.Item>
              );
            }}
          />
        </Card>
      ))}
      {answering && sc.checklist && (
        <AnswerDialog item={answering} answer={sc.answers[answering.id]} checklistId={sc.checklist.id} schoolId={sc.schoolId} onClose={() => setAnswering(null)} />
      )}
    </>
  );
}
