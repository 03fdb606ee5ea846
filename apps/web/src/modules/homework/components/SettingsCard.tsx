/**
 * 审核环节设置 of a school: which steps of the review chain apply (学科组长审核内容 / 班主任协调总量 / 教务处审核). The
 * steps the district makes mandatory (homework.mandatorySteps) are shown on and locked: a school adds steps, never drops one.
 */
import { LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Flex, Switch, Tag, Typography } from 'antd';
import { api } from '../../../app/api';
import { useT } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { hwKey, type SettingsRow } from './model';

const STEPS = ['contentCheck', 'classCoordination', 'schoolApproval'] as const;

export function SettingsCard({ schoolId, schoolName, editable }: { schoolId: string; schoolName?: string; editable: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const key = hwKey('settings', schoolId);
  const settings = useQuery({ queryKey: key, queryFn: () => api.get<SettingsRow>(`/api/homework/settings/${schoolId}`) });
  const save = useSaveMutation({
    form: null,
    mutationFn: (next: SettingsRow) =>
      api.put<SettingsRow>(`/api/homework/settings/${schoolId}`, { contentCheck: next.contentCheck, classCoordination: next.classCoordination, schoolApproval: next.schoolApproval }),
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      void client.invalidateQueries({ queryKey: ['homework'] });
    },
  });
  const mandatory = settings.data?.mandatory ?? [];
  return (
    <Card size="small" title={schoolName ? t('hw.settings.titleOf', { school: schoolName }) : t('hw.settings.title')} loading={settings.isLoading} data-testid="homework-settings">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('hw.settings.hint')}
        {mandatory.length > 0 && t('hwr.settings.mandatoryHint')}
      </Typography.Paragraph>
      <Flex vertical gap={10}>
        {STEPS.map((step) => {
          const locked = mandatory.includes(step);
          return (
            <Flex key={step} gap={12} align="flex-start" data-testid={`setting-${step}`}>
              <Switch
                checked={settings.data?.[step] ?? false}
                disabled={!editable || !settings.data || locked}
                loading={save.isPending && save.variables?.[step] !== settings.data?.[step]}
                onChange={(on) => settings.data && save.mutate({ ...settings.data, [step]: on })}
                aria-label={t(`hw.settings.${step}`)}
              />
              <div>
                <Typography.Text strong>{t(`hw.settings.${step}`)}</Typography.Text>
                {locked && (
                  <Tag icon={<LockOutlined />} color="blue" style={{ marginInlineStart: 8 }} data-testid="step-mandatory">
                    {t('hwr.settings.mandatory')}
                  </Tag>
                )}
                <div>
                  <Typography.Text type="secondary">{t(`hw.settings.${step}.hint`)}</Typography.Text>
                </div>
              </div>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
