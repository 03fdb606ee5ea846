/** A figure as the dashboards show it: its name, its value and one line saying what it counts, on the page itself. */
import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

export function Figure({
  title,
  value,
  color,
  note,
  loading,
  testId,
  extra,
}: {
  title: ReactNode;
  value: ReactNode;
  color?: string;
  /** What the number counts, in a sentence. */
  note?: ReactNode;
  loading?: boolean;
  testId?: string;
  /** A second figure under the value (the reporting rate beside completion, last week beside this one). */
  extra?: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value as string} loading={loading} styles={{ content: { color } }} />
      {extra && <div style={{ marginTop: 2 }}>{extra}</div>}
      {note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0', lineHeight: 1.5 }} data-testid={testId ? `${testId}-note` : undefined}>
          {note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
