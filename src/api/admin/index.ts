import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { breakerAdmin } from './breakers';
import { adminEvals } from './evals';
import { admin } from './keys';

/** Every /admin route; the more specific mounts go first, as each sub-app guards its own routes. */
export const adminRoutes = new Hono<AppEnv>();
adminRoutes.route('/breakers', breakerAdmin);
adminRoutes.route('/evals', adminEvals);
adminRoutes.route('/', admin);
