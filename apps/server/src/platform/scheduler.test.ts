import { describe, expect, it } from 'vitest';
import { NO_CHANNELS } from './channels';
import type { Db } from './db';
import { startScheduler } from './scheduler';

describe('scheduled jobs', () => {
  it('run on their timer, one run of a job at a time; a failure is reported and the job keeps its timer; stop waits for the run under way', async () => {
    let runs = 0;
    let overlapping = 0;
    let busy = false;
    const errors: string[] = [];
    const stop = startScheduler(
      [
        {
          name: 'slow',
          everyMs: 5,
          run: async () => {
            if (busy) overlapping++;
            busy = true;
            runs++;
            await new Promise((r) => setTimeout(r, 30));
            busy = false;
          },
        },
        {
          name: 'failing',
          everyMs: 10,
          run: () => Promise.reject(new Error('gateway down')),
        },
      ],
      { db: {} as Db, channels: NO_CHANNELS, now: () => new Date() },
      (job, err) => errors.push(`${job}: ${(err as Error).message}`),
    );
    await new Promise((r) => setTimeout(r, 200));
    await stop();
    expect(busy).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThan(10);
    expect(overlapping).toBe(0);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toBe('failing: gateway down');
  });
});
