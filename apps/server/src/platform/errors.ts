/** The one error type services throw; the HTTP layer turns it into `{ code, message, details? }`. */
import type { ErrorCode } from '@shuangjian/contracts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /**
   * A refusal that is itself a record: what the service wrote before refusing (the audit entry of the refused attempt)
   * is committed although the answer is this error, also inside a request-wide transaction (Idempotency-Key).
   */
  keepsWrites = false;
}

/** Marks a refusal whose writes (its audit entry) are committed with the error answer; see AppError.keepsWrites. */
export function recordedRefusal(err: AppError): AppError {
  err.keepsWrites = true;
  return err;
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'CONFLICT', message, details);
export const invalid = (field: string, label: string, message: string) =>
  new AppError(400, 'VALIDATION', `${label}：${message}`, { fields: [{ field, message }] });
export const ruleViolation = (message: string, details?: unknown) =>
  new AppError(422, 'RULE_VIOLATION', message, details);

/** First row or a 404 naming what was missing. */
export function found<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw notFound(what);
  return row;
}
