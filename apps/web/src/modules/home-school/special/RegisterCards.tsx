/** The register on a phone: one card per pupil, the file's state, the stand-in parent, the last care and the visits against the minimum. */
import type { SpecialStudent } from '@shuangjian/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { FlagTags } from './FlagTags';

export function RegisterCards({ items, min, withSchool }: { items: SpecialStudent[]; min: number; withSchool: boolean }) {
  const { t } = useI18n();
  if (!items.length) return <Empty description={t('hs.special.none')} />;
  return (
    <Flex vertical gap={8} data-testid="special-cards">
      {items.map((s) => (
        <Card key={s.studentId} size="small" data-testid="special-card">
          <Flex justify="space-between" align="baseline" gap={8}>
            {s.name.includes('*') ? <Typography.Text strong>{s.name}</Typography.Text> : <Link to={`/home-school/special/${s.studentId}`}>{s.name}</Link>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {withSchool ? `${s.schoolName} ${s.className}` : s.className}
            </Typography.Text>
          </Flex>
          <div style={{ margin: '6px 0' }}>
            <FlagTags flags={s.flags} />
          </div>
          <Flex wrap gap={6} align="center" style={{ fontSize: 12 }}>
            {s.hasFile ? <Tag color="green">{t('hs.special.hasFile')}</Tag> : <Tag color="red">{t('hs.special.noFile')}</Tag>}
            <Tag color={s.visitsThisSemester < min ? 'red' : 'green'}>
              {t('hs.special.col.visits')} {s.visitsThisSemester} / {min}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hs.special.col.lastCare')} {s.lastCareDate ?? '—'}
            </Typography.Text>
            {s.flags.leftBehind && (
              <Typography.Text type={s.standInName ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
                {t('hs.special.col.standIn')} {s.standInName ?? t('hs.special.plan.noStandIn')}
              </Typography.Text>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
