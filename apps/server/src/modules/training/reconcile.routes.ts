/** HTTP routes of the training module's reconcile area. */
import type { App } from '../../platform/http';

export function registerReconcileRoutes(app: App): void {
  void app;
}
