/** 督导测评结果 as a workbook: the ranked results with each indicator's score, the indicator sheet, the figures behind. */
import { FORMULAS, METRICS, type AssessIndicator, type Formula } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/access';
import { assessmentResults, LIST_LABEL } from './assess-results.service';
import { addTitledSheet, type Cell } from './workbook';

const FORMULA_LABEL: Record<Formula, string> = { rate: '比率×100', target: '达成目标（比率÷目标，封顶100）', inverse: '（1−比率）×100', pass: '达到目标得100，否则0', cap: '不超过上限得100，否则0' };
const KIND_LABEL = { metric: '平台数据', inspector: '督学评分' } as const;

/** A number format by column index. */
const byColumn = (formats: Record<number, string>) => (_h: string, _v: Cell, column: number) => formats[column];

const indicatorHeader = (i: AssessIndicator) => `${i.name}（${Math.round(i.share * 1000) / 10}%）`;

/** The frozen results of a closed or published assessment, three sheets. */
export async function resultsWorkbook(ctx: Ctx, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const r = await assessmentResults(ctx, id, {});
  const a = r.assessment;
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const period = `统计期 ${r.range.from} 至 ${r.range.to}，关账日 ${a.closeDate}；红榜 ≥ ${a.redMin}，黄牌 < ${a.yellowBelow}，黑榜 < ${a.blackBelow}`;
  addTitledSheet(wb, {
    name: '测评结果',
    title: `${a.name} · 各校结果（${period}）`,
    headers: ['排名', '学区', '学校', '总分', '榜单', '表彰', ...r.indicators.map(indicatorHeader)],
    rows: r.schools.map((s) => [s.rank, s.zoneName, s.schoolName, s.total, s.list ? LIST_LABEL[s.list] : '', s.award ?? '', ...r.indicators.map((i) => s.detail[i.id]?.score ?? '无数据')]),
    format: byColumn({ 3: '0.0' }),
  });
  addTitledSheet(wb, {
    name: '测评细则',
    title: `${a.name} · 测评细则`,
    headers: ['序号', '指标', '类型', '数据项', '计分公式', '目标值', '权重', '占比'],
    rows: r.indicators.map((i) => [
      i.position,
      i.name,
      KIND_LABEL[i.kind],
      i.metric ? METRICS[i.metric].label : (i.guidance ?? ''),
      i.formula && FORMULAS.includes(i.formula) ? FORMULA_LABEL[i.formula] : '',
      i.target,
      i.weight,
      i.share,
    ]),
    format: byColumn({ 7: '0.0%' }),
  });
  const detail: Cell[][] = r.schools.flatMap((s) =>
    r.indicators.map((i) => {
      const d = s.detail[i.id];
      return [s.schoolName, i.name, d?.num ?? null, d?.den ?? null, d?.rate ?? null, d?.score ?? '无数据'];
    }),
  );
  addTitledSheet(wb, { name: '得分明细', title: `${a.name} · 各校各指标的数据与得分（关账时固化）`, headers: ['学校', '指标', '分子', '分母', '比率', '得分'], rows: detail, format: byColumn({ 4: '0.0%' }) });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `督导测评结果-${a.name}.xlsx` };
}
