/** Every table of the application, for Drizzle's typed client and drizzle-kit. */
export * from './platform/schema';
export * from './modules/org/schema';
export * from './modules/calendar/schema';
export * from './modules/homework/schema';
export * from './modules/homework/notices.schema';
export * from './modules/homework/marking.schema';
export * from './modules/homework/vacation.schema';
export * from './modules/after-school/schema';
