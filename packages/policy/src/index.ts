export * from './dates';
export * from './password';
export * from './calendar';
