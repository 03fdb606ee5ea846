/** 政策变更记录: every version of every setting, newest first, with the value it replaced, who, when and why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../test/harness';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

type Entry = { id: string; key: string; label: { 'zh-CN': string }; value: unknown; previous: unknown; previousIsDefault: boolean; effectiveFrom: string; reason: string | null; createdBy: string | null; createdAt: string; status: string };

describe('GET /api/policies/history', () => {
  it('lists every version newest first, each with the value it replaced, its status today and who made it', async () => {
    const admin = await w.login('demo-district');
    const empty = await call(w.app, admin, 'GET', '/api/policies/history');
    expect(empty.status).toBe(200);
    expect(empty.body.today).toBe('2026-11-26');
    const before = (empty.body.items as Entry[]).length;

    const set = (key: string, value: unknown, effectiveFrom: string, reason: string) => call(w.app, admin, 'POST', `/api/policies/${key}`, { value, effectiveFrom, reason });
    expect((await set('training.packages', { maxMonths: 3, maxLessons: 48 }, '2026-11-26', '市局通知：课时包上限下调')).status).toBe(200);
    w.clock.advance(60_000);
    expect((await set('training.packages', { maxMonths: 2, maxLessons: 48 }, '2027-01-01', '新学年起预收费不超过两个月')).status).toBe(200);
    w.clock.advance(60_000);
    // made later, in force earlier: on the timeline it sits between the two
    expect((await set('training.packages', { maxMonths: 3, maxLessons: 40 }, '2026-12-01', '十二月起课时包 40 课时')).status).toBe(200);
    w.clock.advance(60_000);
    expect((await set('after-school.service', { weekdays: [1, 2, 3, 4, 5], minMinutesPerDay: 120, endNotBefore: '18:00', homeworkFirst: true }, '2026-11-26', '下班时间推迟')).status).toBe(200);

    const r = await call(w.app, admin, 'GET', '/api/policies/history');
    expect(r.status).toBe(200);
    const items = r.body.items as Entry[];
    expect(items).toHaveLength(before + 4);
    const mine = items.filter((i) => i.key === 'training.packages' || i.key === 'after-school.service');
    // newest made first
    expect(mine.map((i) => i.reason)).toEqual(['下班时间推迟', '十二月起课时包 40 课时', '新学年起预收费不超过两个月', '市局通知：课时包上限下调']);
    const [service, dec, jan, nov] = mine as [Entry, Entry, Entry, Entry];
    expect(service).toMatchObject({ previousIsDefault: true, status: 'in_force', createdBy: expect.any(String) });
    expect(service.label['zh-CN']).toContain('课后服务');
    expect((service.previous as { endNotBefore: string }).endNotBefore).toBe('17:30');
    expect(nov).toMatchObject({ previousIsDefault: true, previous: { maxMonths: 3, maxLessons: 60 }, status: 'in_force', effectiveFrom: '2026-11-26' });
    expect(dec).toMatchObject({ previousIsDefault: false, previous: { maxMonths: 3, maxLessons: 48 }, value: { maxMonths: 3, maxLessons: 40 }, status: 'upcoming' });
    expect(jan).toMatchObject({ previousIsDefault: false, previous: { maxMonths: 3, maxLessons: 40 }, value: { maxMonths: 2, maxLessons: 48 }, status: 'upcoming' });
    expect(Date.parse(service.createdAt)).toBeGreaterThan(Date.parse(nov.createdAt));

    // a day later the December version is in force and the November one superseded
    w.clock.advance(6 * 86_400_000);
    const later = (await call(w.app, await w.login('demo-district'), 'GET', '/api/policies/history')).body.items as Entry[];
    const byReason = (reason: string) => later.find((i) => i.reason === reason)!;
    expect(byReason('十二月起课时包 40 课时').status).toBe('in_force');
    expect(byReason('市局通知：课时包上限下调').status).toBe('superseded');
    expect(byReason('新学年起预收费不超过两个月').status).toBe('upcoming');
  });

  it('is for those who read the policy: school staff yes, parents and another district never see these versions', async () => {
    expect((await call(w.app, await w.login('demo-teacher'), 'GET', '/api/policies/history')).status).toBe(200);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/policies/history')).status).toBe(403);
    expect((await call(w.app, null, 'GET', '/api/policies/history')).status).toBe(401);
    const other = await call(w.app, await w.login('other-admin'), 'GET', '/api/policies/history');
    expect(other.status).toBe(200);
    expect((other.body.items as Entry[]).some((i) => i.reason === '下班时间推迟')).toBe(false);
  });
});
