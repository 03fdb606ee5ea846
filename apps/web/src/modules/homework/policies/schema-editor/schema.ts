/**
 * The value shape of a district setting as the server answers it (a JSON Schema of the setting's Zod schema) and what
 * the generic editor reads from it: which widget a field gets, its unit (fen shown as yuan, basis points as percent),
 * a blank value for a new row.
 */
import type { PolicyValueSchema } from '@shuangjian/contracts';

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
}

export const asSchema = (s: PolicyValueSchema): JsonSchema => s as JsonSchema;

/** A relative name path inside antd's Form (list items use their index). */
export type Path = (string | number)[];

/** 'HH:MM' (00:00–23:59), the pattern the settings use for times of day. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const isTimePattern = (p: string | undefined) => !!p && (p === HHMM.source || (/\[0-5\]\\d\$$/.test(p) && p.includes(':')));

/** A nullable field (`anyOf: [X, {type: 'null'}]`) is X that may be left empty. */
export function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf;
  if (!options) return { schema, nullable: false };
  const rest = options.filter((o) => o.type !== 'null');
  if (rest.length === 1) return { schema: { ...rest[0], description: schema.description ?? rest[0]!.description, title: schema.title ?? rest[0]!.title }, nullable: rest.length < options.length };
  return { schema, nullable: false };
}

export type Kind = 'object' | 'record' | 'table' | 'cards' | 'list' | 'boolean' | 'enum' | 'time' | 'string' | 'integer' | 'number' | 'unknown';

const scalar = (s: JsonSchema) => !!s.enum || ['string', 'integer', 'number', 'boolean'].includes(s.type ?? '');

export function kindOf(raw: JsonSchema): Kind {
  const { schema: s } = unwrap(raw);
  if (s.enum) return 'enum';
  switch (s.type) {
    case 'object':
      if (s.properties) return 'object';
      return typeof s.additionalProperties === 'object' ? 'record' : 'unknown';
    case 'array': {
      const item = s.items ? unwrap(s.items).schema : undefined;
      if (!item) return 'unknown';
      if (scalar(item)) return 'list';
      if (item.type === 'object' && item.properties) return Object.values(item.properties).every((p) => scalar(unwrap(p).schema)) ? 'table' : 'cards';
      return 'unknown';
    }
    case 'boolean':
      return 'boolean';
    case 'string':
      return isTimePattern(s.pattern) ? 'time' : 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    default:
      return 'unknown';
  }
}

/** Money in fen is typed in yuan, basis points as a percentage: only for whole numbers named so. */
export type Unit = 'fen' | 'bp' | null;
export function unitOf(fieldName: string | number | undefined, schema: JsonSchema): Unit {
  if (typeof fieldName !== 'string' || (schema.type !== 'integer' && schema.type !== 'number')) return null;
  if (/Fen$/.test(fieldName)) return 'fen';
  if (/Bp$/.test(fieldName)) return 'bp';
  return null;
}

/** Lower and upper bounds of a number as the schema gives them (exclusive bounds of integers made inclusive). */
export function bounds(s: JsonSchema): { min?: number; max?: number } {
  const int = s.type === 'integer';
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (int ? 1 : 0) : undefined);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (int ? 1 : 0) : undefined);
  // Zod writes the safe-integer range for a bare int: no bound worth showing
  return { min: min !== undefined && Math.abs(min) < 1e15 ? min : undefined, max: max !== undefined && Math.abs(max) < 1e15 ? max : undefined };
}

/** A value for a new row or field: the lower bound, the first option, an empty text. */
export function blank(raw: JsonSchema): unknown {
  const { schema: s, nullable } = unwrap(raw);
  if (nullable) return null;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return s.properties ? Object.fromEntries(Object.entries(s.properties).map(([k, p]) => [k, blank(p)])) : {};
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return bounds(s).min ?? 0;
    case 'string':
      return kindOf(s) === 'time' ? '00:00' : '';
    default:
      return null;
  }
}

/** A whole-number option list (grades, weekdays) when the range is short enough to pick from. */
export function pickRange(s: JsonSchema): number[] | null {
  const { min, max } = bounds(s);
  if (s.type !== 'integer' || min === undefined || max === undefined || max - min > 30) return null;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
