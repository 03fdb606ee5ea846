/**
 * 督导报告: the district generates a month's reports (its own and every school's) whose snapshot holds the same
 * figures as the shared metrics reader; regenerating replaces them; a school's administrator makes and sees only the
 * school's; inspectors the district's and their zone's; the workbook's sheets and the PDF carry the snapshot; the
 * scheduled run fills in what is missing and a second run changes nothing.
 */
import { METRIC_KEYS, type ReportSnapshot } from '@shuangjian/contracts';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { AppError } from '../../platform/errors';
import { districtSchools, schoolMetrics } from './metrics';
import { REPORTS_JOB } from './reports.job';
import { cjkFontCandidates, reportPdf } from './reports.pdf';

let w: World;
let districtId: string;
let schools: Awaited<ReturnType<typeof districtSchools>>;
let sy01: { schoolId: string; zoneId: string; name: string };
let admin: string;

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params);
type Summary = { id: string; scope: string; schoolId: string | null; schoolName: string | null; period: string; periodLabel: string; generatedBy: string | null; generatedAt: string; assessments: number };

async function workbook(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
const download = async (cookie: string, url: string) => w.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
  admin = await w.login('demo-district');
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0]!.id;
  schools = await districtSchools(w.db.database.db, districtId);
  const code = (await q<{ id: string }>(`select id from schools where district_id = $1 and code = 'SY01'`, [districtId]))[0]!.id;
  sy01 = schools.find((s) => s.schoolId === code)!;
  // an assessment closed in October and published, with two schools' results: the reports carry it
  const [a] = await q<{ id: string }>(
    `insert into supervision_assessments (district_id, name, period_from, period_to, close_date, status, red_min, yellow_below, black_below, created_by, closed_at, published_at)
     select $1, '2026年秋季减负提质测评（试行）', '2026-09-01', '2026-10-28', '2026-10-28', 'published', 90, 70, 60, u.id, now(), now()
     from users u where u.district_id = $1 and u.username = 'demo-district' returning id`,
    [districtId],
  );
  const other = schools.find((s) => s.schoolId !== sy01.schoolId)!;
  await q(
    `insert into supervision_results (district_id, assessment_id, school_id, total, rank, list, detail, award) values
     ($1, $2, $3, 92.5, 1, 'red', '{}', '新优质学校'), ($1, $2, $4, 65, 2, 'yellow', '{}', null)`,
    [districtId, a!.id, other.schoolId, sy01.schoolId],
  );
}, 240_000);
afterAll(() => w.close());

describe('generating a month', () => {
  let district: Summary;

  it('the district makes its report and every school’s, with the metrics reader’s figures', async () => {
    const r = await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-10' });
    expect(r.status).toBe(200);
    const reports = r.body.reports as Summary[];
    expect(reports).toHaveLength(schools.length + 1);
    district = reports[0]!;
    expect(district).toMatchObject({ scope: 'district', schoolId: null, period: '2026-10', periodLabel: '2026年10月', assessments: 1, generatedBy: expect.any(String) });
    expect(reports.slice(1).map((x) => x.schoolId)).toEqual(schools.map((s) => s.schoolId));

    const [row] = await q<{ figures: ReportSnapshot }>(`select figures from supervision_reports where id = $1`, [district.id]);
    const snap = row!.figures;
    const expected = await schoolMetrics(w.db.database.db, districtId, { from: '2026-10-01', to: '2026-10-31' });
    for (const s of snap.schools) for (const k of METRIC_KEYS) expect({ num: s.figures[k].num, den: s.figures[k].den }, `${s.name} ${k}`).toEqual(expected.get(s.schoolId)![k]);
    for (const k of METRIC_KEYS) {
      const num = [...expected.values()].reduce((n, f) => n + f[k].num, 0);
      const den = [...expected.values()].reduce((n, f) => n + f[k].den, 0);
      expect(snap.district[k]).toEqual({ num, den, rate: den ? num / den : null });
    }
    expect(snap.zones.reduce((n, z) => n + z.schools, 0)).toBe(schools.length);
    expect(snap.assessments[0]!.results.map((x) => x.rank)).toEqual([1, 2]);

    const audit = await q<{ after: { reports: number; replaced: number } }>(`select after from audit_log where district_id = $1 and action = 'supervision.report.generate' order by at desc limit 1`, [districtId]);
    expect(audit[0]!.after).toMatchObject({ reports: schools.length + 1 });
  });

  it('a school’s report holds its own figures beside its zone’s and the district’s, and only its own published result', async () => {
    const [row] = await q<{ figures: ReportSnapshot }>(`select figures from supervision_reports where district_id = $1 and kind = 'month' and period = '2026-10' and school_id = $2`, [districtId, sy01.schoolId]);
    const snap = row!.figures;
    expect(snap.scope).toBe('school');
    expect(snap.school).toMatchObject({ schoolId: sy01.schoolId, name: sy01.name });
    expect(snap.schools).toHaveLength(1);
    expect(snap.zones.map((z) => z.zoneId)).toEqual([sy01.zoneId]);
    expect(snap.assessments).toHaveLength(1);
    expect(snap.assessments[0]!.results).toEqual([expect.objectContaining({ schoolId: sy01.schoolId, rank: 2, list: 'yellow' })]);
  });

  it('regenerating replaces the snapshot of the same scope and period, and is audited', async () => {
    w.clock.advance(60_000);
    const again = await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-10' });
    expect(again.status).toBe(200);
    const d = (again.body.reports as Summary[])[0]!;
    expect(d.id).toBe(district.id);
    expect(Date.parse(d.generatedAt)).toBeGreaterThan(Date.parse(district.generatedAt));
    expect((await q<{ n: number }>(`select count(*)::int as n from supervision_reports where district_id = $1 and period = '2026-10'`, [districtId]))[0]!.n).toBe(schools.length + 1);
    const audit = await q<{ after: { replaced: number } }>(`select after from audit_log where district_id = $1 and action = 'supervision.report.generate' order by at desc limit 1`, [districtId]);
    expect(audit[0]!.after.replaced).toBe(schools.length + 1);
  });

  it('refuses a malformed, future or unknown period with the field named', async () => {
    const bad = await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-13' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('period');
    const future = await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'month', period: '2027-01' });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('尚未开始');
    expect((await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'semester', period: crypto.randomUUID() })).status).toBe(404);
    const next = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date > '2026-11-26' order by start_date limit 1`, [districtId]))[0]!;
    expect((await call(w.app, admin, 'POST', '/api/supervision/reports', { kind: 'semester', period: next.id })).status).toBe(400);
  });
});

describe('who makes and who reads', () => {
  it('a school’s administrator makes the school’s own report only', async () => {
    const principal = await w.login('demo-principal');
    const own = await call(w.app, principal, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-11', schoolId: sy01.schoolId });
    expect(own.status).toBe(200);
    expect(own.body.reports).toEqual([expect.objectContaining({ scope: 'school', schoolId: sy01.schoolId, period: '2026-11' })]);
    // the month is not over: its data runs to today
    expect(own.body.reports[0].periodTo).toBe('2026-11-26');
    expect((await call(w.app, principal, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-11' })).status).toBe(403);
    const another = schools.find((s) => s.schoolId !== sy01.schoolId)!;
    expect((await call(w.app, principal, 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-11', schoolId: another.schoolId })).status).toBe(404);
    expect((await call(w.app, await w.login('demo-inspector'), 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-11' })).status).toBe(403);
    expect((await call(w.app, await w.login('demo-teacher'), 'POST', '/api/supervision/reports', { kind: 'month', period: '2026-11' })).status).toBe(403);
  });

  it('the list: the district all, a school its own, a zone inspector the district’s and the zone’s schools', async () => {
    const all = await call(w.app, admin, 'GET', '/api/supervision/reports?kind=month&period=2026-10');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ kind: 'month', period: '2026-10', canGenerate: 'all' });
    expect(all.body.items).toHaveLength(schools.length + 1);
    expect(all.body.periods.map((p: { period: string }) => p.period)).toEqual(expect.arrayContaining(['2026-11', '2026-10']));
    expect(all.body.generatable.months[0]).toMatchObject({ period: '2026-11', to: '2026-11-26' });

    const principal = await call(w.app, await w.login('demo-principal'), 'GET', '/api/supervision/reports?kind=month&period=2026-10');
    expect(principal.body.canGenerate).toBe('school');
    expect(principal.body.items.map((i: Summary) => i.schoolId)).toEqual([sy01.schoolId]);

    const zone = await call(w.app, await w.login('zone-inspector'), 'GET', '/api/supervision/reports?kind=month&period=2026-10');
    const zoneId = (await q<{ zone_id: string }>(`select zone_id from role_assignments where district_id = $1 and role = 'inspector' and zone_id is not null`, [districtId]))[0]!.zone_id;
    const inZone = schools.filter((s) => s.zoneId === zoneId).map((s) => s.schoolId);
    expect(zone.body.canGenerate).toBe('none');
    expect(zone.body.items.map((i: Summary) => i.schoolId)).toEqual([null, ...inZone]);

    expect((await call(w.app, await w.login('demo-teacher'), 'GET', '/api/supervision/reports')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/supervision/reports')).status).toBe(403);
  });

  it('a report’s files: another school’s or another district’s reader gets a 404, like an unknown id', async () => {
    const list = (await call(w.app, admin, 'GET', '/api/supervision/reports?kind=month&period=2026-10')).body.items as Summary[];
    const another = list.find((i) => i.schoolId && i.schoolId !== sy01.schoolId)!;
    const principal = await w.login('demo-principal');
    expect((await download(principal, `/api/supervision/reports/${another.id}.xlsx`)).statusCode).toBe(404);
    expect((await download(principal, `/api/supervision/reports/${list[0]!.id}.pdf`)).statusCode).toBe(404);
    expect((await download(await w.login('other-admin'), `/api/supervision/reports/${another.id}.xlsx`)).statusCode).toBe(404);
    expect((await download(principal, `/api/supervision/reports/${crypto.randomUUID()}.xlsx`)).statusCode).toBe(404);
    expect((await download(principal, `/api/supervision/reports/not-an-id.xlsx`)).statusCode).toBe(400);
  });
});

describe('files', () => {
  let district: Summary;
  let snap: ReportSnapshot;
  beforeAll(async () => {
    district = ((await call(w.app, admin, 'GET', '/api/supervision/reports?kind=month&period=2026-10')).body.items as Summary[])[0]!;
    snap = (await q<{ figures: ReportSnapshot }>(`select figures from supervision_reports where id = $1`, [district.id]))[0]!.figures;
  });

  it('the workbook: 总览 with the district totals, 分学校 with every school coloured, a sheet per module, 考核结果', async () => {
    const res = await download(admin, `/api/supervision/reports/${district.id}.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('督导月报-示范区-2026年10月.xlsx');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总览', '分学校', '作业管理', '课后服务', '家校社协同', '五项管理', '课程与课表', '考试与评价', '考核结果']);
    const overview = wb.getWorksheet('总览')!;
    expect(overview.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    METRIC_KEYS.forEach((k, i) => {
      const row = overview.getRow(i + 3);
      expect(row.getCell(2).value).toBe(snap.metrics[i]!.label);
      expect([row.getCell(3).value, row.getCell(4).value]).toEqual([snap.district[k].num, snap.district[k].den]);
      if (snap.district[k].rate !== null) {
        expect(row.getCell(5).value).toBeCloseTo(snap.district[k].rate!, 10);
        expect(row.getCell(5).numFmt).toBe('0.0%');
      }
    });
    const bySchool = wb.getWorksheet('分学校')!;
    expect(bySchool.rowCount).toBe(2 + schools.length + 1);
    const first = snap.schools[0]!;
    expect(bySchool.getRow(3).getCell(3).value).toBe(first.name);
    const k = METRIC_KEYS.findIndex((key) => first.figures[key].rate !== null);
    expect(bySchool.getRow(3).getCell(4 + k).value).toBeCloseTo(first.figures[METRIC_KEYS[k]!].rate!, 10);
    // colours: some school cell is filled green, yellow or red against the district
    const fills = snap.schools.flatMap((_, i) => METRIC_KEYS.map((__, j) => (bySchool.getRow(3 + i).getCell(4 + j).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb));
    expect(fills.filter(Boolean).length).toBeGreaterThan(0);
    const homework = wb.getWorksheet('作业管理')!;
    expect(homework.getRow(2).getCell(3).value).toBe('作业时长达标率（家长反馈） 分子');
    expect([homework.getRow(3).getCell(3).value, homework.getRow(3).getCell(4).value]).toEqual([first.figures['homework.withinLimit'].num, first.figures['homework.withinLimit'].den]);
    const results = wb.getWorksheet('考核结果')!;
    expect(results.getRow(3).getCell(1).value).toBe('2026年秋季减负提质测评（试行）');
    expect(results.getRow(3).getCell(8).value).toBe('红榜');
  });

  it('the PDF: a PDF with pages, for the district and for a school', async () => {
    const res = await download(admin, `/api/supervision/reports/${district.id}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');

    const principal = await w.login('demo-principal');
    const own = ((await call(w.app, principal, 'GET', '/api/supervision/reports?kind=month&period=2026-10')).body.items as Summary[])[0]!;
    const school = await download(principal, `/api/supervision/reports/${own.id}.pdf`);
    expect(school.statusCode).toBe(200);
    expect(school.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('without a Chinese font the PDF is refused with 503 and a message, never a 500; a system font serves when found', async () => {
    // no font at all, or only files that are not fonts
    for (const fonts of [[], [{ regular: import.meta.filename, bold: import.meta.filename }]]) {
      const err = await reportPdf(snap, { fonts }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(503);
      expect((err as AppError).message).toContain('中文字体');
    }
    const system = cjkFontCandidates().filter((f) => f.regular.startsWith('/usr/share/fonts/') && existsSync(f.regular));
    if (system[0]) {
      const pdf = await reportPdf(snap, { fonts: [{ regular: import.meta.filename, bold: import.meta.filename }, system[0]] });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

describe('the scheduled run', () => {
  it('on the 1st makes last month’s missing reports (a person’s are kept), and a second run changes nothing', async () => {
    const count = async (period: string) => (await q<{ n: number }>(`select count(*)::int as n from supervision_reports where district_id = $1 and kind = 'month' and period = $2`, [districtId, period]))[0]!.n;
    const sy01Before = (await q<{ generated_at: Date }>(`select generated_at from supervision_reports where district_id = $1 and period = '2026-11' and school_id = $2`, [districtId, sy01.schoolId]))[0]!;
    // 1 December, 02:00 in the district
    w.clock.current = new Date('2026-11-30T18:00:00Z');
    expect(await count('2026-11')).toBe(1);
    const first = (await w.runJob(REPORTS_JOB)) as number;
    expect(await count('2026-11')).toBe(schools.length + 1);
    expect(first).toBeGreaterThanOrEqual(schools.length);
    const kept = (await q<{ generated_at: Date; generated_by: string | null }>(`select generated_at, generated_by from supervision_reports where district_id = $1 and period = '2026-11' and school_id = $2`, [districtId, sy01.schoolId]))[0]!;
    expect(kept.generated_at).toEqual(sy01Before.generated_at);
    expect(kept.generated_by).not.toBeNull();
    const [scheduled] = await q<{ generated_by: string | null; figures: ReportSnapshot }>(`select generated_by, figures from supervision_reports where district_id = $1 and period = '2026-11' and school_id is null`, [districtId]);
    expect(scheduled!.generated_by).toBeNull();
    expect(scheduled!.figures).toMatchObject({ periodFrom: '2026-11-01', periodTo: '2026-11-30' });

    const before = await q(`select id, generated_at from supervision_reports where district_id = $1 order by id`, [districtId]);
    expect(await w.runJob(REPORTS_JOB)).toBe(0);
    w.clock.advance(86_400_000 * 3);
    expect(await w.runJob(REPORTS_JOB)).toBe(0);
    expect(await q(`select id, generated_at from supervision_reports where district_id = $1 order by id`, [districtId])).toEqual(before);
    // the semester that ended before (2025-2026 第二学期) has its reports too
    expect((await q<{ n: number }>(`select count(*)::int as n from supervision_reports where district_id = $1 and kind = 'semester'`, [districtId]))[0]!.n).toBe(schools.length + 1);
  });
});
