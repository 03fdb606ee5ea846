/** A failed read, in the server's own words (its Chinese message names what went wrong). */
import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { ApiError } from '../app/api';

export function QueryError({ error, style }: { error: Error | null | undefined; style?: CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error instanceof ApiError ? error.message : String(error)} style={{ marginBottom: 16, ...style }} data-testid="query-error" />;
}
