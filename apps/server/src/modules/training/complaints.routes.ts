/** HTTP routes of the training module's complaints area. */
import type { App } from '../../platform/http';

export function registerComplaintsRoutes(app: App): void {
  void app;
}
