import { createHmac } from 'node:crypto';
import type { ChatRequest } from '../hub';
import { IDENTIFIER_FIELDS } from './walk';

/**
 * End-user identifiers (`user`, `safety_identifier`, `prompt_cache_key`) leave as a keyed hash:
 * HMAC-SHA-256 under a key derived from the deployment's KEY_PEPPER, over the team id and the value,
 * as 32 hex digits (128 bits). The same end user of the same team always gets the same id, so a
 * provider's abuse tracking and prompt caching keep working; without the pepper nobody can test a
 * guessed e-mail address against it, and two teams' users never share an id.
 */

const DIGEST_HEX = 32;
const DERIVATION_LABEL = 'cailos llmshield end-user identifier v1';

// One derived key per pepper (a deployment has one), so each request costs a single HMAC.
const derivedKeys = new Map<string, Buffer>();

function derivedKey(pepper: string): Buffer {
  let key = derivedKeys.get(pepper);
  if (!key) {
    key = createHmac('sha256', pepper).update(DERIVATION_LABEL).digest();
    derivedKeys.set(pepper, key);
  }
  return key;
}

export function pseudonymousId(pepper: string, scope: string, value: string): string {
  return createHmac('sha256', derivedKey(pepper)).update(`${scope}\u0000${value}`).digest('hex').slice(0, DIGEST_HEX);
}

/**
 * A copy of req whose identifier fields are hashed. Without a pepper, and for values that are not
 * strings (never valid there), the field is dropped: an identifier is never forwarded as sent.
 */
export function pseudonymizeIdentifiers(req: ChatRequest, pepper: string | undefined, scope: string): ChatRequest {
  const out: ChatRequest = { ...req };
  for (const field of IDENTIFIER_FIELDS) {
    const value = req[field];
    if (value === undefined) continue;
    if (typeof value === 'string' && pepper) out[field] = pseudonymousId(pepper, scope, value);
    else delete out[field];
  }
  return out;
}
