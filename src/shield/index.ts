/**
 * llmshield: replaces personal data in requests by placeholders before they reach a provider and
 * puts the originals back into responses (whole or streamed). One session per request.
 */
export { pseudonymizeIdentifiers } from './identifiers';
export { ShieldJsonDepthError } from './json-walk';
export { createShieldSession, ShieldBlockedError } from './session';
export type { ShieldSession } from './session';
export { gatedStreamRestorer } from './stream-gate';
export { ENTITY_TYPES } from './types';
