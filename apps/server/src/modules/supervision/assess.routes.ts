import type { App } from '../../platform/http';

export function registerAssessmentRoutes(app: App): void {
  void app;
}
