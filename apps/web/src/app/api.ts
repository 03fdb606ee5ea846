/** The one way the web talks to the server: JSON in and out, errors as ApiError carrying the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * Asked when the server answers STEP_UP_REQUIRED (a sensitive action needs the second factor's code again): the
 * step-up dialog (StepUpDialog) registers itself here, takes the code and answers whether to retry the request.
 */
let stepUpHandler: ((minutes: number) => Promise<boolean>) | null = null;
export function setStepUpHandler(handler: ((minutes: number) => Promise<boolean>) | null) {
  stepUpHandler = handler;
}

async function request<T>(method: string, url: string, body?: unknown, init: RequestInit = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers: { ...headers, ...(init.headers as Record<string, string>) }, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: unknown };
    if (res.status === 401 && !url.startsWith('/api/auth/login')) window.dispatchEvent(new Event('sj:signed-out'));
    if (res.status === 403 && e.code === 'STEP_UP_REQUIRED' && stepUpHandler && !retried) {
      const minutes = (e.details as { stepUpMinutes?: number } | undefined)?.stepUpMinutes ?? 5;
      if (await stepUpHandler(minutes)) return request<T>(method, url, body, init, true);
    }
    throw new ApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? res.statusText, e.details);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown, init?: RequestInit) => request<T>('POST', url, body, init),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** A new idempotency key for one user action (retries of the same action reuse it). */
export function idempotencyKey(): Record<string, string> {
  return { 'idempotency-key': crypto.randomUUID() };
}

/**
 * Before a sensitive action that is a plain link (a file download cannot show the dialog on its answer): asks the
 * step-up first when the person has a second factor and no recent code. Answers whether to go on.
 */
export async function ensureStepUp(): Promise<boolean> {
  const s = await request<{ enrolled: boolean; stepUpUntil: string | null; stepUpMinutes: number }>('GET', '/api/auth/second-factor');
  if (!s.enrolled || (s.stepUpUntil && new Date(s.stepUpUntil).getTime() - Date.now() > 30_000)) return true;
  return stepUpHandler ? stepUpHandler(s.stepUpMinutes) : false;
}
