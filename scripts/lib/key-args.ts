// Deep import: the tenancy barrel also exports the KeyGuard Durable Object, which Node cannot load.
import { KEY_SCOPES, type KeyScope } from '../../src/tenancy/types';

/**
 * Arguments of `npm run key:create`. A plain parser rather than node:util's parseArgs so the tests
 * (inside workerd, which lacks parseArgs) can check the defaults the script really uses.
 */

export interface KeyCreateArgs {
  name: string;
  team: string;
  scopes: KeyScope[];
}

export const KEY_CREATE_USAGE = 'usage: npm run key:create -- --name NAME [--team TEAM] [--scopes api[,dashboard][,keys:manage]]';

const DEFAULTS = { team: 'default', scopes: 'api' };

export function parseKeyCreateArgs(args: readonly string[]): KeyCreateArgs {
  const values: Record<string, string> = { ...DEFAULTS };
  for (let i = 0; i < args.length; i++) {
    const m = /^--(name|team|scopes)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new Error(`unknown argument '${args[i]}'\n${KEY_CREATE_USAGE}`);
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${KEY_CREATE_USAGE}`);
    values[m[1]] = value;
  }
  if (!values.name) throw new Error(`--name is required\n${KEY_CREATE_USAGE}`);
  const scopes = [
    ...new Set(
      values.scopes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = scopes.filter((s) => !(KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown scope ${unknown.join(', ')}: use ${KEY_SCOPES.join(', ')}`);
  if (!scopes.length) throw new Error(`give at least one scope: ${KEY_SCOPES.join(', ')}`);
  return { name: values.name, team: values.team, scopes: scopes as KeyScope[] };
}
