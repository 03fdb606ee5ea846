/** Notifications to people: written in the same transaction as the change they tell of. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from './access';
import type { Queryable } from './db';
import { notifications } from './schema';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

export async function notify(q: Queryable, districtId: string, userIds: readonly string[], n: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await q.insert(notifications).values(unique.map((userId) => ({ districtId, userId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null })));
}

export async function myNotifications(ctx: Ctx) {
  const own = and(eq(notifications.districtId, ctx.user.districtId), eq(notifications.userId, ctx.user.id));
  const [rows, [unread]] = await Promise.all([
    ctx.db.select().from(notifications).where(own).orderBy(desc(notifications.createdAt)).limit(50),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(own, isNull(notifications.readAt))),
  ]);
  return {
    unread: unread?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
  };
}

export async function markRead(ctx: Ctx, input: { ids?: string[]; all?: boolean }) {
  const own = and(eq(notifications.districtId, ctx.user.districtId), eq(notifications.userId, ctx.user.id), isNull(notifications.readAt));
  if (input.all) await ctx.db.update(notifications).set({ readAt: ctx.now() }).where(own);
  else if (input.ids?.length) await ctx.db.update(notifications).set({ readAt: ctx.now() }).where(and(own, inArray(notifications.id, input.ids)));
  return myNotifications(ctx);
}
