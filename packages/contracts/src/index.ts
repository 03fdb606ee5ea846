export * from './common';
export * from './access';
export * from './auth';
export * from './org';
export * from './calendar';
export * from './audit';
export * from './roster';
export * from './labels';
