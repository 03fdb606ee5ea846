/** HTTP routes of the exams module's growth area. */
import type { App } from '../../platform/http';

export function registerGrowthRoutes(_app: App): void {}
