import { describe, expect, it } from 'vitest';
import { parseTiming, stageTimer, withTiming } from '../../src/flow/timing';

describe('x-cailos-timing', () => {
  it('is off unless CAILOS_DEBUG_TIMING is "true"', () => {
    expect(stageTimer({})).toBeNull();
    expect(stageTimer({ CAILOS_DEBUG_TIMING: 'false' })).toBeNull();
    expect(withTiming({ a: '1' }, null)).toEqual({ a: '1' });
  });

  it('reports the time between marks per stage, and parses back', () => {
    const clock = [10, 10.25, 12.25, 62.5];
    const timer = stageTimer({ CAILOS_DEBUG_TIMING: 'true' }, () => clock.shift()!)!;
    timer.mark('classify');
    timer.mark('route');
    timer.mark('upstream');
    const headers = withTiming({}, timer);
    expect(headers['x-cailos-timing']).toBe('classify;dur=0.250, route;dur=2.000, upstream;dur=50.250');
    expect(parseTiming(headers['x-cailos-timing'])).toEqual({ classify: 0.25, route: 2, upstream: 50.25 });
  });
});
