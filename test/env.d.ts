import type { D1Migration } from 'cloudflare:test';
import type { Env as CailosEnv } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends CailosEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
export {};
