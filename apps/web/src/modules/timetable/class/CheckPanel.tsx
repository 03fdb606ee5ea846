/** The check against the curriculum plan: every subject's required and timetabled periods, and each finding with its rule. */
import type { TimetableCheckResult } from '@shuangjian/contracts';
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { subjectName } from '../subjects';

type Row = TimetableCheckResult['rows'][number];

export function CheckPanel({ check, planVersion }: { check: TimetableCheckResult; planVersion: string }) {
  const { t, locale } = useI18n();
  const errors = check.findings.filter((f) => f.severity === 'error');
  const warnings = check.findings.filter((f) => f.severity === 'warning');
  return (
    <Card size="small" title={t('timetable.check.title')} extra={<Typography.Text type="secondary">{planVersion}</Typography.Text>} data-testid="timetable-check">
      <Flex vertical gap={8}>
        {check.compliant ? (
          <Alert type="success" showIcon title={t('timetable.check.ok', { periods: check.periods, total: check.weeklyTotal })} data-testid="check-ok" />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="check-errors"
            title={t('timetable.check.short', { n: errors.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {warnings.map((f, i) => (
          <Alert key={i} type="warning" showIcon title={f.message} />
        ))}
        <Table<Row>
          size="small"
          rowKey="subject"
          pagination={false}
          dataSource={check.rows}
          columns={[
            { title: t('timetable.subject'), dataIndex: 'subject', render: (s: string) => subjectName(s, locale) },
            { title: t('timetable.required'), dataIndex: 'required', align: 'right' },
            { title: t('timetable.actual'), dataIndex: 'actual', align: 'right' },
            {
              title: '',
              key: 'ok',
              align: 'center',
              render: (_, r) => (r.actual < r.required ? <Tag color="red">{t('timetable.short')}</Tag> : r.actual > r.required && r.required > 0 ? <Tag color="gold">+{r.actual - r.required}</Tag> : <Tag color="green">✓</Tag>),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('timetable.labPeriods')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {check.labRequired}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {check.labActual}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="center">
                {check.labActual < check.labRequired ? <Tag color="red">{t('timetable.short')}</Tag> : <Tag color="green">✓</Tag>}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Flex>
    </Card>
  );
}
