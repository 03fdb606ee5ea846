/** Navigation by one step (a day or a week) with a label in the middle and a way back to the current one. */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function Stepper({
  label,
  sub,
  onPrev,
  onNext,
  prevLabel,
  nextLabel,
  extra,
  size = 'middle',
  testId,
}: {
  label: ReactNode;
  sub?: ReactNode;
  onPrev(): void;
  onNext(): void;
  prevLabel: string;
  nextLabel: string;
  extra?: ReactNode;
  size?: 'middle' | 'large';
  testId?: string;
}) {
  return (
    <Flex align="center" gap={8} data-testid={testId}>
      <Button size={size} icon={<LeftOutlined />} onClick={onPrev} aria-label={prevLabel} title={prevLabel} style={size === 'large' ? { width: 48, height: 48 } : undefined} />
      <div style={{ flex: 1, textAlign: 'center', minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: size === 'large' ? 17 : 15 }} data-testid={testId ? `${testId}-label` : undefined}>
          {label}
        </Typography.Text>
        {sub && <div style={{ lineHeight: 1.3 }}>{sub}</div>}
      </div>
      <Button size={size} icon={<RightOutlined />} onClick={onNext} aria-label={nextLabel} title={nextLabel} style={size === 'large' ? { width: 48, height: 48 } : undefined} />
      {extra}
    </Flex>
  );
}
