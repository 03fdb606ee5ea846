/** HTTP routes of the exams module's exams area. */
import type { App } from '../../platform/http';

export function registerExamsRoutes(_app: App): void {}
