/** A whole-page refusal: the server said 403 (or 404 for a file the user may not know of), in the page's own words. */
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';

export function Refusal({ title, sub, action, testId }: { title: string; sub: ReactNode; action?: { label: string; onClick: () => void }; testId: string }) {
  return (
    <Result
      status="403"
      title={title}
      subTitle={sub}
      data-testid={testId}
      extra={
        action && (
          <Button type="primary" onClick={action.onClick}>
            {action.label}
          </Button>
        )
      }
    />
  );
}
