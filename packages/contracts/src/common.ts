/** Building blocks every contract uses: ids, dates, paging, the error body. */
import { z } from 'zod';
import { isLocalDate } from '@shuangjian/policy';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const LocalDate = z.string().refine(isLocalDate, { message: '应为有效日期，格式 YYYY-MM-DD' });
export const Timestamp = z.string();

export const IdParams = z.object({ id: Id });

/** Non-empty trimmed text with a length cap; names and titles. */
export const Text = (max = 100) => z.string().trim().min(1).max(max);
export const OptionalText = (max = 500) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const Phone = z.string().trim().regex(/^1[3-9]\d{9}$/, { message: '应为 11 位手机号' });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(50).optional(),
});
/** The page and page size alone, for a list query with filters of its own: `z.object({ ...filters, ...Paging })`. */
export const Paging = { page: PageQuery.shape.page, pageSize: PageQuery.shape.pageSize };

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  /** The request's id, as in the server log and the x-request-id header: what support asks for. */
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** Error codes the API answers with; the web translates by code. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_RULE',
  /** The account has a second factor: the sign-in waits for its code. */
  'SECOND_FACTOR_REQUIRED',
  /** The account's role needs a second factor and none is enrolled: the session may only enrol one. */
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  /** A wrong or already used code (TOTP or recovery code). */
  'SECOND_FACTOR_INVALID',
  /** A sensitive action: re-enter the code (POST /api/auth/step-up), then retry. */
  'STEP_UP_REQUIRED',
  /** 三员分立: the role cannot be held together with the account's other roles. */
  'ROLE_SEPARATION',
  'RATE_LIMITED',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_MISMATCH',
  'IMPORT_INVALID',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RULE_VIOLATION',
  /** Sealed data the server's key ring cannot open (a wrong or missing data key): the operator's setting, a 503. */
  'DATA_KEY_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
