/**
 * 五项管理 · 读物管理: the district's recommended list (推荐书目) and negative list (负面清单) of books and materials,
 * their Excel import, and what each school brings into school each semester (filings), checked against both lists.
 */
import { bookTitle, parseIsbn } from '@shuangjian/policy';
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text } from './common';
import { RowError } from './roster';

export const READING_TITLE_MAX = 120;
export const READING_NAME_MAX = 80;
export const READING_REASON_MAX = 300;
export const READING_COPIES_MAX = 100_000;
export const READING_IMPORT_ROWS_MAX = 3000;

export const READING_LISTS = ['recommended', 'negative'] as const;
export const ReadingList = z.enum(READING_LISTS);
export type ReadingList = z.infer<typeof ReadingList>;
export const readingListLabels: Record<ReadingList, { 'zh-CN': string; en: string }> = {
  recommended: { 'zh-CN': '推荐书目', en: 'Recommended list' },
  negative: { 'zh-CN': '负面清单', en: 'Negative list' },
};

export const READING_KINDS = ['extracurricular', 'supplementary', 'periodical', 'other'] as const;
export const ReadingKind = z.enum(READING_KINDS);
export type ReadingKind = z.infer<typeof ReadingKind>;
export const readingKindLabels: Record<ReadingKind, { 'zh-CN': string; en: string }> = {
  extracurricular: { 'zh-CN': '课外读物', en: 'Extracurricular reading' },
  supplementary: { 'zh-CN': '教辅材料', en: 'Supplementary material' },
  periodical: { 'zh-CN': '期刊', en: 'Periodical' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Where a school's copies come from. */
export const READING_SOURCES = ['subscription', 'donation', 'library', 'class_corner'] as const;
export const ReadingSource = z.enum(READING_SOURCES);
export type ReadingSource = z.infer<typeof ReadingSource>;
export const readingSourceLabels: Record<ReadingSource, { 'zh-CN': string; en: string }> = {
  subscription: { 'zh-CN': '征订', en: 'Subscription' },
  donation: { 'zh-CN': '捐赠', en: 'Donation' },
  library: { 'zh-CN': '图书室', en: 'School library' },
  class_corner: { 'zh-CN': '班级图书角', en: 'Class book corner' },
};

export const READING_STATUSES = ['ok', 'warning', 'flagged'] as const;
export const ReadingStatus = z.enum(READING_STATUSES);
export type ReadingStatus = z.infer<typeof ReadingStatus>;

const Grade = z.number().int().min(1).max(9);

/** An ISBN as typed (ISBN-10 or -13, hyphens allowed), checked; stored and answered as ISBN-13 digits. */
export const Isbn = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v, c) => {
    if (!v) return null;
    const r = parseIsbn(v);
    if (r.ok) return r.isbn13;
    c.addIssue({ code: 'custom', message: r.problem === 'checksum' ? 'ISBN 校验位不对，请核对' : '应为 10 位或 13 位 ISBN，如 978-7-5327-4236-3' });
    return z.NEVER;
  });

/** A book's title as typed: 《》 around it may be written or not (kept without). */
const BookTitle = Text(READING_TITLE_MAX)
  .transform(bookTitle)
  .refine((t) => t.length > 0, { message: '请填写书名' });

export const ReadingListEntryInput = z
  .object({
    list: ReadingList,
    title: BookTitle,
    author: OptionalText(READING_NAME_MAX),
    publisher: OptionalText(READING_NAME_MAX),
    isbn: Isbn,
    kind: ReadingKind,
    gradeFrom: Grade,
    gradeTo: Grade,
    /** Why it is on the negative list (required there). */
    reason: OptionalText(READING_REASON_MAX),
    /** Defaults to today. */
    addedOn: LocalDate.optional(),
  })
  .refine((v) => v.gradeFrom <= v.gradeTo, { message: '起始年级不能高于结束年级', path: ['gradeTo'] })
  .refine((v) => v.list !== 'negative' || !!v.reason, { message: '列入负面清单须写明原因', path: ['reason'] });
export type ReadingListEntryInput = z.input<typeof ReadingListEntryInput>;

export const ReadingListEntry = z.object({
  id: Id,
  list: ReadingList,
  title: z.string(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  isbn: z.string().nullable(),
  kind: ReadingKind,
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  reason: z.string().nullable(),
  addedOn: LocalDate,
  updatedAt: z.string(),
});
export type ReadingListEntry = z.infer<typeof ReadingListEntry>;

export const ReadingListQuery = z.object({
  list: ReadingList.optional(),
  kind: ReadingKind.optional(),
  /** Part of a title, author, publisher or an ISBN. */
  q: z.string().trim().max(50).optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const ReadingListPage = z.object({
  items: z.array(ReadingListEntry),
  total: z.number().int(),
  counts: z.object({ recommended: z.number().int(), negative: z.number().int() }),
});
export type ReadingListPage = z.infer<typeof ReadingListPage>;

export const ReadingListImportQuery = z.object({ list: ReadingList });
export const ReadingListImportResult = z.object({
  list: ReadingList,
  rows: z.number().int(),
  added: z.number().int(),
  /** Entries already on the list (same ISBN, or same title and publisher) whose fields changed. */
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ReadingListImportResult = z.infer<typeof ReadingListImportResult>;

/** The 422 answer of an import with bad rows: nothing was written; every bad row and column named. */
export const ReadingImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ rows: z.number().int(), errors: z.array(RowError) }),
});

/** A list entry a check matched, as it stood when the check was made (a later change of the list does not rewrite it). */
export const ReadingMatch = z.object({
  entryId: Id,
  title: z.string(),
  publisher: z.string().nullable(),
  reason: z.string().nullable(),
  by: z.enum(['isbn', 'title']),
});
export const ReadingCheck = z.object({
  status: ReadingStatus,
  negative: ReadingMatch.nullable(),
  recommended: ReadingMatch.nullable(),
  rule: z.object({ key: z.string(), text: z.string() }).nullable(),
});
export type ReadingCheck = z.infer<typeof ReadingCheck>;

/** A teacher checks a book before buying it: nothing is recorded. */
export const ReadingCheckInput = z.object({
  title: BookTitle,
  publisher: OptionalText(READING_NAME_MAX),
  isbn: Isbn,
  kind: ReadingKind.default('extracurricular'),
});

export const ReadingFilingInput = z.object({
  schoolId: Id,
  /** Defaults to the semester in force today. */
  semesterId: Id.optional(),
  title: BookTitle,
  isbn: Isbn,
  publisher: OptionalText(READING_NAME_MAX),
  kind: ReadingKind,
  grades: z.array(Grade).min(1).max(9),
  copies: z.number().int().min(1).max(READING_COPIES_MAX),
  source: ReadingSource,
});
export type ReadingFilingInput = z.input<typeof ReadingFilingInput>;
export const ReadingFilingUpdate = ReadingFilingInput.omit({ schoolId: true, semesterId: true });

export const ReadingFiling = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  semesterId: Id,
  title: z.string(),
  isbn: z.string().nullable(),
  publisher: z.string().nullable(),
  kind: ReadingKind,
  grades: z.array(z.number().int()),
  copies: z.number().int(),
  source: ReadingSource,
  status: ReadingStatus,
  check: ReadingCheck,
  /** The self-check item the negative-list hit opened. */
  findingId: z.string().nullable(),
  filedOn: LocalDate,
  filedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReadingFiling = z.infer<typeof ReadingFiling>;

export const ReadingFilingQuery = z.object({
  schoolId: Id.optional(),
  semesterId: Id.optional(),
  status: ReadingStatus.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const ReadingFilingPage = z.object({
  items: z.array(ReadingFiling),
  total: z.number().int(),
  semesterId: Id,
  counts: z.object({ total: z.number().int(), flagged: z.number().int(), warning: z.number().int() }),
});
export type ReadingFilingPage = z.infer<typeof ReadingFilingPage>;

export const ReadingFilingImportQuery = z.object({ schoolId: Id, semesterId: Id.optional() });
export const ReadingFilingImportResult = z.object({
  rows: z.number().int(),
  filed: z.number().int(),
  /** Rows already filed this semester (same book and source). */
  duplicates: z.number().int(),
  flagged: z.array(ReadingFiling),
  warnings: z.number().int(),
});
export type ReadingFilingImportResult = z.infer<typeof ReadingFilingImportResult>;

/** The district's view: per school, filings and flags of a semester. */
export const ReadingSummaryQuery = z.object({ semesterId: Id.optional() });
export const ReadingSummary = z.object({
  semesterId: Id,
  schools: z.array(
    z.object({
      schoolId: Id,
      schoolName: z.string(),
      filings: z.number().int(),
      copies: z.number().int(),
      flagged: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
});
export type ReadingSummary = z.infer<typeof ReadingSummary>;
