/** What the library's page, cards, drawer and forms share. */
import { type Collection, type Design, gradeNames, type Subject } from '@shuangjian/contracts';
import type { z } from 'zod';

export type DesignRow = z.infer<typeof Design>;
export type CollectionRow = z.infer<typeof Collection>;
export type SubjectRow = z.infer<typeof Subject>;
export type Filters = {
  q?: string;
  subjectId?: string;
  grade?: number;
  type?: DesignRow['type'];
  layer?: DesignRow['layer'];
  unit?: string;
  excellent?: boolean;
  collectionId?: string;
};

export const gradeOptions = gradeNames.slice(1).map((label, i) => ({ value: i + 1, label }));
