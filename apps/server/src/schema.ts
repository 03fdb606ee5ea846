/** Every table of the application, for Drizzle's typed client and drizzle-kit. */
export * from './platform/schema';
export * from './modules/org/schema';
export * from './modules/calendar/schema';
export * from './modules/homework/schema';
export * from './modules/homework/notices.schema';
export * from './modules/homework/marking.schema';
export * from './modules/homework/vacation.schema';
export * from './modules/after-school/schema';
export * from './modules/after-school/survey.schema';
export * from './modules/after-school/enrol.schema';
export * from './modules/after-school/daily.schema';
export * from './modules/after-school/money.schema';
export * from './modules/after-school/care.schema';
