/** 优质作业资源库: designs shared across the district, searched by Chinese text (pg_trgm), reused, curated into collections. */
import type { z } from 'zod';
import type { CollectionInput, DesignFromItem, DesignInput, DesignQuery } from '@shuangjian/contracts';
import { and, asc, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { allows, type Ctx, districtWide, requirePermission } from '../../platform/access';
import { audit } from '../../platform/audit';
import { atOnce } from '../../platform/db';
import { forbidden, found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { schoolDirectory, subjectDirectory } from '../org';
import { getItem } from './items.service';
import { homeworkCollectionDesigns, homeworkCollections, homeworkDesigns } from './schema';

const d = (ctx: Ctx) => eq(homeworkDesigns.districtId, ctx.user.districtId);

function designQuery(ctx: Ctx) {
  return ctx.db
    .select({ design: homeworkDesigns, authorName: users.name, subjectName: subjectDirectory.name, schoolName: schoolDirectory.name })
    .from(homeworkDesigns)
    .innerJoin(users, and(eq(users.districtId, homeworkDesigns.districtId), eq(users.id, homeworkDesigns.authorId)))
    .innerJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkDesigns.districtId), eq(subjectDirectory.id, homeworkDesigns.subjectId)))
    .leftJoin(schoolDirectory, and(eq(schoolDirectory.districtId, homeworkDesigns.districtId), eq(schoolDirectory.id, homeworkDesigns.schoolId)));
}

async function withCollections(ctx: Ctx, rows: Awaited<ReturnType<ReturnType<typeof designQuery>['execute']>>) {
  const ids = rows.map((r) => r.design.id);
  const links = ids.length
    ? await ctx.db
        .select({ designId: homeworkCollectionDesigns.designId, id: homeworkCollections.id, name: homeworkCollections.name })
        .from(homeworkCollectionDesigns)
        .innerJoin(homeworkCollections, and(eq(homeworkCollections.districtId, homeworkCollectionDesigns.districtId), eq(homeworkCollections.id, homeworkCollectionDesigns.collectionId)))
        .where(and(eq(homeworkCollectionDesigns.districtId, ctx.user.districtId), inArray(homeworkCollectionDesigns.designId, ids)))
    : [];
  return rows.map(({ design: x, authorName, subjectName, schoolName }) => ({
    id: x.id,
    schoolName,
    authorName,
    canEdit: x.authorId === ctx.user.id || curates(ctx, x.schoolId),
    canCurate: curates(ctx, x.schoolId),
    subjectId: x.subjectId,
    subjectName,
    grade: x.grade,
    unit: x.unit,
    type: x.type,
    layer: x.layer,
    title: x.title,
    content: x.content,
    minutes: x.minutes,
    excellent: x.excellent,
    collections: links.filter((l) => l.designId === x.id).map(({ id, name }) => ({ id, name })),
    createdAt: x.createdAt.toISOString(),
  }));
}

/** Curators: district-wide, or of the design's own school (a school's leaders do not curate another school's work). */
function curates(ctx: Ctx, schoolId: string | null): boolean {
  return districtWide(ctx, 'homework.library.curate') || (!!schoolId && allows(ctx, 'homework.library.curate', { districtId: ctx.user.districtId, school: schoolId }));
}

async function designRow(ctx: Ctx, id: string) {
  requirePermission(ctx, 'homework.library');
  const [row] = await ctx.db.select().from(homeworkDesigns).where(and(d(ctx), eq(homeworkDesigns.id, id)));
  if (!row) throw found([], '作业设计');
  return row;
}

/** Search: every word of the query must appear (title, unit or content); trigram-indexed, works for Chinese. */
export async function searchDesigns(ctx: Ctx, q: z.output<typeof DesignQuery>) {
  requirePermission(ctx, 'homework.library');
  const words = (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const where = and(
    d(ctx),
    ...words.map((w) => ilike(homeworkDesigns.searchText, `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)),
    q.subjectId ? eq(homeworkDesigns.subjectId, q.subjectId) : undefined,
    q.grade ? eq(homeworkDesigns.grade, q.grade) : undefined,
    q.type ? eq(homeworkDesigns.type, q.type) : undefined,
    q.layer ? eq(homeworkDesigns.layer, q.layer) : undefined,
    q.unit ? ilike(homeworkDesigns.unit, `%${q.unit}%`) : undefined,
    q.excellent === '1' ? eq(homeworkDesigns.excellent, true) : undefined,
    q.collectionId
      ? inArray(
          homeworkDesigns.id,
          ctx.db
            .select({ id: homeworkCollectionDesigns.designId })
            .from(homeworkCollectionDesigns)
            .where(and(eq(homeworkCollectionDesigns.districtId, ctx.user.districtId), eq(homeworkCollectionDesigns.collectionId, q.collectionId))),
        )
      : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await atOnce(ctx.db,
    () => designQuery(ctx)
      .where(where)
      .orderBy(desc(homeworkDesigns.excellent), desc(homeworkDesigns.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    () => ctx.db.select({ total: count() }).from(homeworkDesigns).where(where),
  );
  return { items: await withCollections(ctx, rows), total };
}

export async function getDesign(ctx: Ctx, id: string) {
  requirePermission(ctx, 'homework.library');
  const rows = await designQuery(ctx).where(and(d(ctx), eq(homeworkDesigns.id, id)));
  found(rows, '作业设计');
  return (await withCollections(ctx, rows))[0]!;
}

function mySchool(ctx: Ctx): string | null {
  const g = ctx.grants.find((x) => Array.isArray(x.school) && x.school.length === 1);
  return g && Array.isArray(g.school) ? g.school[0]! : null;
}

export async function createDesign(ctx: Ctx, input: z.output<typeof DesignInput>) {
  requirePermission(ctx, 'homework.library');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(homeworkDesigns).values({ districtId: ctx.user.districtId, schoolId: mySchool(ctx), authorId: ctx.user.id, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'homework.design.create', entity: 'homework_design', entityId: row!.id, after: input });
    return row!.id;
  });
  return getDesign(ctx, id);
}

/** 保存为作业设计: a homework item the user can see becomes a library design. */
export async function designFromItem(ctx: Ctx, input: z.output<typeof DesignFromItem>) {
  const item = await getItem(ctx, input.itemId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(homeworkDesigns)
      .values({
        districtId: ctx.user.districtId,
        schoolId: item.schoolId,
        authorId: ctx.user.id,
        subjectId: item.subjectId,
        grade: item.grade,
        unit: input.unit,
        type: item.type,
        layer: item.layer,
        title: input.title,
        content: item.content,
        minutes: item.minutes,
        sourceItemId: item.id,
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'homework.design.create', entity: 'homework_design', entityId: row!.id, after: { fromItem: item.id, title: input.title } });
    return row!.id;
  });
  return getDesign(ctx, id);
}

export async function updateDesign(ctx: Ctx, id: string, input: z.output<typeof DesignInput>) {
  const before = await designRow(ctx, id);
  if (before.authorId !== ctx.user.id && !curates(ctx, before.schoolId)) throw forbidden('只能修改自己的作业设计');
  await ctx.db.transaction(async (tx) => {
    await tx.update(homeworkDesigns).set(input).where(and(d(ctx), eq(homeworkDesigns.id, id)));
    await audit(tx, ctx.actor, { action: 'homework.design.update', entity: 'homework_design', entityId: id, before, after: input });
  });
  return getDesign(ctx, id);
}

/** 优秀作业设计: leaders mark and unmark. */
export async function markExcellent(ctx: Ctx, id: string, excellent: boolean) {
  requirePermission(ctx, 'homework.library.curate');
  const design = await designRow(ctx, id);
  if (!curates(ctx, design.schoolId)) throw forbidden('只能评选本校或由区教研室评选的作业设计');
  await ctx.db.transaction(async (tx) => {
    await tx.update(homeworkDesigns).set({ excellent, excellentBy: excellent ? ctx.user.id : null }).where(and(d(ctx), eq(homeworkDesigns.id, id)));
    await audit(tx, ctx.actor, { action: excellent ? 'homework.design.excellent' : 'homework.design.unexcellent', entity: 'homework_design', entityId: id });
  });
  return getDesign(ctx, id);
}

export async function listCollections(ctx: Ctx) {
  requirePermission(ctx, 'homework.library');
  return ctx.db
    .select({
      id: homeworkCollections.id,
      name: homeworkCollections.name,
      description: homeworkCollections.description,
      createdBy: users.name,
      designCount: sql<number>`(select count(*)::int from homework_collection_designs cd where cd.district_id = ${homeworkCollections.districtId} and cd.collection_id = ${homeworkCollections.id})`,
    })
    .from(homeworkCollections)
    .innerJoin(users, and(eq(users.districtId, homeworkCollections.districtId), eq(users.id, homeworkCollections.createdBy)))
    .where(eq(homeworkCollections.districtId, ctx.user.districtId))
    .orderBy(asc(homeworkCollections.name));
}

export async function createCollection(ctx: Ctx, input: z.output<typeof CollectionInput>) {
  requirePermission(ctx, 'homework.library.curate');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(homeworkCollections).values({ districtId: ctx.user.districtId, createdBy: ctx.user.id, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'homework.collection.create', entity: 'homework_collection', entityId: row!.id, after: input });
    return row!.id;
  });
  return (await listCollections(ctx)).find((c) => c.id === id)!;
}

async function editableCollection(ctx: Ctx, id: string) {
  requirePermission(ctx, 'homework.library.curate');
  const [c] = await ctx.db.select().from(homeworkCollections).where(and(eq(homeworkCollections.districtId, ctx.user.districtId), eq(homeworkCollections.id, id)));
  if (!c) throw found([], '作业设计集');
  if (c.createdBy !== ctx.user.id && !districtWide(ctx, 'homework.library.curate')) throw forbidden('只能编辑自己创建的作业设计集');
  return c;
}

export async function addToCollection(ctx: Ctx, collectionId: string, designId: string) {
  await editableCollection(ctx, collectionId);
  await getDesign(ctx, designId);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(homeworkCollectionDesigns).values({ districtId: ctx.user.districtId, collectionId, designId }).onConflictDoNothing();
    await audit(tx, ctx.actor, { action: 'homework.collection.add', entity: 'homework_collection', entityId: collectionId, after: { designId } });
  });
  return (await listCollections(ctx)).find((c) => c.id === collectionId)!;
}

export async function removeFromCollection(ctx: Ctx, collectionId: string, designId: string) {
  await editableCollection(ctx, collectionId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(homeworkCollectionDesigns)
      .where(and(eq(homeworkCollectionDesigns.districtId, ctx.user.districtId), eq(homeworkCollectionDesigns.collectionId, collectionId), eq(homeworkCollectionDesigns.designId, designId)));
    await audit(tx, ctx.actor, { action: 'homework.collection.remove', entity: 'homework_collection', entityId: collectionId, before: { designId } });
  });
  return (await listCollections(ctx)).find((c) => c.id === collectionId)!;
}

