/** 作业管理, shared work: the design library (优质作业资源库) and the error notebook (错题本). */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, pageOf, PageQuery, Timestamp } from './common';
import {
  COLLECTION_DESCRIPTION_MAX,
  COLLECTION_NAME_MAX,
  COLLECTION_NAME_MIN,
  ItemContent,
  DESIGN_TITLE_MIN,
  HomeworkType,
  Layer,
  ItemMinutes,
  MISTAKE_TEXT_MAX,
  TITLE_MAX,
} from './homework';

// ── library (优质作业资源库) ─────────────────────────────────────────────────
export const Design = z.object({
  id: Id,
  schoolName: z.string().nullable(),
  authorName: z.string(),
  /** The reader wrote it, or curates the library for its school or the district. */
  canEdit: z.boolean(),
  canCurate: z.boolean(),
  subjectId: Id,
  subjectName: z.string(),
  grade: z.number().int(),
  unit: z.string().nullable(),
  type: HomeworkType,
  layer: Layer,
  title: z.string(),
  content: z.string(),
  minutes: z.number().int(),
  excellent: z.boolean(),
  collections: z.array(z.object({ id: Id, name: z.string() })),
  createdAt: Timestamp,
});
export const DesignInput = z.object({
  subjectId: Id,
  grade: z.number().int().min(1).max(9),
  unit: OptionalText(TITLE_MAX),
  type: HomeworkType,
  layer: Layer,
  title: z.string().trim().min(DESIGN_TITLE_MIN).max(TITLE_MAX),
  content: ItemContent,
  minutes: ItemMinutes,
});
export const DesignFromItem = z.object({ itemId: Id, title: z.string().trim().min(DESIGN_TITLE_MIN).max(TITLE_MAX), unit: OptionalText(TITLE_MAX) });
export const DesignQuery = PageQuery.extend({
  subjectId: Id.optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  type: HomeworkType.optional(),
  layer: Layer.optional(),
  unit: z.string().trim().max(TITLE_MAX).optional(),
  excellent: z.enum(['0', '1']).optional(),
  collectionId: Id.optional(),
});
export const DesignPage = pageOf(Design);
export const Collection = z.object({ id: Id, name: z.string(), description: z.string().nullable(), designCount: z.number().int(), createdBy: z.string() });
export const CollectionInput = z.object({ name: z.string().trim().min(COLLECTION_NAME_MIN).max(COLLECTION_NAME_MAX), description: OptionalText(COLLECTION_DESCRIPTION_MAX) });
export const CollectionDesign = z.object({ designId: Id });

// ── error notebook (错题本) ────────────────────────────────────────────────
export const MistakeInput = z.object({
  studentId: Id,
  itemId: Id.nullish(),
  subjectId: Id.nullish(),
  question: z.string().trim().min(1).max(MISTAKE_TEXT_MAX),
  note: OptionalText(MISTAKE_TEXT_MAX),
});
export const Mistake = z.object({
  id: Id,
  studentId: Id,
  itemId: Id.nullable(),
  subjectName: z.string().nullable(),
  date: LocalDate.nullable(),
  question: z.string(),
  note: z.string().nullable(),
  resolved: z.boolean(),
  createdAt: Timestamp,
});
export const MistakeQuery = z.object({ studentId: Id });
export const FrequentMistakesQuery = z
  .object({ classId: Id, from: LocalDate, to: LocalDate })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export const FrequentMistake = z.object({
  itemId: Id.nullable(),
  subjectName: z.string().nullable(),
  date: LocalDate.nullable(),
  question: z.string(),
  students: z.number().int(),
  notes: z.array(z.string()),
});
