/**
 * Sends the outbox: claims due rows (FOR UPDATE SKIP LOCKED, so servers sharing a PostgreSQL database never claim the
 * same row; on the embedded database there is only one server), hands each to its channel, then marks it sent, or
 * schedules the next attempt with exponential backoff up to a cap, or marks it failed after the last attempt. A claim
 * is a lease: a row whose sender died is claimed again when the lease ends. Every failure is logged.
 */
import { maskPhone } from '@shuangjian/policy';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Channels } from './channels';
import { PermanentDeliveryError } from './channels/signed-post';
import type { Config } from './config';
import { isSealed, open } from './crypto';
import type { Db } from './db';
import { outbox } from './schema';

export interface DispatchLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type DispatchOptions = Config['outbox'] & { batch?: number; concurrency?: number; leaseMs?: number };

type Row = typeof outbox.$inferSelect;

/** Wait before attempt n + 1 after n failed ones: base, 2 × base, 4 × base … at most cap. */
export function backoffMs(failedAttempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** The row's address, opened when sealed (rows written before sealing hold it in plaintext until the start converts them). */
const addressOf = (r: Row) => (isSealed(r.address) ? open(r.address) : r.address);
const shown = (r: Row) => {
  try {
    const address = addressOf(r);
    return r.channel === 'sms' ? maskPhone(address) : address;
  } catch {
    return '（密封）';
  }
};

export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly channels: Channels,
    private readonly log: DispatchLog,
    private readonly now: () => Date,
    private readonly options: DispatchOptions,
  ) {}

  /** Claims up to a batch of due rows and sends them; answers what happened to each. */
  async tick(): Promise<{ sent: number; retrying: number; failed: number }> {
    const now = this.now();
    const batch = this.options.batch ?? 50;
    const due = this.db
      .select({ districtId: outbox.districtId, id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    const claimed = await this.db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + (this.options.leaseMs ?? 300_000)) })
      .where(sql`(${outbox.districtId}, ${outbox.id}) in ${due}`)
      .returning();
    const result = { sent: 0, retrying: 0, failed: 0 };
    const queue = [...claimed];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) result[await this.deliver(row, now)]++;
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 8, queue.length) }, worker));
    return result;
  }

  private async deliver(row: Row, now: Date): Promise<'sent' | 'retrying' | 'failed'> {
    const key = and(eq(outbox.districtId, row.districtId), eq(outbox.id, row.id));
    const channel = this.channels[row.channel];
    try {
      if (!channel) throw new PermanentDeliveryError(`渠道 ${row.channel} 未配置`);
      await channel.send(
        { id: row.id, address: addressOf(row), kind: row.kind, template: row.template, params: row.params, text: row.text, link: row.link },
        { now, timeoutMs: this.options.timeoutMs },
      );
      await this.db.update(outbox).set({ status: 'sent', sentAt: this.now(), lastError: null }).where(key);
      return 'sent';
    } catch (err) {
      const error = err instanceof Error ? `${err.name === 'TimeoutError' ? 'timeout: ' : ''}${err.message}` : String(err);
      const facts = { outboxId: row.id, districtId: row.districtId, channel: row.channel, address: shown(row), kind: row.kind, attempt: row.attempts, error };
      if (err instanceof PermanentDeliveryError || row.attempts >= this.options.maxAttempts) {
        await this.db.update(outbox).set({ status: 'failed', lastError: error.slice(0, 1000) }).where(key);
        this.log.error(facts, 'outbox delivery failed for good');
        return 'failed';
      }
      const wait = backoffMs(row.attempts, this.options.retryBaseMs, this.options.retryCapMs);
      await this.db
        .update(outbox)
        .set({ nextAttemptAt: new Date(this.now().getTime() + wait), lastError: error.slice(0, 1000) })
        .where(key);
      this.log.warn({ ...facts, retryInMs: wait }, 'outbox delivery failed, will retry');
      return 'retrying';
    }
  }

  /** Sends every pollMs; a full batch is followed at once by the next. One tick at a time in this process. */
  start(onError: (err: unknown) => void): void {
    const run = () => {
      if (this.running) return;
      this.running = (async () => {
        for (let full = true; full; ) {
          const r = await this.tick();
          full = r.sent + r.retrying + r.failed >= (this.options.batch ?? 50);
        }
      })()
        .catch(onError)
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(run, this.options.pollMs);
    this.timer.unref();
  }

  /** Stops polling and waits for the tick under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
