/** Public surface of src/lib: what other modules import. Imports from outside the module go through this file. */
export { plainDecimal } from './decimal';
export { fmix32, fnv1a, fnv1aMixed } from './fnv1a';
export { mulberry32 } from './mulberry32';
export { betaDraw, seededRandom } from './sampling';
export { ciOf, poolRows, wilsonInterval } from './wilson';
export { base64ToFloat32, float32ToBase64 } from './float32-base64';
export { hkdfAesGcmKey, openBytes, sealBytes, fromBase64Url, toBase64Url } from './sealing';
export { deflateRaw, inflateRaw } from './deflate';
