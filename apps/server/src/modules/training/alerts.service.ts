/**
 * 预警处置: alerts are cases. The district and inspectors (of the alert's zone) list them, read the evidence, give a case
 * to an officer or inspector, add notes and close it with an outcome; each step one transaction with its audit entry.
 */
import type {
  TrainingAlertAssign,
  TrainingAlertAssignee,
  TrainingAlertClose,
  TrainingAlertDetail,
  TrainingAlertNoteInput,
  TrainingAlertQuery,
  TrainingAlertRow,
} from '@shuangjian/contracts';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { rowsOf, type Queryable } from '../../platform/db';
import { conflict, found, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { trainingAlertNotes, trainingAlerts } from './alerts.schema';
import { institutionDirectory } from '../org';

const a = trainingAlerts;
const PERMISSION = 'training.alerts' as const;

const rowColumns = {
  id: a.id,
  kind: a.kind,
  status: a.status,
  institutionId: a.institutionId,
  institutionName: sql<string>`(select i.name from ${institutionDirectory} i where i.district_id = ${a.districtId} and i.id = ${a.institutionId})`,
  zoneId: a.zoneId,
  zoneName: sql<string>`(select z.name from zones z where z.district_id = ${a.districtId} and z.id = ${a.zoneId})`,
  assigneeId: a.assigneeId,
  assigneeName: users.name,
  outcome: a.outcome,
  openedAt: a.openedAt,
  closedAt: a.closedAt,
};

type RawRow = Omit<TrainingAlertRow, 'openedAt' | 'closedAt'> & { openedAt: Date; closedAt: Date | null };
const toRow = (r: RawRow): TrainingAlertRow => ({ ...r, openedAt: r.openedAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null });

function selectRows(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select(rowColumns)
    .from(a)
    .leftJoin(users, and(eq(users.districtId, a.districtId), eq(users.id, a.assigneeId)))
    .where(and(scoped(ctx, a, PERMISSION), where));
}

/** Cases within reach, newest first; open and assigned before closed ones. */
export async function listAlerts(ctx: Ctx, q: TrainingAlertQuery): Promise<TrainingAlertRow[]> {
  requirePermission(ctx, PERMISSION);
  const rows = await selectRows(
    ctx,
    and(
      q.kind ? eq(a.kind, q.kind) : undefined,
      q.status ? eq(a.status, q.status) : undefined,
      q.zoneId ? eq(a.zoneId, q.zoneId) : undefined,
      q.institutionId ? eq(a.institutionId, q.institutionId) : undefined,
    ),
  )
    .orderBy(sql`${a.status} = 'closed'`, desc(a.openedAt))
    .limit(1000);
  return rows.map(toRow);
}

async function loadAlert(ctx: Ctx, q: Queryable, id: string) {
  const [row] = await q.select().from(a).where(and(scoped(ctx, a, PERMISSION), eq(a.id, id))).for('update');
  return found(row ? [row] : [], '预警');
}

export async function getAlert(ctx: Ctx, id: string): Promise<TrainingAlertDetail> {
  requirePermission(ctx, PERMISSION);
  const [row] = await ctx.db
    .select({ ...rowColumns, evidence: a.evidence, outcomeNote: a.outcomeNote })
    .from(a)
    .leftJoin(users, and(eq(users.districtId, a.districtId), eq(users.id, a.assigneeId)))
    .where(and(scoped(ctx, a, PERMISSION), eq(a.id, id)));
  const alert = found(row ? [row] : [], '预警');
  const n = trainingAlertNotes;
  const notes = await ctx.db
    .select({ id: n.id, authorName: n.authorName, text: n.text, createdAt: n.createdAt })
    .from(n)
    .where(and(scoped(ctx, n, PERMISSION), eq(n.alertId, id)))
    .orderBy(asc(n.createdAt), asc(n.id));
  return { ...toRow(alert), evidence: alert.evidence, outcomeNote: alert.outcomeNote, notes: notes.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })) };
}

/** District officers (any zone) and inspectors whose zone reaches the institution's: who may take a case. */
async function assigneesFor(q: Queryable, districtId: string, zoneId: string | null): Promise<TrainingAlertAssignee[]> {
  return rowsOf<TrainingAlertAssignee>(
    q,
    sql`select distinct on (u.id) u.id as "userId", u.name, r.role
        from role_assignments r join users u on u.district_id = r.district_id and u.id = r.user_id
        where r.district_id = ${districtId} and r.role in ('district_admin', 'inspector') and u.status = 'active'
          and (r.zone_id is null ${zoneId ? sql`or r.zone_id = ${zoneId}` : sql``})
        order by u.id, r.role`,
  );
}

export async function listAssignees(ctx: Ctx, zoneId: string | undefined): Promise<TrainingAlertAssignee[]> {
  requirePermission(ctx, PERMISSION);
  const list = await assigneesFor(ctx.db, ctx.user.districtId, zoneId ?? null);
  return list.sort((x, y) => x.role.localeCompare(y.role) || x.name.localeCompare(y.name, 'zh-CN'));
}

function refuseClosed(status: string) {
  if (status === 'closed') throw conflict('该预警已办结，不能再修改');
}

async function recountOpen(q: Queryable, districtId: string, institutionId: string) {
  await q.execute(sql`
    update training_institution_stats set open_alerts = (select count(*) from training_alerts
      where district_id = ${districtId} and institution_id = ${institutionId} and status <> 'closed')
    where district_id = ${districtId} and institution_id = ${institutionId}`);
}

export async function assignAlert(ctx: Ctx, id: string, input: TrainingAlertAssign): Promise<TrainingAlertDetail> {
  requirePermission(ctx, PERMISSION);
  await ctx.db.transaction(async (tx) => {
    const alert = await loadAlert(ctx, tx, id);
    refuseClosed(alert.status);
    const candidates = await assigneesFor(tx, ctx.user.districtId, alert.zoneId);
    const assignee = candidates.find((c) => c.userId === input.assigneeId);
    if (!assignee) throw invalid('assigneeId', '处置人', '应为区教育局工作人员或本学区督学');
    await tx
      .update(a)
      .set({ status: 'assigned', assigneeId: assignee.userId, assignedAt: ctx.now() })
      .where(and(eq(a.districtId, alert.districtId), eq(a.id, id)));
    await tx.insert(trainingAlertNotes).values({
      districtId: alert.districtId,
      alertId: id,
      zoneId: alert.zoneId,
      institutionId: alert.institutionId,
      authorId: ctx.user.id,
      authorName: ctx.user.name,
      text: `交由 ${assignee.name} 处置`,
    });
    await audit(tx, ctx.actor, {
      action: 'training.alert.assign',
      entity: 'training_alert',
      entityId: id,
      before: { status: alert.status, assigneeId: alert.assigneeId },
      after: { status: 'assigned', assigneeId: assignee.userId },
    });
    if (assignee.userId !== ctx.user.id) {
      await notify(tx, alert.districtId, [assignee.userId], {
        kind: 'training.alert.assigned',
        title: '您有一条校外培训预警待处置',
        link: `/training/alerts?alert=${id}`,
      });
    }
  });
  return getAlert(ctx, id);
}

export async function addAlertNote(ctx: Ctx, id: string, input: TrainingAlertNoteInput): Promise<TrainingAlertDetail> {
  requirePermission(ctx, PERMISSION);
  await ctx.db.transaction(async (tx) => {
    const alert = await loadAlert(ctx, tx, id);
    refuseClosed(alert.status);
    const [note] = await tx
      .insert(trainingAlertNotes)
      .values({
        districtId: alert.districtId,
        alertId: id,
        zoneId: alert.zoneId,
        institutionId: alert.institutionId,
        authorId: ctx.user.id,
        authorName: ctx.user.name,
        text: input.text,
      })
      .returning({ id: trainingAlertNotes.id });
    await audit(tx, ctx.actor, { action: 'training.alert.note', entity: 'training_alert', entityId: id, after: { noteId: note?.id, text: input.text } });
  });
  return getAlert(ctx, id);
}

export async function closeAlert(ctx: Ctx, id: string, input: TrainingAlertClose): Promise<TrainingAlertDetail> {
  requirePermission(ctx, PERMISSION);
  await ctx.db.transaction(async (tx) => {
    const alert = await loadAlert(ctx, tx, id);
    refuseClosed(alert.status);
    await tx
      .update(a)
      .set({ status: 'closed', outcome: input.outcome, outcomeNote: input.note, closedAt: ctx.now(), closedBy: ctx.user.id })
      .where(and(eq(a.districtId, alert.districtId), eq(a.id, id)));
    await recountOpen(tx, alert.districtId, alert.institutionId);
    await audit(tx, ctx.actor, {
      action: 'training.alert.close',
      entity: 'training_alert',
      entityId: id,
      before: { status: alert.status },
      after: { status: 'closed', outcome: input.outcome, outcomeNote: input.note },
    });
  });
  return getAlert(ctx, id);
}
