/** A lecture on the parent's phone: when and where, the places left, and sign up or cancel (a full lecture says so and takes no more). */
import { CheckCircleFilled, EnvironmentOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Progress, Tag, Typography } from 'antd';
import type { Me } from '@shuangjian/contracts';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay } from '../../homework/components/model';
import { type FamilyLecture, useMeetingWrites } from './queries';

export function FamilyLectureCard({ lecture: l, child }: { lecture: FamilyLecture; child: Me['children'][number] }) {
  const { t, locale } = useI18n();
  const writes = useMeetingWrites();
  const signUp = useSaveMutation({ form: null, saved: t('hs.family.signedOk'), mutationFn: () => writes.signUp(l.id, child.id) });
  const cancel = useSaveMutation({ form: null, saved: t('hs.family.cancelled'), mutationFn: () => writes.cancel(l.id) });
  const left = Math.max(0, l.capacity - l.signedUp);
  return (
    <Card size="small" styles={{ body: { padding: 14 } }} data-testid="hs-family-lecture" data-title={l.title}>
      <Flex vertical gap={6}>
        <Flex gap={6} align="center" wrap>
          <Tag color={l.level === 'district' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 0 }}>
            {l.schoolName ?? t('hs.lectures.level.district')}
          </Tag>
          {l.signedUpMe && (
            <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }} data-testid="hs-family-signed">
              {t('hs.family.signedUp')}
            </Tag>
          )}
        </Flex>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {l.title}
        </Typography.Text>
        <Typography.Text type="secondary">
          {formatDay(l.date, locale)} {l.time}
          {l.speaker ? ` · ${l.speaker}` : ''}
        </Typography.Text>
        {l.place && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {l.place}
          </Typography.Text>
        )}
        {l.link && (
          <Typography.Link href={l.link} target="_blank" rel="noreferrer">
            <LinkOutlined /> {t('hs.family.join')}
          </Typography.Link>
        )}
        {!l.held && (
          <Flex align="center" gap={8}>
            <Progress percent={Math.round((l.signedUp / l.capacity) * 100)} showInfo={false} size="small" status={l.full ? 'exception' : 'normal'} style={{ flex: 1, margin: 0 }} />
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="hs-family-left">
              {t('hs.family.left', { n: left, capacity: l.capacity })}
            </Typography.Text>
          </Flex>
        )}
        {l.held ? (
          <Tag color="default" style={{ alignSelf: 'flex-start' }}>
            {t('hs.family.held')}
          </Tag>
        ) : l.signedUpMe ? (
          <Popconfirm title={t('hs.family.cancelConfirm')} onConfirm={() => cancel.mutate(undefined)} okText={t('hs.family.cancel')} cancelText={t('common.cancel')}>
            <Button block size="large" loading={cancel.isPending} data-testid="hs-family-cancel">
              {t('hs.family.cancel')}
            </Button>
          </Popconfirm>
        ) : l.full ? (
          <>
            <Alert type="warning" showIcon title={t('hs.family.fullHelp', { capacity: l.capacity })} data-testid="hs-family-full" />
            <Button block size="large" disabled>
              {t('hs.lectures.full')}
            </Button>
          </>
        ) : (
          <Button type="primary" block size="large" loading={signUp.isPending} onClick={() => signUp.mutate(undefined)} data-testid="hs-family-signup">
            {t('hs.family.signUp')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
