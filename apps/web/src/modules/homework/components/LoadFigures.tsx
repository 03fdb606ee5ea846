/** The figures of a load check beside its bar, and its violations in red, each naming the rule it broke. */
import { CloseCircleFilled } from '@ant-design/icons';
import { Flex, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import type { LoadCheckRow } from './model';

export function LoadFigures({ check, adds }: { check: LoadCheckRow; adds?: number }) {
  const t = useT();
  return (
    <Space size={[12, 0]} wrap data-testid="load-figures">
      {check.noWrittenGrade ? (
        <Typography.Text type={check.written > 0 ? 'danger' : undefined}>{t('hwr.load.noWrittenGrade', { grade: check.grade })}</Typography.Text>
      ) : (
        <Typography.Text type={check.over ? 'danger' : undefined}>
          {t('hw.load.written', { written: check.written, limit: check.limit })}
          {adds ? t('hw.load.adds', { adds }) : ''}
        </Typography.Text>
      )}
      {check.nonWrittenCap !== null ? (
        <Typography.Text type={check.nonWritten > check.nonWrittenCap ? 'danger' : undefined} data-testid="load-non-written">
          {t('hwr.load.nonWrittenOfCap', { n: check.nonWritten, cap: check.nonWrittenCap })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" data-testid="load-non-written">
          {t('hwr.load.nonWritten', { n: check.nonWritten })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('hw.load.optional', { n: check.optional + check.other - check.nonWritten })}</Typography.Text>
      <Typography.Text type="secondary">{t('hw.load.inSchool', { n: check.inSchool })}</Typography.Text>
    </Space>
  );
}

export function ViolationList({ violations, testId }: { violations: LoadCheckRow['violations']; testId?: string }) {
  const t = useT();
  if (!violations.length) return null;
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {violations.map((v, i) => (
        <Typography.Text key={i} type="danger">
          <CloseCircleFilled style={{ marginInlineEnd: 6 }} />
          <strong>{t(`hw.rule.${v.rule}`)}</strong>：{v.message}
        </Typography.Text>
      ))}
    </Flex>
  );
}
