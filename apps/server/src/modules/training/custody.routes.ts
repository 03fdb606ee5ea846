/** HTTP routes of the training module's custody area. */
import type { App } from '../../platform/http';

export function registerCustodyRoutes(app: App): void {
  void app;
}
