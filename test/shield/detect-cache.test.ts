import { describe, expect, it } from 'vitest';
import { shieldFor } from '../../src/flow/shield-request';
import { createShieldSession } from '../../src/shield';
import { detectEntities } from '../../src/shield/detect';
import { DETECTION_CACHE_ENTRIES, detectEntitiesCached, detectionCacheSize } from '../../src/shield/detect-cache';
import { ENTITY_TYPES, type EntityType } from '../../src/shield/types';
import { keySettingsSchema } from '../../src/tenancy/types';
import { keyWith } from '../routing/helpers';

const shieldOn = keySettingsSchema.parse({ shield: { mode: 'on' } });

const ALL = new Set<EntityType>(ENTITY_TYPES);
const ticket = (n: number) => `Ticket ${n}: Maria Keller (maria.keller@example.com, +49 30 901820) cannot export invoices.`;

describe('detection cache (identical texts of one key, isolate memory, hashes and spans only)', () => {
  it('detects a repeated text once per scope and answers it the same', () => {
    const text = `${ticket(1)} Repeated system prompt ${Math.random()}`;
    const before = detectionCacheSize();
    const first = detectEntitiesCached(text, ALL, 'key_a');
    expect(detectionCacheSize()).toBe(before + 1);
    const again = detectEntitiesCached(text, ALL, 'key_a');
    expect(detectionCacheSize()).toBe(before + 1);
    expect(again).toEqual(first);
    expect(first).toEqual(detectEntities(text, ALL));
    // Another key never reads this key's entries.
    detectEntitiesCached(text, ALL, 'key_b');
    expect(detectionCacheSize()).toBe(before + 2);
  });

  it('keys on the entity types asked for', () => {
    const text = `${ticket(2)} ${Math.random()}`;
    const all = detectEntitiesCached(text, ALL, 'key_a');
    const emails = detectEntitiesCached(text, new Set<EntityType>(['EMAIL']), 'key_a');
    expect(all.map((d) => d.type)).toContain('PERSON');
    expect(emails.map((d) => d.type)).toEqual(['EMAIL']);
    expect(detectEntitiesCached(text, ALL, 'key_a')).toEqual(all);
  });

  it('hands out copies: a caller changing its spans does not change the next answer', () => {
    const text = `${ticket(3)} ${Math.random()}`;
    const first = detectEntitiesCached(text, ALL, 'key_a');
    const expected = first.map((d) => ({ ...d }));
    for (const d of first) d.end = d.start;
    expect(detectEntitiesCached(text, ALL, 'key_a')).toEqual(expected);
    const second = detectEntitiesCached(text, ALL, 'key_a');
    second.length = 0;
    expect(detectEntitiesCached(text, ALL, 'key_a')).toEqual(expected);
  });

  it('is used by sessions with a scope, and gives the same placeholders as without', () => {
    const text = `${ticket(4)} ${Math.random()}`;
    const before = detectionCacheSize();
    const plain = createShieldSession().cloakText(text);
    expect(detectionCacheSize()).toBe(before);
    const scoped = createShieldSession({ cacheScope: 'key_a' }).cloakText(text);
    expect(detectionCacheSize()).toBe(before + 1);
    expect(createShieldSession({ cacheScope: 'key_a' }).cloakText(text)).toBe(plain);
    expect(scoped).toBe(plain);
    expect(plain).toContain('[EMAIL_1]');
  });

  it("shields each key's requests with the key as the scope", () => {
    const key = keyWith(shieldOn, `key_${Math.random()}`);
    const system = { role: 'system' as const, content: `You answer for Maria Keller's team. ${Math.random()}` };
    const before = detectionCacheSize();
    const first = shieldFor(key, { model: 'auto', messages: [system, { role: 'user', content: ticket(5) }] }, 'pepper');
    expect(detectionCacheSize()).toBe(before + 2);
    const second = shieldFor(key, { model: 'auto', messages: [system, { role: 'user', content: ticket(6) }] }, 'pepper');
    expect(detectionCacheSize()).toBe(before + 3); // the system prompt was detected once
    expect(second.request.messages[0]).toEqual(first.request.messages[0]);
    expect(JSON.stringify(second.request)).not.toContain('maria.keller@example.com');
  });

  it('stays bounded', () => {
    for (let i = 0; i < DETECTION_CACHE_ENTRIES + 50; i++) detectEntitiesCached(`call ${i} from +49 30 9018${i}`, ALL, 'key_bound');
    expect(detectionCacheSize()).toBeLessThanOrEqual(DETECTION_CACHE_ENTRIES);
  });
});
