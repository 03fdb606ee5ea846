export * from './dates';
export * from './password';
export * from './calendar';
export * from './homework';
export * from './settings';
export * from './homework.settings';
export * from './money';
export * from './privacy';
