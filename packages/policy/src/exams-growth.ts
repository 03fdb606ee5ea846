/**
 * 综合素质评价 rules: what a growth-record entry may be (seed 003: 每生一档,全员全程全景记录; 劳动素养纳入综合素质评价,
 * tasks from the district's labour-education list for the pupil's grade), the skill targets counted as progress
 * (seed 001: 每个学生至少掌握两项体育运动技能和一项艺术特长 — shown, never refused) and when a pupil's record is
 * complete (an entry in every dimension of 德智体美劳 and a teacher's comment). Nothing here orders or ranks pupils.
 */
import type { LocalDate } from './dates';

/** The dimensions and kinds of contracts' exams.ts, repeated as plain strings: the policy package imports no contracts. */
export type GrowthDimensionKey = 'moral' | 'intellect' | 'physical' | 'aesthetic' | 'labour';
export type GrowthKindKey = 'activity' | 'award' | 'labour' | 'sports_skill' | 'art_skill';
export const GROWTH_DIMENSION_KEYS: readonly GrowthDimensionKey[] = ['moral', 'intellect', 'physical', 'aesthetic', 'labour'];

/** The 'exams.growth' setting's value. */
export interface GrowthSettings {
  sportsSkillsTarget: number;
  artSkillsTarget: number;
  labourList: readonly LabourTask[];
}
export interface LabourTask {
  code: string;
  name: string;
  fromGrade: number;
  toGrade: number;
}

/** Kinds that belong to one dimension only: a labour task is 劳, a sports skill 体, an art skill 美. */
export const KIND_DIMENSION: Partial<Record<GrowthKindKey, GrowthDimensionKey>> = {
  labour: 'labour',
  sports_skill: 'physical',
  art_skill: 'aesthetic',
};

/** The labour-list tasks for a grade (fromGrade ≤ grade ≤ toGrade), in the list's order. */
export function labourTasksFor(list: readonly LabourTask[], grade: number): LabourTask[] {
  return list.filter((t) => t.fromGrade <= grade && grade <= t.toGrade);
}

export interface GrowthEntryFacts {
  dimension: GrowthDimensionKey;
  kind: GrowthKindKey;
  date: LocalDate;
  labourCode?: string | null;
}

export type GrowthEntryProblem =
  | { ok: false; rule: 'exams.growth.labourList'; field: 'labourCode'; problem: 'missing' | 'not_on_list'; grade: number; allowed: string[] }
  | { ok: false; rule: 'exams.growth.kindDimension'; field: 'dimension'; problem: 'wrong_dimension'; expected: GrowthDimensionKey }
  | { ok: false; rule: 'exams.growth.labourOnly'; field: 'labourCode'; problem: 'code_on_other_kind' }
  | { ok: false; rule: 'exams.growth.date'; field: 'date'; problem: 'outside_semester' | 'future'; from: LocalDate; to: LocalDate };

export type GrowthEntryCheck = { ok: true; labourTask: LabourTask | null } | GrowthEntryProblem;

/**
 * Checks one entry for a pupil of `grade` in a semester: a labour task must be on the district's list for the grade
 * ('exams.growth' labourList), a kind bound to a dimension must carry it, and the date lies in the semester and not
 * after today.
 */
export function checkGrowthEntry(
  entry: GrowthEntryFacts,
  grade: number,
  semester: { startDate: LocalDate; endDate: LocalDate },
  today: LocalDate,
  settings: Pick<GrowthSettings, 'labourList'>,
): GrowthEntryCheck {
  const expected = KIND_DIMENSION[entry.kind];
  if (expected && entry.dimension !== expected) return { ok: false, rule: 'exams.growth.kindDimension', field: 'dimension', problem: 'wrong_dimension', expected };
  const last = semester.endDate < today ? semester.endDate : today;
  if (entry.date < semester.startDate || entry.date > semester.endDate)
    return { ok: false, rule: 'exams.growth.date', field: 'date', problem: 'outside_semester', from: semester.startDate, to: last };
  if (entry.date > today) return { ok: false, rule: 'exams.growth.date', field: 'date', problem: 'future', from: semester.startDate, to: last };
  if (entry.kind !== 'labour') {
    if (entry.labourCode) return { ok: false, rule: 'exams.growth.labourOnly', field: 'labourCode', problem: 'code_on_other_kind' };
    return { ok: true, labourTask: null };
  }
  const allowed = labourTasksFor(settings.labourList, grade);
  if (!entry.labourCode)
    return { ok: false, rule: 'exams.growth.labourList', field: 'labourCode', problem: 'missing', grade, allowed: allowed.map((t) => t.code) };
  const task = allowed.find((t) => t.code === entry.labourCode);
  if (!task) return { ok: false, rule: 'exams.growth.labourList', field: 'labourCode', problem: 'not_on_list', grade, allowed: allowed.map((t) => t.code) };
  return { ok: true, labourTask: task };
}

export interface SkillProgress {
  sports: { count: number; target: number; met: boolean; skills: string[] };
  art: { count: number; target: number; met: boolean; skills: string[] };
}

/** Distinct skills by name (trimmed, case and inner spaces ignored), first spelling kept. */
function distinctNames(titles: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of titles) {
    const key = t.trim().replace(/\s+/g, '').toLowerCase();
    if (key && !seen.has(key)) seen.set(key, t.trim());
  }
  return [...seen.values()];
}

/** Skills counted against the targets (seed 001: two sports, one art): progress to show, never a refusal. */
export function skillProgress(entries: readonly { kind: string; title: string }[], settings: Pick<GrowthSettings, 'sportsSkillsTarget' | 'artSkillsTarget'>): SkillProgress {
  const sports = distinctNames(entries.filter((e) => e.kind === 'sports_skill').map((e) => e.title));
  const art = distinctNames(entries.filter((e) => e.kind === 'art_skill').map((e) => e.title));
  return {
    sports: { count: sports.length, target: settings.sportsSkillsTarget, met: sports.length >= settings.sportsSkillsTarget, skills: sports },
    art: { count: art.length, target: settings.artSkillsTarget, met: art.length >= settings.artSkillsTarget, skills: art },
  };
}

export interface GrowthCompleteness {
  complete: boolean;
  missingDimensions: GrowthDimensionKey[];
  missingComment: boolean;
}

/** A pupil's record for a semester is complete when every dimension has an entry and a teacher's comment exists. */
export function growthCompleteness(dimensionsWithEntries: Iterable<string>, comments: number): GrowthCompleteness {
  const have = new Set(dimensionsWithEntries);
  const missingDimensions = GROWTH_DIMENSION_KEYS.filter((d) => !have.has(d));
  const missingComment = comments <= 0;
  return { complete: !missingDimensions.length && !missingComment, missingDimensions, missingComment };
}
