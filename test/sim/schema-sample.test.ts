import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/sim/prng';
import { sampleFromSchema } from '../../src/sim/schema-sample';

const words = ['Paris', 'weather', 'tomorrow', 'umbrella'];

const schemas: Record<string, Record<string, unknown>> = {
  weather: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'City name' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      detailed: { type: 'boolean' },
    },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
  numbers: {
    type: 'object',
    properties: {
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      price: { type: 'number', minimum: 10, maximum: 10.5, multipleOf: 0.1 },
      even: { type: 'integer', minimum: 3, maximum: 9, multipleOf: 2 },
      negative: { type: 'integer', maximum: -5 },
      big: { type: 'number', minimum: 1000 },
    },
    required: ['ratio', 'price', 'even', 'negative', 'big'],
  },
  strings: {
    type: 'object',
    properties: {
      when: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      mail: { type: 'string', format: 'email' },
      link: { type: 'string', format: 'uri' },
      id: { type: 'string', format: 'uuid' },
      code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
      short: { type: 'string', maxLength: 3 },
      long: { type: 'string', minLength: 40 },
      fixed: { const: 'v1' },
    },
    required: ['when', 'day', 'mail', 'link', 'id', 'code', 'short', 'long', 'fixed'],
  },
  nested: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        minItems: 2,
        maxItems: 3,
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
          required: ['name', 'qty'],
        },
      },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, uniqueItems: true, minItems: 2 },
      address: {
        type: 'object',
        properties: { street: { type: 'string' }, zip: { type: ['string', 'null'] } },
        required: ['street', 'zip'],
      },
    },
    required: ['items', 'tags', 'address'],
  },
  composed: {
    $defs: { point: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x', 'y'] } },
    type: 'object',
    properties: {
      origin: { $ref: '#/$defs/point' },
      target: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/point' }] },
      mixed: {
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { properties: { b: { type: 'integer' } }, required: ['b'] },
        ],
      },
      kind: { oneOf: [{ type: 'string', enum: ['x'] }, { type: 'integer' }] },
    },
    required: ['origin', 'target', 'mixed', 'kind'],
  },
  tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], minItems: 2 },
};

describe('sampleFromSchema (simulation)', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`produces values valid against the ${name} schema across 50 seeds`, () => {
      const validator = new Validator(schema as never, '2020-12');
      for (let seed = 0; seed < 50; seed++) {
        const value = sampleFromSchema(schema, { rng: createPrng(seed), words });
        const result = validator.validate(value);
        expect(result.errors, `${name} seed ${seed}: ${JSON.stringify(value)}`).toEqual([]);
      }
    });
  }

  it('fills strings with words from the user text and is deterministic per seed', () => {
    const a = sampleFromSchema(schemas.weather, { rng: createPrng(7), words });
    const b = sampleFromSchema(schemas.weather, { rng: createPrng(7), words });
    expect(a).toEqual(b);
    expect(words).toContain((a as { city: string }).city);
  });

  it('understands Gemini upper-case type names', () => {
    const value = sampleFromSchema(
      { type: 'OBJECT', properties: { n: { type: 'INTEGER', minimum: 2, maximum: 4 }, s: { type: 'STRING' } }, required: ['n', 's'] },
      { rng: createPrng(1), words },
    ) as { n: number; s: string };
    expect(Number.isInteger(value.n) && value.n >= 2 && value.n <= 4).toBe(true);
    expect(typeof value.s).toBe('string');
  });

  it('includes some optional properties across seeds, not all or none', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      for (const key of Object.keys(sampleFromSchema(schemas.weather, { rng: createPrng(seed), words }) as object)) seen.add(key);
    }
    expect([...seen].sort()).toEqual(['city', 'days', 'detailed', 'unit']);
  });

  it('samples required names that are Object.prototype members, and a "__proto__" property', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"integer"}},"required":["constructor","toString","__proto__"]}',
    );
    const value = sampleFromSchema(schema, { rng: createPrng(3), words }) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(typeof JSON.parse(JSON.stringify(value)).__proto__).toBe('number');
    expect(typeof value.constructor).toBe('string');
  });
});
