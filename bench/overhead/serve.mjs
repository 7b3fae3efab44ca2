// Serves a Worker for the overhead benchmark the way `wrangler dev` does (same bundler, same workerd), but
// through wrangler's programmatic API so that the inspector can be left off. `wrangler dev` always connects
// its inspector proxy to the runtime and sends `Network.enable`; workerd then reports every subrequest and
// every chunk of its body over the DevTools protocol, which production does not do and which cost streams
// most of their throughput (bench/overhead/README.md, finding 7).
//
//   node bench/overhead/serve.mjs --config wrangler.toml --port 8787 [--inspector] [--migrate] [--var NAME:value]...
//
// Prints `ready <url>` once the worker answers. SIGTERM disposes the worker (and its workerd processes).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { unstable_startWorker } from 'wrangler';

const argv = process.argv.slice(2);
const value = (name) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const config = resolve(value('config') ?? 'wrangler.toml');
const port = Number(value('port') ?? 8787);
const bindings = {};
argv.forEach((arg, i) => {
  if (arg !== '--var') return;
  const [name, ...rest] = argv[i + 1].split(':');
  bindings[name] = { type: 'plain_text', value: rest.join(':') };
});

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };
if (argv.includes('--migrate')) {
  const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--config', config], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
    cwd: dirname(config),
  });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
}

process.env.WRANGLER_SEND_METRICS = 'false';
const worker = await unstable_startWorker({
  config,
  bindings,
  dev: {
    server: { hostname: '127.0.0.1', port },
    inspector: argv.includes('--inspector') ? { hostname: '127.0.0.1', port: 0 } : false,
    persist: join(dirname(config), '.wrangler/state'),
    logLevel: 'warn',
    watch: false,
  },
});
await worker.ready;
console.log(`ready ${(await worker.url).href}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await worker.dispose().catch(() => undefined);
    process.exit(0);
  });
}
