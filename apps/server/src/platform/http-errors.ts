/** The one error shape of every answer: anything thrown becomes `{ code, message, details? }`, a 4xx unless it is a bug. */
import { fieldLabel } from '@shuangjian/contracts';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DataKeyError } from './crypto';
import { AppError } from './errors';

const PG_ERRORS: Record<string, { status: number; code: 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND'; message: string }> = {
  '23505': { status: 409, code: 'CONFLICT', message: '与已有记录重复' },
  '23503': { status: 400, code: 'VALIDATION', message: '引用的记录不存在或仍被使用' },
  '23514': { status: 400, code: 'VALIDATION', message: '数据不符合约束' },
  '23502': { status: 400, code: 'VALIDATION', message: '缺少必填数据' },
  '22P02': { status: 400, code: 'VALIDATION', message: '数据格式不正确' },
  '22007': { status: 400, code: 'VALIDATION', message: '日期格式不正确' },
  '22008': { status: 400, code: 'VALIDATION', message: '日期超出范围' },
  '22001': { status: 400, code: 'VALIDATION', message: '文字过长' },
  '22003': { status: 400, code: 'VALIDATION', message: '数值超出范围' },
  '40001': { status: 409, code: 'CONFLICT', message: '数据正被他人修改，请重试' },
};


function pgError(err: unknown): { code: string; constraint?: string } | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, constraint: (e as { constraint?: string }).constraint };
  }
  return null;
}

const TYPE_NAMES: Record<string, string> = { number: '数字', string: '文本', boolean: '是/否', array: '列表', object: '对象', integer: '整数', date: '日期', bigint: '整数' };
/** zod's zh-CN messages keep type names in English ("期望 number"): say them in Chinese too. */
const zodTypeNames = (message: string) => message.replace(/\b(number|string|boolean|array|object|integer|date|bigint)\b/g, (m) => TYPE_NAMES[m] ?? m);

/** The error answer for anything thrown: `constraintMessages` names unique constraints in words (from the modules). */
export function toErrorReply(
  err: FastifyError | AppError | Error,
  constraintMessages: Readonly<Record<string, string>> = {},
): { status: number; body: { code: string; message: string; details?: unknown } } {
  if (err instanceof AppError) return { status: err.status, body: { code: err.code, message: err.message, details: err.details } };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext;
    const fields = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      return { field: path.join('.') || where || 'body', label: fieldLabel(path), message: zodTypeNames(v.message ?? '不正确') };
    });
    const first = fields[0];
    const message = first ? `${first.label}（${first.field}）：${first.message}` : '请求数据不正确';
    return { status: 400, body: { code: 'VALIDATION', message, details: { fields } } };
  }
  // sealed data the server's key ring cannot open: the operator's key setting, not the request (logged as a 5xx)
  if (err instanceof DataKeyError) return { status: 503, body: { code: 'DATA_KEY_UNAVAILABLE', message: `加密数据暂时无法读取，请联系系统管理员检查数据密钥设置（${err.message}）` } };
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return { status: 429, body: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大' } };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
    return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } };
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe instanceof SyntaxError)
    return { status: 400, body: { code: 'VALIDATION', message: '请求体不是有效的 JSON' } };
  const pgErr = pgError(err);
  if (pgErr) {
    const known = PG_ERRORS[pgErr.code];
    if (known) {
      const specific = pgErr.constraint ? constraintMessages[pgErr.constraint] : undefined;
      return { status: known.status, body: { code: known.code, message: specific ?? known.message } };
    }
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, body: { code: 'VALIDATION', message: `请求不正确：${fe.message}` } };
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } };
}

/** How deep a request's JSON may nest: no form needs more, and walking a deeper one (20 000 brackets) overflows the stack. */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests arrays and objects deeper than `max`, found without recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL cannot store (NUL) or that is not text at all (a lone UTF-16 surrogate): the path of the first. */
export function badTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = badTextPath(k, [...path, k]) ?? badTextPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
