import { expect, it } from 'vitest';
import js from 'uplot/dist/uPlot.iife.min.js';
import css from 'uplot/dist/uPlot.min.css';
it('loads', () => {
  expect(typeof js).toBe('string');
  expect(js.length).toBeGreaterThan(40000);
  expect(css).toContain('.uplot');
});
