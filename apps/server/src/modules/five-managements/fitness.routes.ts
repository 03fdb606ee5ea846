/** HTTP routes of the 五项管理 module's fitness area. */
import type { App } from '../../platform/http';

export function registerFitnessRoutes(_app: App): void {}
