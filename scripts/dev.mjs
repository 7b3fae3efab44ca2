// `npm run dev`: apply D1 migrations to the local database, then serve the gateway on
// http://127.0.0.1:8787 with the simulated fleet for every provider without a key.
import { spawn, spawnSync } from 'node:child_process';
import { devVars } from './dev-config.mjs';

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...env, CI: 'true' }, // non-interactive: apply without the confirmation prompt
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const vars = devVars();
const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', process.env.PORT ?? '8787'];
// .dev.vars is read by wrangler itself; --var only fills what it does not set.
for (const name of ['CAILOS_SIMULATE', 'ADMIN_SECRET', 'KEY_PEPPER']) args.push('--var', `${name}:${vars[name]}`);
args.push(...process.argv.slice(2));
const child = spawn('npx', args, { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
