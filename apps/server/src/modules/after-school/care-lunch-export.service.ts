/** 午餐费用导出 (.xlsx): a lunch month's fee, refund and net per child, as the finance officer reads it on the page. */
import { type Fen, toYuanString } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { atOnce } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { schoolDirectory } from '../org';
import { loadOffer, lunchMonthFees } from './care-lunch.service';

export async function lunchMonthWorkbook(ctx: Ctx, offerId: string, month: string): Promise<{ buffer: Buffer; fileName: string }> {
  const offer = await loadOffer(ctx, offerId, 'after-school.finance');
  const [fees, [school]] = await atOnce(ctx.db,
    () => lunchMonthFees(ctx, offerId, month),
    () => ctx.db.select({ name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, offer.districtId), eq(schoolDirectory.id, offer.schoolId))),
  );
  const y = (v: number) => toYuanString(v as Fen);
  const rows: Record<string, string | number>[] = fees.rows.map((r) => ({
    className: r.className,
    name: r.name,
    schoolDays: r.schoolDays,
    enrolledDays: r.enrolledDays,
    leaveDays: r.leaveDays,
    due: y(r.dueFen),
    refund: y(r.refundFen),
    net: y(r.netFen),
  }));
  rows.push({ className: '合计', name: '', schoolDays: '', enrolledDays: '', leaveDays: '', due: y(fees.totals.dueFen), refund: y(fees.totals.refundFen), net: y(fees.totals.netFen) });
  const buffer = await buildWorkbook({
    name: `${month}午餐费用`,
    columns: [
      { header: '班级', key: 'className', width: 14 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '上课日', key: 'schoolDays', width: 8 },
      { header: '用餐日', key: 'enrolledDays', width: 8 },
      { header: '请假天数', key: 'leaveDays', width: 10 },
      { header: '应收（元）', key: 'due', width: 12 },
      { header: '退费（元）', key: 'refund', width: 12 },
      { header: '实收（元）', key: 'net', width: 12 },
    ],
    rows,
  });
  return { buffer, fileName: `${school?.name ?? ''}-午餐午托${month}费用.xlsx` };
}
