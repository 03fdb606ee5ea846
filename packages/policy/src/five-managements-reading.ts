/**
 * 读物管理: how a book or material a school brings in is matched against the district's recommended list (推荐书目)
 * and negative list (负面清单). Pure functions: the server records the result, the web shows it live, the tests
 * pin the edge cases (full-width characters, spaces, 《》 marks, ISBN-10 against ISBN-13, hyphens).
 *
 * Matching: by ISBN when both sides carry one; otherwise by the normalised title, and the normalised publisher when
 * both sides name one (a negative-list entry without a publisher bans every edition of the title).
 */

/** The rule texts a check cites. The lists themselves are the district's; no seed sentence names them. */
export const READING_RULES = {
  negative: {
    key: 'five-managements.reading.negative',
    text: '列入区负面清单的读物和教辅材料不得进入校园（五项管理·读物管理；自查自纠，云南省中小学“五项管理”负面清单）',
  },
  supplementary: {
    key: 'five-managements.reading.supplementary',
    text: '规范教辅使用：未列入区推荐书目的教辅材料须经学校审核后方可使用（seed 004 #22「规范教辅使用」）',
  },
} as const;

/** Full-width to half-width, compatibility forms folded (NFKC), lower case. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Marks that do not tell two titles apart: book-title marks, quotes, brackets, separators, punctuation, spaces. */
const TITLE_NOISE = /[\s《》〈〉<>«»“”"'‘’「」『』【】[\]()（）·•・．.,，、:：;；!！?？\-—–_~～]/g;

/** A title as kept: trimmed, without the one pair of book-title marks around it (《小王子》 is kept as 小王子). */
export function bookTitle(text: string): string {
  const t = text.trim();
  const inner = /^《\s*([^《》]*?)\s*》$/.exec(t);
  return inner ? inner[1]! : t;
}

/** The title as compared: 《 小王子 》, 小王子 and ＂小王子＂ are one title. */
export function normaliseTitle(title: string): string {
  return fold(title).replace(TITLE_NOISE, '');
}

/** Company suffixes a publisher is written with or without (人民教育出版社有限公司 = 人民教育出版社). */
const PUBLISHER_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团)$/;

/** The publisher as compared: spaces, punctuation and a company suffix dropped. */
export function normalisePublisher(publisher: string): string {
  let text = fold(publisher).replace(TITLE_NOISE, '');
  for (let i = 0; i < 2 && PUBLISHER_SUFFIX.test(text); i++) text = text.replace(PUBLISHER_SUFFIX, '');
  return text;
}

export type IsbnResult = { ok: true; isbn13: string } | { ok: false; problem: 'empty' | 'length' | 'characters' | 'checksum' };

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/**
 * An ISBN as typed (ISBN-10 or ISBN-13, with or without hyphens or spaces, full-width digits, an 'ISBN' prefix) as
 * its ISBN-13 digits, the check digit verified. An ISBN-10 becomes 978 + its first nine digits + a new check digit.
 */
export function parseIsbn(text: string): IsbnResult {
  const raw = fold(text).replace(/^isbn[:：]?/, '').replace(/[\s\-‐‑–—]/g, '');
  if (!raw) return { ok: false, problem: 'empty' };
  if (!/^[0-9]+x?$/.test(raw)) return { ok: false, problem: 'characters' };
  if (raw.length === 10) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (raw[i] === 'x' ? 10 : Number(raw[i])) * (10 - i);
    if (sum % 11 !== 0) return { ok: false, problem: 'checksum' };
    const first12 = `978${raw.slice(0, 9)}`;
    return { ok: true, isbn13: first12 + isbn13CheckDigit(first12) };
  }
  if (raw.length === 13) {
    if (raw.includes('x')) return { ok: false, problem: 'characters' };
    if (isbn13CheckDigit(raw.slice(0, 12)) !== raw[12]) return { ok: false, problem: 'checksum' };
    return { ok: true, isbn13: raw };
  }
  return { ok: false, problem: 'length' };
}

/** The ISBN-13 of a typed ISBN, or null when empty or not valid (the server refuses invalid ones before this). */
export const isbn13Of = (text: string | null | undefined): string | null => {
  if (!text) return null;
  const r = parseIsbn(text);
  return r.ok ? r.isbn13 : null;
};

/** 978-7-5327-4236-6: an ISBN-13 hyphenated for reading (prefix, then groups of the Chinese registration group 7). */
export function formatIsbn(isbn13: string): string {
  if (!/^\d{13}$/.test(isbn13)) return isbn13;
  return `${isbn13.slice(0, 3)}-${isbn13.slice(3, 4)}-${isbn13.slice(4, 8)}-${isbn13.slice(8, 12)}-${isbn13.slice(12)}`;
}

/** What a book is known by, on either side of a match. */
export interface ReadingBook {
  title: string;
  publisher?: string | null;
  /** As typed, or already ISBN-13. */
  isbn?: string | null;
}

/**
 * The key one list keeps an entry under (re-importing the same entry updates it, never adds it twice): its ISBN-13
 * when it has one, else its normalised title and publisher.
 */
export function readingEntryKey(book: ReadingBook): string {
  const isbn = isbn13Of(book.isbn);
  if (isbn) return `isbn:${isbn}`;
  return `title:${normaliseTitle(book.title)}|${book.publisher ? normalisePublisher(book.publisher) : ''}`;
}

export type ReadingMatchBy = 'isbn' | 'title';

/** How a filed book matches a list entry, or null: ISBN when both carry one, else title (+ publisher when both name one). */
export function matchBook(filed: ReadingBook, entry: ReadingBook): ReadingMatchBy | null {
  const a = isbn13Of(filed.isbn);
  const b = isbn13Of(entry.isbn);
  if (a && b) return a === b ? 'isbn' : null;
  if (normaliseTitle(filed.title) !== normaliseTitle(entry.title)) return null;
  if (filed.publisher && entry.publisher && normalisePublisher(filed.publisher) !== normalisePublisher(entry.publisher)) return null;
  return 'title';
}

export interface ReadingListEntryFacts extends ReadingBook {
  id: string;
  list: 'recommended' | 'negative';
  reason?: string | null;
}

export interface ReadingMatch {
  entryId: string;
  title: string;
  publisher: string | null;
  reason: string | null;
  by: ReadingMatchBy;
}

export interface ReadingCheck {
  /** flagged: on the negative list; warning: a 教辅 not on the recommended list, to review; ok: neither. */
  status: 'ok' | 'warning' | 'flagged';
  negative: ReadingMatch | null;
  recommended: ReadingMatch | null;
  /** The rule applied, when the status is not ok. */
  rule: { key: string; text: string } | null;
}

/** The first matching entry of a list, an ISBN match preferred over a title match. */
function firstMatch(filed: ReadingBook, entries: readonly ReadingListEntryFacts[]): ReadingMatch | null {
  let byTitle: ReadingMatch | null = null;
  for (const e of entries) {
    const by = matchBook(filed, e);
    if (!by) continue;
    const m: ReadingMatch = { entryId: e.id, title: e.title, publisher: e.publisher ?? null, reason: e.reason ?? null, by };
    if (by === 'isbn') return m;
    byTitle ??= m;
  }
  return byTitle;
}

/**
 * A filing against both lists: on the negative list → flagged (a self-check finding); a 教辅 (kind 'supplementary')
 * on neither list → a warning to review (规范教辅使用, seed 004 #22), not a finding; otherwise ok.
 */
export function checkReadingFiling(filed: ReadingBook & { kind: string }, entries: readonly ReadingListEntryFacts[]): ReadingCheck {
  const negative = firstMatch(filed, entries.filter((e) => e.list === 'negative'));
  const recommended = firstMatch(filed, entries.filter((e) => e.list === 'recommended'));
  if (negative) return { status: 'flagged', negative, recommended, rule: { ...READING_RULES.negative } };
  if (filed.kind === 'supplementary' && !recommended) return { status: 'warning', negative, recommended, rule: { ...READING_RULES.supplementary } };
  return { status: 'ok', negative, recommended, rule: null };
}

/**
 * Grades as typed in a spreadsheet: '3', '3-5', '3～5', '3,4,6', '三年级', '全部'/'1-9'. Returns sorted distinct grades
 * within 1..maxGrade, or null when the text is not grades.
 */
export function parseGrades(text: string, maxGrade = 9): number[] | null {
  const t = fold(text).replace(/\s/g, '').replace(/年级/g, '');
  if (!t) return null;
  if (t === '全部' || t === '全年级' || t === 'all') return Array.from({ length: maxGrade }, (_, i) => i + 1);
  const cn: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const num = (s: string) => (cn[s] ?? (/^\d+$/.test(s) ? Number(s) : NaN));
  const out = new Set<number>();
  for (const part of t.split(/[,，、;；/]/)) {
    if (!part) continue;
    const range = part.split(/[-~～至到]/);
    if (range.length > 2) return null;
    const from = num(range[0]!);
    const to = range.length === 2 ? num(range[1]!) : from;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > maxGrade || from > to) return null;
    for (let g = from; g <= to; g++) out.add(g);
  }
  return out.size ? [...out].sort((a, b) => a - b) : null;
}
