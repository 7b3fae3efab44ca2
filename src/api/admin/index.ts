import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { breakerAdmin } from './breakers';
import { adminEvals } from './evals';
import { admin } from './keys';
import { privacyAdmin } from './privacy';
import { adminTeams } from './teams';

/** Every /admin route; the more specific mounts go first, as each sub-app guards its own routes. */
export const adminRoutes = new Hono<AppEnv>();
// Export and erasure (/teams/:team/export|erase, /keys/:id/export|erase) ahead of the team and key routes.
adminRoutes.route('/', privacyAdmin);
adminRoutes.route('/breakers', breakerAdmin);
adminRoutes.route('/evals', adminEvals);
adminRoutes.route('/teams', adminTeams);
adminRoutes.route('/', admin);
