// `npm run key:create -- --name NAME [--team TEAM] [--scopes api,dashboard,keys:manage]`
// Creates a key in the LOCAL dev database (works whether or not `npm run dev` runs). Scopes default
// to `api` only; add `dashboard` (read-only dashboard) or `keys:manage` (manage the team's keys).
// The last line printed is the key; it is shown only this once.
import { spawnSync } from 'node:child_process';
import { devVars } from './dev-config.mjs';
import { parseKeyCreateArgs } from './lib/key-args';
import { displayPrefix, generateApiKey, hashApiKey } from '../src/tenancy/keys';
import { keySettingsSchema } from '../src/tenancy/types';

let values: ReturnType<typeof parseKeyCreateArgs>;
try {
  values = parseKeyCreateArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };
const wrangler = (...args: string[]) => {
  const r = spawnSync('npx', ['wrangler', ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(r.status ?? 1);
  }
};

const apiKey = generateApiKey();
const hash = await hashApiKey(apiKey, devVars().KEY_PEPPER);
const id = `key_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
const now = Date.now();
const scopes = JSON.stringify(values.scopes);
const settings = JSON.stringify(keySettingsSchema.parse({}));
wrangler('d1', 'migrations', 'apply', 'DB', '--local');
wrangler(
  'd1',
  'execute',
  'DB',
  '--local',
  '--command',
  `INSERT OR IGNORE INTO teams (id, name, created_at) VALUES (${sqlString(values.team)}, ${sqlString(values.team)}, ${now}); ` +
    `INSERT INTO api_keys (id, team_id, name, key_hash, key_prefix, scopes, settings, created_at) VALUES (${sqlString(id)}, ${sqlString(values.team)}, ${sqlString(values.name)}, ${sqlString(hash)}, ${sqlString(displayPrefix(apiKey))}, ${sqlString(scopes)}, ${sqlString(settings)}, ${now});`,
);
console.log(`Created key ${id} "${values.name}" for team ${values.team} in the local dev database. Store it now; it is not shown again:`);
console.log(apiKey);
