/** Local dates of the request: the district's time zone, never the server's. */
import { type LocalDate, localDateTimeIn, todayIn } from '@shuangjian/policy';
import type { Ctx } from './access';

export function today(ctx: Pick<Ctx, 'user' | 'now'>): LocalDate {
  return todayIn(ctx.user.timeZone, ctx.now());
}

/** The district's wall-clock date and HH:MM now. */
export function localNow(ctx: Pick<Ctx, 'user' | 'now'>): { date: LocalDate; time: string } {
  return localDateTimeIn(ctx.user.timeZone, ctx.now());
}
