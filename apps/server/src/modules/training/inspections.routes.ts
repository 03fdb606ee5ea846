/** HTTP routes of the training module's inspections area. */
import type { App } from '../../platform/http';

export function registerInspectionsRoutes(app: App): void {
  void app;
}
