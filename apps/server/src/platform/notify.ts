/**
 * Notifications to people: the in-app message (the bell) and, for messages meant to reach people away from the
 * platform, one outbox row per external delivery, both written in the transaction of the change they tell of.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from './access';
import { type Channels, NO_CHANNELS } from './channels';
import { atOnce, type Queryable } from './db';
import { enqueue, type OutsideMessage, type Reachable } from './outbox';
import { notifications } from './schema';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Also sent outside the platform by the enabled channels (SMS, WeChat, DingTalk); absent: in-app only. */
  message?: OutsideMessage;
}

/** An account (its id), or a person by account and/or mobile number: the phone gets an SMS when no app channel does. */
export type Recipient = string | Reachable;

const CHUNK = 1000;

export async function notify(q: Queryable, districtId: string, to: readonly Recipient[], n: NotificationInput, channels: Channels = NO_CHANNELS) {
  const people: Reachable[] = to.map((r) => (typeof r === 'string' ? { userId: r, phone: null } : r));
  const unique = [...new Set(people.map((p) => p.userId).filter((id): id is string => !!id))];
  const rows = unique.map((userId) => ({ districtId, userId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null }));
  for (let i = 0; i < rows.length; i += CHUNK) await q.insert(notifications).values(rows.slice(i, i + CHUNK));
  if (n.message) await enqueue(q, districtId, channels, people, { ...n.message, kind: n.kind, link: n.link });
}

export async function myNotifications(ctx: Ctx) {
  const own = and(eq(notifications.districtId, ctx.user.districtId), eq(notifications.userId, ctx.user.id));
  const [rows, [unread]] = await atOnce(ctx.db,
    () => ctx.db.select().from(notifications).where(own).orderBy(desc(notifications.createdAt)).limit(50),
    () => ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(own, isNull(notifications.readAt))),
  );
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
