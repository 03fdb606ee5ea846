/**
 * Policy editing from the browser: the policies list carries each setting's value shape (a JSON Schema of its Zod
 * schema, fields labelled), values built on that shape are accepted as new versions, refusals name the field, and a
 * homework check's answer carries the effective date and reason of the version it applied.
 */
import {
  afterSchoolSettings,
  examsSettings,
  fiveManagementsSettings,
  homeSchoolSettings,
  homeworkSettings,
  timetableSettings,
  trainingSettings,
} from '@shuangjian/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../test/harness';

const TODAY = '2026-11-26';
let w: World;
let admin: string;

beforeAll(async () => {
  w = await createWorld({ homework: true });
  admin = await w.login('demo-district');
}, 120_000);
afterAll(() => w.close());

type Schema = {
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  anyOf?: Schema[];
  $schema?: string;
};
type Entry = { key: string; default: unknown; schema: Schema; current: { id: string; value: unknown; effectiveFrom: string; reason: string | null } | null; versions: { id: string; value: unknown; effectiveFrom: string; reason: string | null }[] };

const list = async () => (await call(w.app, admin, 'GET', '/api/policies')).body as Entry[];

/** The first integer field of the shape (depth first), as the editor shows it: its path and bounds. */
function firstInteger(schema: Schema, path: (string | number)[] = []): { path: (string | number)[]; min?: number; max?: number } | null {
  if (schema.type === 'integer') return { path, min: schema.minimum, max: schema.maximum };
  if (schema.type === 'object' && schema.properties) {
    for (const [k, s] of Object.entries(schema.properties)) {
      const hit = firstInteger(s, [...path, k]);
      if (hit) return hit;
    }
  }
  if (schema.type === 'array' && schema.items?.type === 'object') return firstInteger(schema.items, [...path, 0]);
  return null;
}

/** The value the editor sends after changing one number by one, inside the bounds the shape gives. */
function changedByOne(entry: Entry) {
  const value = structuredClone(entry.current?.value ?? entry.default) as Record<string | number, unknown>;
  const field = firstInteger(entry.schema)!;
  expect(field, `${entry.key} has a number to change`).toBeTruthy();
  let holder = value;
  for (const k of field.path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
  const last = field.path.at(-1)!;
  const n = holder[last] as number;
  holder[last] = field.max !== undefined && n + 1 > field.max ? n - 1 : n + 1;
  return { value, path: field.path, to: holder[last] as number };
}

describe('the policies list carries each setting’s value shape', () => {
  it('a JSON Schema for every registered setting, without the draft marker, fields labelled in Chinese', async () => {
    const entries = await list();
    const registered = Object.keys({
      ...homeworkSettings,
      ...afterSchoolSettings,
      ...trainingSettings,
      ...fiveManagementsSettings,
      ...examsSettings,
      ...homeSchoolSettings,
      ...timetableSettings,
    });
    expect(entries.map((e) => e.key).sort()).toEqual(expect.arrayContaining(registered.sort()));
    for (const e of entries) {
      expect(e.schema, e.key).toBeTypeOf('object');
      expect(e.schema.$schema, e.key).toBeUndefined();
      expect(e.schema.type ?? e.schema.anyOf, e.key).toBeTruthy();
    }
    const byKey = new Map(entries.map((e) => [e.key, e.schema]));
    const sleep = byKey.get('five-managements.sleep')!;
    expect(sleep.properties!.primary!.description).toBe('小学');
    expect(sleep.properties!.primary!.properties!.minMinutes).toMatchObject({ type: 'integer', minimum: 360, maximum: 720, description: '每天最少睡眠（分钟）' });
    expect(sleep.properties!.junior!.properties!.latestBedtime).toMatchObject({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
    const prices = byKey.get('training.prices')!;
    expect(prices.properties!.bands!.items!.properties!.capFen).toMatchObject({ type: 'integer', minimum: 0, description: '每生每课时上限' });
    expect(prices.properties!.otherLengths!.enum).toEqual(['pro_rata', 'refuse']);
    expect(byKey.get('home-school.visits')!.properties!.weeklyModes!.items!.enum).toEqual(['home', 'phone', 'video', 'school']);
    expect(byKey.get('timetable.plan')!.properties!.grades!.items!.properties!.subjects!.additionalProperties).toMatchObject({ type: 'integer' });
    // every field of the non-homework settings is labelled (homework keeps its own editors)
    const unlabelled: string[] = [];
    const walk = (s: Schema, at: string) => {
      for (const [k, f] of Object.entries(s.properties ?? {})) {
        if (!f.description) unlabelled.push(`${at}.${k}`);
        walk(f, `${at}.${k}`);
      }
      if (s.items) walk(s.items, `${at}[]`);
    };
    for (const e of entries.filter((x) => !x.key.startsWith('homework.'))) walk(e.schema, e.key);
    expect(unlabelled).toEqual([]);
  });

  it('the same schema objects on every request (converted once), and the answer stays small', async () => {
    const a = await call(w.app, admin, 'GET', '/api/policies');
    const b = await call(w.app, admin, 'GET', '/api/policies');
    expect(JSON.stringify((a.body as Entry[]).map((e) => e.schema))).toBe(JSON.stringify((b.body as Entry[]).map((e) => e.schema)));
    const schemas = JSON.stringify((a.body as Entry[]).map((e) => e.schema));
    expect(schemas.length).toBeLessThan(40_000);
  });

  it('values built on the shape (the default with one number changed) are accepted as new versions', async () => {
    for (const key of ['five-managements.sleep', 'training.packages', 'home-school.visits', 'training.prices', 'timetable.plan']) {
      const entry = (await list()).find((e) => e.key === key)!;
      const { value, path, to } = changedByOne(entry);
      const r = await call(w.app, admin, 'POST', `/api/policies/${key}`, { value, effectiveFrom: '2026-12-07', reason: `浏览器编辑：${path.join('.')} 改为 ${to}` });
      expect(r.status, `${key}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.schema).toEqual(entry.schema);
      expect(r.body.versions[0]).toMatchObject({ effectiveFrom: '2026-12-07', value, reason: expect.stringContaining(path.join('.')) });
    }
    const sleep = (await list()).find((e) => e.key === 'five-managements.sleep')!;
    expect((sleep.versions[0]!.value as { primary: { minMinutes: number } }).primary.minMinutes).toBe(601);
  });

  it('a value off the shape is refused with the field it breaks', async () => {
    const entries = await list();
    const sleep = structuredClone(entries.find((e) => e.key === 'five-managements.sleep')!.default) as { primary: { minMinutes: number } };
    sleep.primary.minMinutes = 300;
    const low = await call(w.app, admin, 'POST', '/api/policies/five-managements.sleep', { value: sleep, effectiveFrom: TODAY, reason: '过低' });
    expect(low.status).toBe(400);
    expect(low.body.details.fields).toEqual([expect.objectContaining({ field: 'value.primary.minMinutes' })]);
    const prices = structuredClone(entries.find((e) => e.key === 'training.prices')!.default) as { bands: { capFen: number }[] };
    prices.bands[0]!.capFen = 12.5;
    const fraction = await call(w.app, admin, 'POST', '/api/policies/training.prices', { value: prices, effectiveFrom: TODAY, reason: '半分' });
    expect(fraction.status).toBe(400);
    expect(fraction.body.details.fields[0].field).toBe('value.bands.0.capFen');
    expect(fraction.body.message).toContain('value.bands.0.capFen');
  });
});

describe('a homework check names the version it applied', () => {
  it('the load check answer carries the cited version’s effective date and reason; the shipped default is not cited', async () => {
    const limits = (await list()).find((e) => e.key === 'homework.dayLimits')!;
    const value = structuredClone(limits.default) as { school_day: Record<string, number> };
    value.school_day['3'] = 50;
    const set = await call(w.app, admin, 'POST', '/api/policies/homework.dayLimits', { value, effectiveFrom: '2026-12-07', reason: '区教育局通知：三年级上课日 50 分钟' });
    expect(set.status).toBe(200);
    const v50 = set.body.versions[0] as { id: string };
    const teacher = await w.login('demo-teacher');
    const me = (await call(w.app, teacher, 'GET', '/api/me')).body as { classes: { id: string; grade: number }[] };
    const cls = me.classes.find((c) => c.grade === 3)!;
    const r = await call(w.app, teacher, 'POST', '/api/homework/load-check', { classIds: [cls.id], dates: ['2026-12-04', '2026-12-08'] });
    expect(r.status).toBe(200);
    const [before, after] = r.body.entries as { date: string; policyVersion: string | null; policyCited: { key: string; id: string; effectiveFrom: string; reason: string | null }[] }[];
    expect(before!.policyCited.some((c) => c.key === 'homework.dayLimits')).toBe(false);
    expect(after!.policyCited).toContainEqual({ key: 'homework.dayLimits', id: v50.id, effectiveFrom: '2026-12-07', reason: '区教育局通知：三年级上课日 50 分钟' });
    expect(after!.policyVersion).toContain(`homework.dayLimits@${v50.id}`);
    // every version named in the id list is cited with its date
    expect(after!.policyVersion!.split(',').sort()).toEqual(after!.policyCited.map((c) => `${c.key}@${c.id}`).sort());
  });
});
