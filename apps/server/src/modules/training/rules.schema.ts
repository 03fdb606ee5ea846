/** 校外培训监管: the rules area's tables (owned by that area; listed in apps/server/src/schema.ts). */
export {};
