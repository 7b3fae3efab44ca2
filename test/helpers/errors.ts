import { UpstreamError } from '../../src/providers';

/** Runs `fn`, which must throw an UpstreamError, and returns it for assertions on its failure. */
export function thrownUpstreamError(fn: () => unknown): UpstreamError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UpstreamError) return err;
    throw err;
  }
  throw new Error('expected an UpstreamError');
}
