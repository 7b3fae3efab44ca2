import { afterEach, describe, expect, it } from 'vitest';
import { clearSimFaults, listSimFaults, setSimFault, takeFault } from '../../src/sim/faults';

afterEach(() => clearSimFaults());

describe('simulated fault registry', () => {
  it('matches endpoint ids, provider prefixes and "*", most specific first', () => {
    setSimFault('*', 'http_500');
    setSimFault('groq/', 'rate_limit', { retryAfterSeconds: 7 });
    setSimFault('groq/llama-3.3-70b', 'slow');
    expect(takeFault('groq/llama-3.3-70b')?.fault).toBe('slow');
    expect(takeFault('groq/other')).toEqual({ fault: 'rate_limit', target: 'groq/', retryAfterSeconds: 7 });
    expect(takeFault('together/llama')?.fault).toBe('http_500');
    expect(takeFault('groqx/llama')?.fault).toBe('http_500');
  });

  it('returns nothing when no fault is set', () => {
    expect(takeFault('openai/gpt-4o')).toBeUndefined();
  });

  it('counts down times and then removes the fault', () => {
    setSimFault('a/b', 'http_503', { times: 2 });
    expect(listSimFaults()).toMatchObject([{ target: 'a/b', fault: 'http_503', remaining: 2, hits: 0 }]);
    expect(takeFault('a/b')?.fault).toBe('http_503');
    expect(listSimFaults()).toMatchObject([{ remaining: 1, hits: 1 }]);
    expect(takeFault('a/b')?.fault).toBe('http_503');
    expect(takeFault('a/b')).toBeUndefined();
    expect(listSimFaults()).toEqual([]);
  });

  it('falls through to a less specific fault once the specific one is used up', () => {
    setSimFault('*', 'overloaded');
    setSimFault('a/b', 'bad_request', { times: 1 });
    expect(takeFault('a/b')?.fault).toBe('bad_request');
    expect(takeFault('a/b')?.fault).toBe('overloaded');
  });

  it('fires with the given probability, reproducibly for a seed', () => {
    const draw = (seed: number) => {
      clearSimFaults();
      setSimFault('*', 'http_500', { probability: 0.3, seed });
      return Array.from({ length: 1000 }, () => takeFault('x/y') !== undefined);
    };
    const first = draw(42);
    expect(draw(42)).toEqual(first);
    expect(draw(43)).not.toEqual(first);
    const rate = first.filter(Boolean).length / first.length;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
  });

  it('counts only hits against times when probabilistic', () => {
    setSimFault('a/b', 'http_500', { probability: 0.5, times: 3, seed: 1 });
    let hits = 0;
    for (let i = 0; i < 100; i++) if (takeFault('a/b')) hits++;
    expect(hits).toBe(3);
  });

  it('replaces the fault of a target set twice and rejects bad options', () => {
    setSimFault('a/b', 'http_500');
    setSimFault('a/b', 'slow');
    expect(listSimFaults().map((f) => f.fault)).toEqual(['slow']);
    expect(() => setSimFault('a/b', 'nope' as never)).toThrow(/unknown fault/);
    expect(() => setSimFault('a/b', 'slow', { probability: 2 })).toThrow(/probability/);
    expect(() => setSimFault('a/b', 'slow', { times: 0 })).toThrow(/times/);
    clearSimFaults('a/b');
    expect(listSimFaults()).toEqual([]);
  });
});
