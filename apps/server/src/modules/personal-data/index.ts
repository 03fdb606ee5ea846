/**
 * The personal-data module's face: a family's copy of what the platform holds about its child (PIPL art. 45),
 * gathered through the other modules' faces.
 */
import type { AppModule } from '../../platform/module';
import { registerPersonalDataRoutes } from './routes';

export const personalDataModule: AppModule = {
  name: 'personal-data',
  routes: (app) => registerPersonalDataRoutes(app),
};
