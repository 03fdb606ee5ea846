/**
 * The outbox: messages to send outside the platform, written in the caller's transaction (a delivery is never lost, and
 * never sent for a change that rolled back). dispatcher.ts sends them; housekeeping drops old sent rows.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Channels } from './channels';
import { seal } from './crypto';
import type { Queryable } from './db';
import { type OutboxChannel, outbox, userChannels } from './schema';
import type { SealedColumns } from './sealed-columns';

/** What goes outside the platform: the whole text (an SMS), and the fields a template message fills. */
export interface OutsideMessage {
  text: string;
  params: Record<string, string>;
}

/** Someone to reach outside the platform: an account (its bound WeChat or DingTalk) and/or a mobile number (SMS). */
export interface Reachable {
  userId: string | null;
  phone: string | null;
}

const CHUNK = 1000;
const DUE_AT_ONCE = new Date(0);

/**
 * One outbox row per delivery to the enabled channels: every bound app channel of the account (WeChat, DingTalk);
 * an SMS to the phone when no app channel reaches the person. The same address is written once.
 */
/** The outbox's sealed column, re-sealed by `npm run keys:rotate` and sealed at start where still in plaintext. */
export const OUTBOX_SEALED: SealedColumns = { table: 'outbox', key: ['district_id', 'id'], columns: ['address'] };

export async function enqueue(
  q: Queryable,
  districtId: string,
  channels: Channels,
  to: readonly Reachable[],
  message: OutsideMessage & { kind: string; link?: string | null },
): Promise<number> {
  const appChannels = (['wechat', 'dingtalk'] as const).filter((c) => channels[c]);
  if (!appChannels.length && !channels.sms) return 0;
  const userIds = [...new Set(to.map((r) => r.userId).filter((id): id is string => !!id))];
  const bound = new Map<string, { channel: OutboxChannel; address: string }[]>();
  for (let i = 0; appChannels.length && i < userIds.length; i += CHUNK) {
    const rows = await q
      .select({ userId: userChannels.userId, channel: userChannels.channel, address: userChannels.address })
      .from(userChannels)
      .where(and(eq(userChannels.districtId, districtId), inArray(userChannels.userId, userIds.slice(i, i + CHUNK)), inArray(userChannels.channel, appChannels)));
    for (const r of rows) bound.set(r.userId, [...(bound.get(r.userId) ?? []), r]);
  }
  const seen = new Set<string>();
  const rows: (typeof outbox.$inferInsert)[] = [];
  const add = (channel: OutboxChannel, address: string, userId: string | null) => {
    const key = `${channel}\n${address}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({
      districtId,
      channel,
      // a guardian's phone (or an app's id for the person) is sealed at rest here too, as in the roster
      address: seal(address),
      userId,
      kind: message.kind,
      template: channels[channel]!.template(message.kind),
      params: message.params,
      text: message.text,
      link: message.link ?? null,
      // due at once, whatever the sender's clock says (the dispatcher compares with its own)
      nextAttemptAt: DUE_AT_ONCE,
    });
  };
  for (const r of to) {
    const apps = r.userId ? (bound.get(r.userId) ?? []) : [];
    for (const a of apps) add(a.channel, a.address, r.userId);
    if (!apps.length && channels.sms && r.phone) add('sms', r.phone, r.userId);
  }
  for (let i = 0; i < rows.length; i += CHUNK) await q.insert(outbox).values(rows.slice(i, i + CHUNK));
  return rows.length;
}

/** Binds an account to its WeChat openid or DingTalk userid (one of each), replacing an earlier binding. */
export async function bindChannel(q: Queryable, districtId: string, userId: string, channel: 'wechat' | 'dingtalk', address: string) {
  await q
    .insert(userChannels)
    .values({ districtId, userId, channel, address })
    .onConflictDoUpdate({ target: [userChannels.districtId, userChannels.userId, userChannels.channel], set: { address, createdAt: new Date() } });
}

const DAY = 86_400_000;

/** Sent rows are kept a week (what went out, for questions from families); failed ones 90 days. */
export async function purgeOutbox(q: Queryable, now: Date) {
  await q.delete(outbox).where(and(eq(outbox.status, 'sent'), lt(outbox.createdAt, new Date(now.getTime() - 7 * DAY))));
  await q.delete(outbox).where(and(eq(outbox.status, 'failed'), lt(outbox.createdAt, new Date(now.getTime() - 90 * DAY))));
}
