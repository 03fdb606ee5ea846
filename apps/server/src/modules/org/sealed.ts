/**
 * Org's personal data sealed at rest (platform/crypto.ts): a student's sensitive record (the five flags and the note),
 * a student's ID number (with its blind index) and home address, and guardians' phones, with the blind index that
 * finds a guardian by phone. Everything of org that writes or reads
 * these columns goes through here.
 */
import { blindIndex, blindIndexes, open, openJson, openNullable, seal, sealJson, sealNullable } from '../../platform/crypto';
import type { SealedColumns } from '../../platform/sealed-columns';

export interface SensitiveRecord {
  leftBehind: boolean;
  singleParent: boolean;
  hardship: boolean;
  disability: boolean;
  learningDifficulty: boolean;
  note: string | null;
}

export const NO_SENSITIVE: SensitiveRecord = { leftBehind: false, singleParent: false, hardship: false, disability: false, learningDifficulty: false, note: null };

export const isSpecial = (r: SensitiveRecord) => r.leftBehind || r.singleParent || r.hardship || r.disability || r.learningDifficulty;

/** The columns of a student_sensitive row for a record: `special` in clear for counts, the record sealed. */
export function sealSensitive(r: SensitiveRecord): { special: boolean; data: string } {
  const record: SensitiveRecord = {
    leftBehind: r.leftBehind,
    singleParent: r.singleParent,
    hardship: r.hardship,
    disability: r.disability,
    learningDifficulty: r.learningDifficulty,
    note: r.note ?? null,
  };
  return { special: isSpecial(record), data: sealJson(record) };
}

export const openSensitive = (data: string): SensitiveRecord => ({ ...NO_SENSITIVE, ...openJson<Partial<SensitiveRecord>>(data) });

/** A guardian row's phone columns: the number sealed and its blind index. */
export const sealGuardianPhone = (phone: string) => ({ phone: seal(phone), phoneHash: blindIndex(phone) });

export const openPhone = (sealed: string) => open(sealed);

/** The blind indexes a look-up by phone matches (every key of the keyring: rows not yet rotated are found too). */
export const phoneIndexes = (phones: readonly string[]) => [...new Set(phones.flatMap((p) => blindIndexes(p)))];

export interface Identity {
  idNumber: string | null;
  address: string | null;
}

/** A student row's identity columns: the ID number sealed with its blind index, the address sealed; null stays null. */
export const sealIdentity = (r: Identity) => ({
  idNumber: sealNullable(r.idNumber),
  idNumberHash: r.idNumber ? blindIndex(r.idNumber) : null,
  address: sealNullable(r.address),
});

export const openIdentity = (r: { idNumber: string | null; address: string | null }): Identity => ({ idNumber: openNullable(r.idNumber), address: openNullable(r.address) });

/** The blind indexes a look-up by ID number matches (every key of the keyring, as for phones). */
export const idNumberIndexes = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => blindIndexes(id)))];

export const orgSealed: readonly SealedColumns[] = [
  { table: 'student_sensitive', key: ['district_id', 'student_id'], columns: ['data'] },
  { table: 'students', key: ['district_id', 'id'], columns: ['id_number', 'address'], blindIndex: { column: 'id_number_hash', of: 'id_number' } },
  { table: 'guardians', key: ['district_id', 'id'], columns: ['phone'], blindIndex: { column: 'phone_hash', of: 'phone' } },
];
