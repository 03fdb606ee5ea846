/**
 * Complaint statistics for the handlers and the district view: by status, category, institution and zone, with the
 * open and overdue counts (overdue: still unanswered after the deadline day; complaints.repo), and the list as a workbook.
 */
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  complaintCategoryLabels,
  type ComplaintFilter,
  type ComplaintStats,
  complaintStatusLabels,
} from '@shuangjian/contracts';
import { and, gte, lte, type SQL } from 'drizzle-orm';
import { type Ctx, readingCtx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { isOpen, isOverdue } from './complaints.repo';
import { trainingComplaints } from './complaints.schema';
import { exportComplaints, zoneNames } from './complaints.service';

export async function complaintStats(ctx: Ctx, query: { from?: string; to?: string }): Promise<ComplaintStats> {
  requirePermission(ctx, 'training.complaints');
  const t = trainingComplaints;
  const conds: (SQL | undefined)[] = [
    scoped(ctx, t, 'training.complaints'),
    query.from ? gte(t.receivedOn, query.from) : undefined,
    query.to ? lte(t.receivedOn, query.to) : undefined,
  ];
  // the complaints dashboard: the read replica while it keeps up
  const [rows, zones] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ status: t.status, category: t.category, institutionId: t.institutionId, institutionName: t.institutionName, zoneId: t.zoneId, deadline: t.deadline })
      .from(t)
      .where(and(...conds)),
    () => zoneNames(ctx.readDb, ctx.user.districtId),
  );
  const now = today(ctx);
  const open = (r: (typeof rows)[number]) => (isOpen(r.status) ? 1 : 0);
  const late = (r: (typeof rows)[number]) => (isOverdue(r, now) ? 1 : 0);
  const group = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const out = new Map<K, (typeof rows)[number][]>();
    for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
    return out;
  };
  const sum = (list: (typeof rows)[number][], f: (r: (typeof rows)[number]) => number) => list.reduce((a, r) => a + f(r), 0);
  const byInstitution = [...group((r) => r.institutionId ?? `name:${r.institutionName}`)].map(([, list]) => ({
    institutionId: list[0]!.institutionId,
    institutionName: list[0]!.institutionName,
    count: list.length,
    open: sum(list, open),
    overdue: sum(list, late),
  }));
  const byZone = [...group((r) => r.zoneId ?? '')].map(([zoneId, list]) => ({
    zoneId: zoneId || null,
    zoneName: zoneId ? (zones.get(zoneId) ?? null) : null,
    count: list.length,
    open: sum(list, open),
    overdue: sum(list, late),
  }));
  return {
    total: rows.length,
    open: sum(rows, open),
    overdue: sum(rows, late),
    byStatus: COMPLAINT_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length })),
    byCategory: COMPLAINT_CATEGORIES.map((category) => {
      const list = rows.filter((r) => r.category === category);
      return { category, count: list.length, open: sum(list, open) };
    }),
    byInstitution: byInstitution.sort((a, b) => b.count - a.count || a.institutionName.localeCompare(b.institutionName, 'zh-CN')),
    byZone: byZone.sort((a, b) => b.count - a.count),
  };
}

/** The complaints a handler sees, filtered as on the list (every page), as a workbook: one row each, the reply phone as shown. */
export async function complaintsWorkbook(ctx: Ctx, filter: ComplaintFilter): Promise<{ buffer: Buffer; fileName: string }> {
  // an export: the read replica while it keeps up (exportComplaints only reads)
  const rows = await exportComplaints(readingCtx(ctx), filter);
  const buffer = await buildWorkbook({
    name: '举报投诉',
    columns: [
      { header: '单号', key: 'code', width: 16 },
      { header: '收到日期', key: 'receivedOn', width: 12 },
      { header: '类别', key: 'category', width: 14 },
      { header: '机构', key: 'institution', width: 26 },
      { header: '学区', key: 'zone', width: 16 },
      { header: '状态', key: 'status', width: 10 },
      { header: '答复期限', key: 'deadline', width: 12 },
      { header: '逾期', key: 'overdue', width: 8 },
      { header: '经办人', key: 'handler', width: 10 },
      { header: '来源', key: 'from', width: 10 },
      { header: '回复电话', key: 'phone', width: 14 },
      { header: '内容', key: 'description', width: 50 },
      { header: '答复', key: 'answer', width: 50 },
      { header: '答复日期', key: 'answeredOn', width: 12 },
    ],
    rows: rows.map((c) => ({
      code: c.code,
      receivedOn: c.receivedOn,
      category: complaintCategoryLabels[c.category]['zh-CN'],
      institution: c.institutionName,
      zone: c.zoneName ?? '未分派',
      status: complaintStatusLabels[c.status]['zh-CN'],
      deadline: c.deadline,
      overdue: c.overdue ? '是' : '',
      handler: c.handlerName ?? '',
      from: c.fromParent ? '家长' : '公开举报',
      phone: c.replyPhone ?? '',
      description: c.description,
      answer: c.answer ?? '',
      answeredOn: c.answeredOn ?? '',
    })),
  });
  return { buffer, fileName: `举报投诉-${today(ctx)}.xlsx` };
}
