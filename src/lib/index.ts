/** Public surface of src/lib: what other modules import. Imports from outside the module go through this file. */
export { fnv1a, fnv1aMixed } from './fnv1a';
export { mulberry32 } from './mulberry32';
export { betaDraw, seededRandom } from './sampling';
export { ciOf, poolRows, wilsonInterval } from './wilson';
