/** One approved package on the parent's phone: institution (white-list mark), course, lessons and months, price per lesson and in total. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { custodyModeLabels, lessonModeLabels, type PackageForSale, trainingSubtypeLabels } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { BuyDrawer } from './BuyDrawer';

/** The institution's public list (白名单), when the answer carries it. */
export function listStatusOf(p: object): string | undefined {
  return 'listStatus' in p && typeof p.listStatus === 'string' ? p.listStatus : undefined;
}

export function PackageCard({ pkg, child, onBought }: { pkg: PackageForSale; child: { id: string; name: string }; onBought(): void }) {
  const { t, locale } = useI18n();
  const [buying, setBuying] = useState(false);
  const list = listStatusOf(pkg);
  return (
    <Card size="small" data-testid="package-card" data-package={pkg.name} styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16, display: 'block' }} data-testid="package-course">
            {pkg.courseName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {pkg.institutionName}
          </Typography.Text>
        </div>
        <Flex vertical align="end" gap={4}>
          {(list === undefined || list === 'white') && (
            <Tag color="success" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }} data-testid="package-white">
              {t('training.family.white')}
            </Tag>
          )}
          <Tag style={{ marginInlineEnd: 0 }}>{trainingSubtypeLabels[pkg.subtype][locale]}</Tag>
        </Flex>
      </Flex>
      <Typography.Text style={{ display: 'block', marginTop: 6 }}>{pkg.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {t('training.family.lessonsMonths', { lessons: pkg.lessons, months: pkg.months })} · {t('training.family.lessonMinutes', { mode: lessonModeLabels[pkg.mode][locale], minutes: pkg.lessonMinutes })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {custodyModeLabels[pkg.custodyMode][locale]}
      </Typography.Text>
      {pkg.notes.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
          {pkg.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 10 }} gap={8}>
        <div>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="package-total">
            {t('training.family.total', { price: formatYuan(pkg.priceFen, { locale }) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('training.family.perLesson', { price: formatYuan(pkg.pricePerLessonFen, { locale }) })}
          </Typography.Text>
        </div>
        <Button type="primary" size="large" onClick={() => setBuying(true)} data-testid="package-buy">
          {t('training.family.buy')}
        </Button>
      </Flex>
      {buying && <BuyDrawer pkg={pkg} child={child} onClose={() => setBuying(false)} onBought={onBought} />}
    </Card>
  );
}
