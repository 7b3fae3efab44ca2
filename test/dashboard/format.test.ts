import { describe, expect, it } from 'vitest';
import { statusLabel } from '../../src/dashboard/format';

describe('statusLabel', () => {
  it('names a client that hung up apart from errors', () => {
    expect(statusLabel(200)).toBe('ok');
    expect(statusLabel(499)).toBe('client closed');
    expect(statusLabel(502)).toBe('error 502');
    expect(statusLabel(429)).toBe('error 429');
  });
});
