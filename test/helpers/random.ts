/** Seeded generator for randomized tests, so a failure reproduces from its seed. */
export { mulberry32 as seededRandom } from '../../src/lib/mulberry32';
