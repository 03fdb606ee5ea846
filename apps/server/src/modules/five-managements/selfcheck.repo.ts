/**
 * Queries the self-check services share: the semester a request means, the school a person may reach, a
 * rectification's deadline from the policy, rectifications with their history and evidence, the evidence file kind,
 * and the two indicators (answered items, closed rectifications per school and semester).
 */
import { FIVE_INDICATORS, type Permission, type Rectification, SELFCHECK_FILE_MAX_BYTES } from '@shuangjian/contracts';
import { type LocalDate, rectifyDeadline } from '@shuangjian/policy';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { type AttachmentKind, attachmentsOf, EVIDENCE_FILE_TYPES } from '../../platform/attachments';
import { atOnce, type Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { semesterAt, semesterById, type SemesterRef, semestersOf } from '../calendar';
import { schoolDirectory } from '../org';
import { fiveManagementsPolicy } from './five-managements.policy';
import { fiveSelfcheckAnswers, fiveSelfcheckEvents, fiveSelfcheckRectifications } from './selfcheck.schema';

export const EVIDENCE_KIND = 'five-managements.selfcheck';

/** The semester asked for, or the one in force on `date` (404 when the district has none). */
export async function semesterOf(q: Queryable, districtId: string, semesterId: string | undefined, date: LocalDate): Promise<SemesterRef> {
  if (semesterId) return semesterById(q, districtId, semesterId);
  const s = semesterAt(await semestersOf(q, districtId), date);
  if (!s) throw notFound('学期');
  return s;
}

export type SchoolRef = { districtId: string; id: string; name: string; zoneId: string; zoneName: string };

/** A school the person holds `permission` over; another district's or an unreachable one gets the same 404. */
export async function reachableSchool(ctx: Ctx, q: Queryable, schoolId: string, permission: Permission): Promise<SchoolRef> {
  requirePermission(ctx, permission);
  const [row] = await q
    .select({ districtId: schoolDirectory.districtId, id: schoolDirectory.id, name: schoolDirectory.name, zoneId: schoolDirectory.zoneId, zoneName: schoolDirectory.zoneName })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, permission), eq(schoolDirectory.id, schoolId)));
  if (!row) throw notFound('学校');
  return row;
}

/** The one school a school administrator runs, when the request names none. */
export function ownSchoolId(ctx: Ctx): string | null {
  const g = ctx.grants.find((x) => x.role === 'school_admin' && Array.isArray(x.school) && x.school.length === 1);
  return g && Array.isArray(g.school) ? g.school[0]! : null;
}

/** The deadline a rectification opened on `opened` gets: five-managements.selfcheck.rectifyDays, cited. */
export async function openingDeadline(q: Queryable, districtId: string, opened: LocalDate) {
  const { values, versions } = await fiveManagementsPolicy(q, districtId, opened);
  const days = values['five-managements.selfcheck'].rectifyDays;
  return { deadline: rectifyDeadline(opened, days), citation: { rule: 'five-managements.selfcheck.rectifyDays', days, policyVersion: versions } };
}

/** Adds to a school's self-check figures of a semester (answered items; rectifications closed / opened). */
export async function bumpSelfcheck(
  q: Queryable,
  at: { districtId: string; schoolId: string; semesterId: string | null },
  delta: { answered?: number; items?: number; closed?: number; opened?: number },
): Promise<void> {
  if (!at.semesterId) return;
  const period = semesterPeriod(at.semesterId);
  const base = { districtId: at.districtId, schoolId: at.schoolId, classId: null, period };
  await bumpIndicators(q, [
    { ...base, indicator: FIVE_INDICATORS.selfcheckAnswered, num: delta.answered ?? 0, den: delta.items ?? 0 },
    { ...base, indicator: FIVE_INDICATORS.selfcheckRectified, num: delta.closed ?? 0, den: delta.opened ?? 0 },
  ]);
}

type RectRow = typeof fiveSelfcheckRectifications.$inferSelect;

/** Rectifications matching `where` with their history, evidence and school names: open first, then by deadline. */
export async function loadRectifications(q: Queryable, districtId: string, where: SQL | undefined): Promise<Rectification[]> {
  const rows = await q.select().from(fiveSelfcheckRectifications).where(where).orderBy(asc(fiveSelfcheckRectifications.deadline), asc(fiveSelfcheckRectifications.createdAt));
  return withHistory(q, districtId, rows);
}

export async function withHistory(q: Queryable, districtId: string, rows: RectRow[]): Promise<Rectification[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [events, names, files] = await atOnce(q,
    () => q
      .select()
      .from(fiveSelfcheckEvents)
      .where(and(eq(fiveSelfcheckEvents.districtId, districtId), inArray(fiveSelfcheckEvents.rectificationId, ids)))
      .orderBy(asc(fiveSelfcheckEvents.at), asc(fiveSelfcheckEvents.id)),
    () => q
      .select({ id: schoolDirectory.id, name: schoolDirectory.name })
      .from(schoolDirectory)
      .where(and(eq(schoolDirectory.districtId, districtId), inArray(schoolDirectory.id, [...new Set(rows.map((r) => r.schoolId))]))),
    () => attachmentsOf(q, districtId, EVIDENCE_KIND, ids),
  );
  const schoolName = new Map(names.map((n) => [n.id, n.name]));
  const order = { open: 0, fixed: 1, closed: 2 } as const;
  return rows
    .map((r) => {
      const mine = files.get(r.id) ?? [];
      return {
        id: r.id,
        schoolId: r.schoolId,
        schoolName: schoolName.get(r.schoolId) ?? '',
        semesterId: r.semesterId,
        management: r.management,
        origin: r.origin,
        itemId: r.itemId,
        source: r.sourceArea && r.sourceRefId ? { area: r.sourceArea, refId: r.sourceRefId } : null,
        title: r.title,
        detail: r.detail,
        rule: r.rule,
        status: r.status,
        openedOn: r.openedOn,
        deadline: r.deadline,
        citation: r.citation,
        responsible: r.responsible,
        overdue: r.overdueAt !== null && r.status === 'open',
        events: events
          .filter((e) => e.rectificationId === r.id)
          .map((e) => ({ kind: e.kind, note: e.note, files: mine.filter((f) => e.fileIds.includes(f.id)), deadline: e.deadline, byName: e.byName, at: e.at.toISOString() })),
      };
    })
    .sort((a, b) => order[a.status] - order[b.status]);
}

/** One rectification through `scope`, or 404. */
export async function rectificationOr404(q: Queryable, scope: SQL, id: string): Promise<RectRow> {
  const [row] = await q.select().from(fiveSelfcheckRectifications).where(and(scope, eq(fiveSelfcheckRectifications.id, id)));
  if (!row) throw notFound('整改事项');
  return row;
}

/**
 * Evidence files of self-checks: uploaded by a school's administrator, read by whoever may read the answer or the
 * rectification that holds them (the school, its zone's inspector, the district).
 */
export const evidenceKind: AttachmentKind = {
  kind: EVIDENCE_KIND,
  label: '佐证材料',
  types: EVIDENCE_FILE_TYPES,
  maxBytes: SELFCHECK_FILE_MAX_BYTES,
  mayUpload: (ctx) => requirePermission(ctx, 'five-managements.school'),
  async mayRead(ctx, ownerId) {
    const [answer] = await ctx.db
      .select({ id: fiveSelfcheckAnswers.id })
      .from(fiveSelfcheckAnswers)
      .where(and(scoped(ctx, fiveSelfcheckAnswers, 'five-managements.read'), eq(fiveSelfcheckAnswers.id, ownerId)));
    if (answer) return true;
    const [rect] = await ctx.db
      .select({ id: fiveSelfcheckRectifications.id })
      .from(fiveSelfcheckRectifications)
      .where(and(scoped(ctx, fiveSelfcheckRectifications, 'five-managements.read'), eq(fiveSelfcheckRectifications.id, ownerId)));
    return !!rect;
  },
};
