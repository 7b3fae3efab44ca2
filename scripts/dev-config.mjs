// Local development settings shared by `npm run dev` and `npm run key:create`.
// Values in .dev.vars (git-ignored) win; these defaults only make a fresh checkout work.
import { existsSync, readFileSync } from 'node:fs';

export function devVars() {
  const vars = { CAILOS_SIMULATE: 'true', ADMIN_SECRET: 'dev-admin-secret', KEY_PEPPER: 'dev-pepper-change-me' };
  if (existsSync('.dev.vars')) {
    for (const line of readFileSync('.dev.vars', 'utf8').split('\n')) {
      const m = /^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/.exec(line);
      if (m) vars[m[1]] = m[2];
    }
  }
  return vars;
}
