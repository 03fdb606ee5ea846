/**
 * Orders: packages a family may buy (approved packages of institutions in good standing), the standard contract, the
 * purchase itself (money from the parents' clearing account into the order's custody account), and the orders as the
 * family and the institution (a page at a time, filtered in SQL) see them.
 */
import type {
  FamilyOrder,
  FamilyOrders,
  InstitutionCourses,
  InstitutionOrder,
  InstitutionOrders,
  InstitutionOrdersQuery,
  PackageForSale,
  PackagesForSale,
  PlaceOrderInput,
} from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { type Queryable, rowsOf } from '../../platform/db';
import { AppError, notFound, recordedRefusal, ruleViolation } from '../../platform/errors';
import { STANDARD_CONTRACT } from './custody-contract';
import {
  childrenOf,
  consumptionsWhere,
  containing,
  FAMILY,
  limitOf,
  type OrderMoney,
  orderMoneyJson,
  pageAnswer,
  type PageWindow,
  pageWindow,
  reachableInstitution,
  refundsWhere,
  requireChild,
  withRefundable,
} from './custody.repo';
import { accountFor, clearingAccount, post, releasedAccount } from './ledger';
import { checkPackage, recordViolations } from './rules.service';
import { trainingPolicy } from './training.policy';
import { trainingOrders } from './schema';
import { institutionDirectory, studentDirectory } from '../org';

type SaleRow = Omit<PackageForSale, 'notes' | 'priceFen' | 'pricePerLessonFen'> & { priceFen: number; pricePerLessonFen: number; listStatus: string; packageStatus: string; courseStatus: string; category: 'subject' | 'non_subject'; zoneId: string };

function saleRows(q: Queryable, districtId: string, packageId: string | null) {
  return rowsOf<SaleRow>(
    q,
    sql`select p.id as "packageId", p.name, p.institution_id as "institutionId", i.name as "institutionName", i.status as "institutionStatus",
        i.list_status as "listStatus", i.zone_id as "zoneId", coalesce(pr.custody_mode, 'custody') as "custodyMode", c.id as "courseId",
        c.name as "courseName", c.subtype, c.category, c.mode, c.lesson_minutes as "lessonMinutes", p.lessons, p.months,
        p.price_fen::float8 as "priceFen", c.price_per_lesson_fen::float8 as "pricePerLessonFen", p.status as "packageStatus", c.status as "courseStatus"
      from training_packages p
      join training_courses c on c.district_id = p.district_id and c.id = p.course_id
      join ${institutionDirectory} i on i.district_id = p.district_id and i.id = p.institution_id
      left join training_profiles pr on pr.district_id = p.district_id and pr.institution_id = p.institution_id
      where p.district_id = ${districtId} and ${packageId ? sql`p.id = ${packageId}` : sql`p.status = 'approved' and c.status = 'approved' and i.status = 'active' and i.list_status <> 'black'`}
      order by i.name, c.name, p.lessons`,
  );
}

function saleNotes(r: SaleRow): string[] {
  const perLesson = Math.floor(r.priceFen / r.lessons);
  return [
    `共 ${r.lessons} 课时，${r.months} 个月内上完；折合每课时 ${(perLesson / 100).toFixed(2)} 元`,
    r.custodyMode === 'custody' ? '费用全额进入银行托管专户，每上一课确认后划拨一课时费用（一课一消）' : '机构已缴存风险保证金；每上一课确认后结算一课时费用',
    '可随时申请退还未上课时的费用',
  ];
}

const toSale = (r: SaleRow): PackageForSale => ({
  packageId: r.packageId,
  name: r.name,
  institutionId: r.institutionId,
  institutionName: r.institutionName,
  institutionStatus: r.institutionStatus,
  custodyMode: r.custodyMode,
  courseId: r.courseId,
  courseName: r.courseName,
  subtype: r.subtype,
  mode: r.mode,
  lessonMinutes: r.lessonMinutes,
  lessons: r.lessons,
  months: r.months,
  priceFen: r.priceFen as PackageForSale['priceFen'],
  pricePerLessonFen: Math.floor(r.priceFen / r.lessons) as PackageForSale['pricePerLessonFen'],
  notes: saleNotes(r),
});

const { text: _text, ...contractHead } = STANDARD_CONTRACT;

export async function packagesForSale(ctx: Ctx, studentId: string): Promise<PackagesForSale> {
  requirePermission(ctx, FAMILY);
  requireChild(ctx, studentId);
  const rows = await saleRows(ctx.db, ctx.user.districtId, null);
  return { studentId, contract: contractHead, packages: rows.map(toSale) };
}

/** The day before the same day `months` later (a 3-month package bought on 11-26 runs to 02-25), clamped to month ends. */
function validUntil(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return addDays(target.toISOString().slice(0, 10) as LocalDate, -1);
}

const orderCode = (date: LocalDate) => `PX${date.replaceAll('-', '').slice(2)}${randomBytes(3).toString('hex').toUpperCase()}`;

/**
 * A purchase for the parent's own child under the standard contract: refused when the contract is not accepted (or a
 * stale text was shown), the package is not approved, the institution is suspended, closed or black-listed (the
 * attempt is kept in the audit log as activity while suspended), or the package breaks the package limits in force
 * (recorded as a violation). Rectifying institutions still sell: 整改 is a correction, not a sales ban.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<FamilyOrder> {
  requirePermission(ctx, FAMILY);
  requireChild(ctx, input.studentId);
  if (input.contractHash !== STANDARD_CONTRACT.sha256) {
    throw new AppError(409, 'CONFLICT', '合同示范文本已更新，请重新阅读后确认', { field: 'contractHash', version: STANDARD_CONTRACT.version });
  }
  const d = ctx.user.districtId;
  const date = today(ctx);
  const outcome = await ctx.db.transaction(async (tx): Promise<{ id: string } | { refusal: AppError }> => {
    const [pkg] = await saleRows(tx, d, input.packageId);
    if (!pkg) throw notFound('课时包');
    if (pkg.institutionStatus === 'suspended' || pkg.institutionStatus === 'closed' || pkg.listStatus === 'black') {
      await audit(tx, ctx.actor, {
        action: 'training.order.refused',
        entity: 'training_package',
        entityId: pkg.packageId,
        after: { institutionId: pkg.institutionId, status: pkg.institutionStatus, listStatus: pkg.listStatus, studentId: input.studentId, rule: 'sales_while_suspended' },
      });
      const why = pkg.institutionStatus === 'closed' ? '已注销' : pkg.institutionStatus === 'suspended' ? '已暂停办学' : '在黑名单上';
      // the refused attempt stays on record (activity while suspended): the transaction commits its entry, then it is thrown
      return { refusal: recordedRefusal(new AppError(422, 'RULE_VIOLATION', `${pkg.institutionName}${why}，不能销售课时包`, { rule: 'sales_while_suspended', institutionStatus: pkg.institutionStatus })) };
    }
    if (pkg.packageStatus !== 'approved' || pkg.courseStatus !== 'approved') throw ruleViolation('该课时包未经备案，不能购买', { rule: 'package_not_approved' });
    const findings = (await checkPackage(tx, d, { lessons: pkg.lessons, months: pkg.months, category: pkg.category }, date)).filter((f) => f.severity === 'error');
    if (findings.length) {
      await recordViolations(tx, ctx.actor, {
        institutionId: pkg.institutionId,
        institutionName: pkg.institutionName,
        zoneId: pkg.zoneId,
        subject: { kind: 'order', id: null, label: `${pkg.courseName} · ${pkg.name}` },
        findings,
        occurredOn: date,
      });
      return { refusal: recordedRefusal(new AppError(422, 'RULE_VIOLATION', findings[0]!.message, { findings })) };
    }

    const id = randomUUID();
    const accountId = await accountFor(tx, d, { kind: 'order', institutionId: pkg.institutionId, orderId: id });
    const parents = await clearingAccount(tx, d, 'parents');
    await releasedAccount(tx, d, pkg.institutionId);
    const sale = toSale(pkg);
    await tx.insert(trainingOrders).values({
      districtId: d,
      id,
      code: orderCode(date),
      institutionId: pkg.institutionId,
      zoneId: pkg.zoneId,
      courseId: pkg.courseId,
      packageId: pkg.packageId,
      studentId: input.studentId,
      guardianUserId: ctx.user.id,
      lessons: pkg.lessons,
      lessonsLeft: pkg.lessons,
      priceFen: pkg.priceFen,
      pricePerLessonFen: sale.pricePerLessonFen,
      contractVersion: STANDARD_CONTRACT.version,
      contractHash: STANDARD_CONTRACT.sha256,
      contractAcceptedAt: ctx.now(),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
      custodyMode: pkg.custodyMode,
      validUntil: validUntil(date, pkg.months),
      accountId,
    });
    await post(tx, {
      districtId: d,
      key: `purchase:${id}`,
      kind: 'purchase',
      debitAccountId: parents,
      creditAccountId: accountId,
      amountFen: pkg.priceFen,
      institutionId: pkg.institutionId,
      orderId: id,
      sourceId: id,
      note: `${pkg.institutionName} · ${pkg.courseName} · ${pkg.name}`,
      actor: ctx.user.id,
      at: ctx.now(),
    });
    await audit(tx, ctx.actor, {
      action: 'training.order.place',
      entity: 'training_order',
      entityId: id,
      after: { packageId: pkg.packageId, studentId: input.studentId, priceFen: pkg.priceFen, lessons: pkg.lessons, contract: STANDARD_CONTRACT.version, contractHash: STANDARD_CONTRACT.sha256 },
    });
    return { id };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  const [order] = await familyOrderRows(ctx, ctx.db, [input.studentId], outcome.id);
  return order!;
}

type OrderRow = Omit<FamilyOrder, 'money' | 'consumptions' | 'refunds' | 'priceFen' | 'pricePerLessonFen'> & {
  priceFen: number;
  pricePerLessonFen: number;
  courseId: string;
  money: Omit<OrderMoney, 'refundableFen'>;
  total: number;
};

/**
 * Orders matching `where` (on alias o), newest placed first with the id settling ties, each with the count of all
 * matching (`total`); only the page's orders are joined and their money summed when `page` is given.
 */
function orderRows(q: Queryable, where: ReturnType<typeof sql>, page?: PageWindow) {
  return rowsOf<OrderRow>(
    q,
    sql`with picked as (
        select o.district_id, o.id, count(*) over () as total from training_orders o where ${where}
        order by o.created_at desc, o.id desc ${limitOf(page)})
      select o.id, o.code, o.student_id as "studentId", s.name as "studentName", o.institution_id as "institutionId", i.name as "institutionName",
        o.course_id as "courseId", c.name as "courseName", p.name as "packageName", o.lessons, o.lessons_left as "lessonsLeft",
        o.price_fen::float8 as "priceFen", o.price_per_lesson_fen::float8 as "pricePerLessonFen", o.status, o.custody_mode as "custodyMode",
        o.contract_version as "contractVersion", o.contract_hash as "contractHash", o.contract_accepted_at as "contractAcceptedAt",
        o.valid_until::text as "validUntil", o.created_at as "createdAt", ${orderMoneyJson('o')} as money, sel.total::int as total
      from picked sel
      join training_orders o on o.district_id = sel.district_id and o.id = sel.id
      join ${studentDirectory} s on s.district_id = o.district_id and s.id = o.student_id
      join ${institutionDirectory} i on i.district_id = o.district_id and i.id = o.institution_id
      join training_courses c on c.district_id = o.district_id and c.id = o.course_id
      join training_packages p on p.district_id = o.district_id and p.id = o.package_id
      order by o.created_at desc, o.id desc`,
  );
}

async function familyOrderRows(ctx: Ctx, q: Queryable, studentIds: string[], orderId?: string): Promise<FamilyOrder[]> {
  const d = ctx.user.districtId;
  if (!studentIds.length) return [];
  const rows = await orderRows(q, sql`o.district_id = ${d} and o.student_id in ${studentIds} ${orderId ? sql`and o.id = ${orderId}` : sql``}`);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const { values } = await trainingPolicy(q, d, today(ctx));
  const hours = values['training.custody'].autoConfirmHours;
  const [consumptions, refunds] = [
    await consumptionsWhere(q, sql`c.district_id = ${d} and c.order_id in ${ids}`, hours),
    await refundsWhere(q, sql`r.district_id = ${d} and r.order_id in ${ids}`, today(ctx)),
  ];
  return rows.map(({ courseId: _c, total: _t, money, ...r }) => ({
    ...r,
    priceFen: r.priceFen as FamilyOrder['priceFen'],
    pricePerLessonFen: r.pricePerLessonFen as FamilyOrder['pricePerLessonFen'],
    contractAcceptedAt: new Date(r.contractAcceptedAt).toISOString(),
    createdAt: new Date(r.createdAt).toISOString(),
    money: withRefundable(money) as FamilyOrder['money'],
    consumptions: consumptions.filter((c) => c.orderId === r.id),
    refunds: refunds.filter((x) => x.orderId === r.id),
  }));
}

/** The family's orders for one of their children, with lessons taken and refunds. */
export async function familyOrders(ctx: Ctx, studentId: string): Promise<FamilyOrders> {
  requirePermission(ctx, FAMILY);
  requireChild(ctx, studentId);
  return { studentId, orders: await familyOrderRows(ctx, ctx.db, [studentId]) };
}

/** All the parent's children's orders (for checks by order id). */
export async function familyOrder(ctx: Ctx, q: Queryable, orderId: string): Promise<FamilyOrder> {
  const [order] = await familyOrderRows(ctx, q, childrenOf(ctx), orderId);
  if (!order) throw notFound('订单');
  return order;
}

/**
 * A page of the institution's orders (its own only; the district and the zone's inspectors read them too), newest
 * first, every filter in SQL: status, course, lessons left or not, and `q` in the order's code or the child's name.
 */
export async function institutionOrders(ctx: Ctx, query: InstitutionOrdersQuery): Promise<InstitutionOrders> {
  requirePermission(ctx, 'training.read');
  const inst = await reachableInstitution(ctx, ctx.db, query.institutionId, ['training.read']);
  const words = query.q ? containing(query.q) : undefined;
  const where = sql`o.district_id = ${ctx.user.districtId} and o.institution_id = ${inst.id}
    and o.id in (select id from training_orders where ${scoped(ctx, trainingOrders, 'training.read')} and institution_id = ${inst.id})
    ${query.status ? sql`and o.status = ${query.status}` : sql``}
    ${query.courseId ? sql`and o.course_id = ${query.courseId}` : sql``}
    ${query.withLessonsLeft === undefined ? sql`` : query.withLessonsLeft ? sql`and o.lessons_left > 0` : sql`and o.lessons_left = 0`}
    ${words ? sql`and (o.code ilike ${words} or exists (select 1 from ${studentDirectory} s where s.district_id = o.district_id and s.id = o.student_id and s.name ilike ${words}))` : sql``}`;
  const page = pageWindow(query);
  const rows = (await orderRows(ctx.db, where, page)).map((r): InstitutionOrder & { total: number } => ({
    id: r.id,
    code: r.code,
    studentId: r.studentId,
    studentName: r.studentName,
    courseId: r.courseId,
    courseName: r.courseName,
    packageName: r.packageName,
    lessons: r.lessons,
    lessonsLeft: r.lessonsLeft,
    priceFen: r.priceFen as InstitutionOrder['priceFen'],
    pricePerLessonFen: r.pricePerLessonFen as InstitutionOrder['pricePerLessonFen'],
    status: r.status,
    validUntil: r.validUntil,
    createdAt: new Date(r.createdAt).toISOString(),
    money: withRefundable(r.money) as InstitutionOrder['money'],
    total: r.total,
  }));
  return pageAnswer(rows, page, async () => {
    const [row] = await rowsOf<{ n: number }>(ctx.db, sql`select count(*)::int as n from training_orders o where ${where}`);
    return Number(row?.n ?? 0);
  });
}

/** The courses the institution has orders of, by name, with how many orders each has and how many may still attend. */
export async function institutionCourses(ctx: Ctx, institutionId: string): Promise<InstitutionCourses> {
  requirePermission(ctx, 'training.read');
  const inst = await reachableInstitution(ctx, ctx.db, institutionId, ['training.read']);
  const courses = await rowsOf<InstitutionCourses['courses'][number]>(
    ctx.db,
    sql`select c.id, c.name, count(*)::int as orders, (count(*) filter (where o.status = 'active' and o.lessons_left > 0))::int as "activeOrders"
      from training_orders o join training_courses c on c.district_id = o.district_id and c.id = o.course_id
      where o.district_id = ${ctx.user.districtId} and o.institution_id = ${inst.id}
        and o.id in (select id from training_orders where ${scoped(ctx, trainingOrders, 'training.read')} and institution_id = ${inst.id})
      group by c.id, c.name order by c.name, c.id`,
  );
  return { courses };
}
