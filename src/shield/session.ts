import type { ChatRequest } from '../hub';
import { detectEntities } from './detect';
import { detectEntitiesCached } from './detect-cache';
import { findKnownValues, namesAPerson, withKnownValues } from './known-values';
import { ChannelRestorer, jsonStringEscape, noEscape, restoreWith, type TokenVault } from './restore';
import { LABELS, formatToken, scanTokens, tokenKey } from './tokens';
import { type Detection, ENTITY_TYPES, type EntityType, type ShieldMode, type ShieldPolicy } from './types';
import { walkRequestTexts } from './walk';

/** Thrown by block-mode sessions; the message names entity types only, never values. */
export class ShieldBlockedError extends Error {
  readonly types: EntityType[];
  constructor(types: EntityType[]) {
    super(`request blocked by llmshield: contains ${types.join(', ')}`);
    this.name = 'ShieldBlockedError';
    this.types = types;
  }
}

export interface StreamRestorer {
  pushContent(delta: string): string;
  pushToolArguments(index: number, delta: string): string;
  flush(): { content: string; toolArguments: Record<number, string> };
}

export interface ShieldSession {
  readonly mode: ShieldMode;
  cloakText(text: string): string;
  cloakRequest(req: ChatRequest): ChatRequest;
  found(): Record<EntityType, number>;
  restoreText(text: string): string;
  restoreToolArguments(json: string): string;
  createStreamRestorer(): StreamRestorer;
}

/** Values are keyed per type after light normalization so `4111 1111…` and `4111-1111…` share a token. */
function normalizeValue(type: EntityType, value: string): string {
  switch (type) {
    case 'EMAIL':
      return value.toLowerCase();
    case 'CREDIT_CARD':
    case 'PHONE':
    case 'US_SSN':
      return value.replace(/[^0-9+x]/gi, '').toLowerCase();
    case 'IBAN':
      return value.replace(/\s+/g, '').toUpperCase();
    case 'IP_ADDRESS':
      return value.toLowerCase();
    default:
      return value;
  }
}

class Session implements ShieldSession, TokenVault {
  readonly mode: ShieldMode;
  private readonly entities: ReadonlySet<EntityType>;
  private readonly cacheScope: string | undefined;
  // The value map lives only here, for the life of one request.
  private readonly byValue = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly reserved = new Set<string>();
  /** Message names, each with the entity type its placeholder gets. */
  private readonly nameTypes = new Map<string, EntityType>();
  /** The names that read as a person's name: their occurrences in texts are cloaked too. */
  private readonly knownNames = new Map<string, EntityType>();
  private readonly issuedLabels = new Set<string>();
  private readonly numberPrefixes = new Set<string>();
  private longest = 0;
  private readonly counts: Record<EntityType, number>;

  constructor(policy: ShieldPolicy = {}) {
    this.mode = policy.mode ?? 'on';
    this.entities = new Set(policy.entities ?? ENTITY_TYPES);
    this.cacheScope = policy.cacheScope;
    this.counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  }

  /* ---------- TokenVault ---------- */
  lookup(key: string): string | undefined {
    return this.byKey.get(key);
  }
  labels(): ReadonlySet<string> {
    return this.issuedLabels;
  }
  numberPrefixIssued(label: string, digits: string): boolean {
    return this.numberPrefixes.has(`${label}_${digits}`);
  }
  longestToken(): number {
    return this.longest;
  }

  /* ---------- cloaking ---------- */

  /** Placeholder look-alikes already in the input are never issued, so they survive restoration untouched. */
  private reserve(text: string): void {
    for (const t of scanTokens(text)) this.reserved.add(t.key);
  }

  private tokenFor(type: EntityType, value: string): string {
    const id = `${type}\u0000${normalizeValue(type, value)}`;
    const existing = this.byValue.get(id);
    if (existing) return existing;
    const label = LABELS[type];
    let n = this.counters.get(label) ?? 0;
    do n++;
    while (this.reserved.has(tokenKey(label, n)));
    this.counters.set(label, n);
    const token = formatToken(label, n);
    this.byValue.set(id, token);
    this.byKey.set(tokenKey(label, n), value);
    this.issuedLabels.add(label);
    const digits = String(n);
    for (let i = 1; i <= digits.length; i++) this.numberPrefixes.add(`${label}_${digits.slice(0, i)}`);
    this.longest = Math.max(this.longest, token.length);
    return token;
  }

  private detect(text: string): Detection[] {
    const found =
      this.cacheScope === undefined ? detectEntities(text, this.entities) : detectEntitiesCached(text, this.entities, this.cacheScope);
    return this.knownNames.size === 0 ? found : withKnownValues(found, findKnownValues(text, this.knownNames));
  }

  private cloakReserved(text: string): string {
    const found = this.detect(text);
    if (found.length === 0) return text;
    const parts: string[] = [];
    let last = 0;
    for (const d of found) {
      parts.push(text.slice(last, d.start), this.tokenFor(d.type, text.slice(d.start, d.end)));
      this.counts[d.type]++;
      last = d.end;
    }
    parts.push(text.slice(last));
    return parts.join('');
  }

  private blockIfFound(texts: string[]): void {
    const types = new Set<EntityType>();
    for (const t of texts) for (const d of this.detect(t)) types.add(d.type);
    if (types.size === 0) return;
    for (const t of types) this.counts[t]++;
    throw new ShieldBlockedError(ENTITY_TYPES.filter((t) => types.has(t)));
  }

  cloakText(text: string): string {
    if (this.mode === 'off') return text;
    if (this.mode === 'block') {
      this.blockIfFound([text]);
      return text;
    }
    this.reserve(text);
    return this.cloakReserved(text);
  }

  /**
   * A message's `name` is a participant's name: personal data as a whole, not only where a detector
   * fires. It becomes one placeholder, of the type a detector gives the whole name (else PERSON);
   * when it reads as a person's name its occurrences in the request's texts get that placeholder too.
   */
  private registerName(name: string): void {
    if (name.trim() === '' || this.nameTypes.has(name)) return;
    const found = detectEntities(name, this.entities);
    const whole = found.length === 1 && found[0].start === 0 && found[0].end === name.length ? found[0].type : 'PERSON';
    this.nameTypes.set(name, whole);
    if (whole === 'PERSON' && namesAPerson(name)) this.knownNames.set(name, whole);
  }

  private cloakWholeName(name: string): string {
    const type = this.nameTypes.get(name);
    if (!type) return name;
    this.counts[type]++;
    return this.tokenFor(type, name);
  }

  cloakRequest(req: ChatRequest): ChatRequest {
    if (this.mode === 'off') return req;
    // Names are whole entities only while PERSON is covered; otherwise they are text like any other.
    const wholeNames = this.entities.has('PERSON');
    const texts: string[] = [];
    const names: string[] = [];
    walkRequestTexts(req, {
      text: (t) => (texts.push(t), t),
      name: (n) => ((wholeNames ? names : texts).push(n), n),
    });
    for (const n of names) this.registerName(n);
    if (this.mode === 'block') this.blockIfFound(texts);
    // Reserve across the whole request first so numbering does not depend on which message holds a look-alike.
    for (const t of texts) this.reserve(t);
    for (const n of names) this.reserve(n);
    if (this.mode === 'block') {
      // Nothing detectable is left in the texts in block mode; names still never leave as given.
      if (names.length === 0) return req;
      return walkRequestTexts(req, { text: (t) => t, name: (n) => this.cloakWholeName(n) });
    }
    return walkRequestTexts(req, {
      text: (t) => this.cloakReserved(t),
      name: (n) => (wholeNames ? this.cloakWholeName(n) : this.cloakReserved(n)),
    });
  }

  found(): Record<EntityType, number> {
    return { ...this.counts };
  }

  /* ---------- restoring ---------- */

  restoreText(text: string): string {
    return restoreWith(this, text, noEscape);
  }

  restoreToolArguments(json: string): string {
    // Textual scan keeps the model's formatting; values are escaped for a JSON string literal.
    return restoreWith(this, json, jsonStringEscape);
  }

  createStreamRestorer(): StreamRestorer {
    const content = new ChannelRestorer(this, noEscape);
    const tools = new Map<number, ChannelRestorer>();
    const tool = (index: number): ChannelRestorer => {
      let r = tools.get(index);
      if (!r) {
        r = new ChannelRestorer(this, jsonStringEscape);
        tools.set(index, r);
      }
      return r;
    };
    return {
      pushContent: (delta) => content.push(delta),
      pushToolArguments: (index, delta) => tool(index).push(delta),
      flush: () => {
        const toolArguments: Record<number, string> = {};
        for (const [index, r] of tools) toolArguments[index] = r.flush();
        return { content: content.flush(), toolArguments };
      },
    };
  }
}

export function createShieldSession(policy?: ShieldPolicy): ShieldSession {
  return new Session(policy);
}
