// Finds a Chromium for the dashboard's end-to-end tests, installing Debian's package when it can.
// npm never downloads a browser here (no network but the package registries), so the browser comes
// from the system: CHROMIUM_PATH, else /usr/bin/chromium, else `apt-get install chromium` when this
// process may run apt-get (root). Prints the executable's path as its last line; exits 1 with a
// message saying what to do when none can be had.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function found() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return existsSync(DEFAULT_PATH) ? DEFAULT_PATH : null;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

let path = found();
if (!path && canApt()) {
  console.log("ensure-chromium: no Chromium found; installing Debian's chromium package (apt-get)…");
  if (run('apt-get', ['update', '-q']) && run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'])) path = found();
}
if (!path) {
  console.error(
    'ensure-chromium: the dashboard end-to-end tests need Chromium and none could be found or installed.\n' +
      '  Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable,\n' +
      '  or run only the workerd suite with `npm run test:unit`.',
  );
  process.exit(1);
}
console.log(path);
