/** 选课 area of the after-school module: the arrival counter that orders first-come seats and waiting lists. */
import { pgSequence } from 'drizzle-orm/pg-core';

/**
 * Order of arrival of choices across the district (`after_school_enrolments.position`): taken by nextval in the
 * choosing statement, so concurrent parents get distinct, increasing places without a hot counter row.
 */
export const afterSchoolArrival = pgSequence('after_school_arrival_seq', { startWith: 1, increment: 1, cache: 1 });
