/**
 * llmshield: replaces personal data in requests by placeholders before they reach a provider and
 * puts the originals back into responses (whole or streamed). One session per request.
 */
export { createShieldSession, ShieldBlockedError } from './session';
export type { ShieldSession, StreamRestorer } from './session';
export { detectEntities } from './detect';
export { pseudonymizeIdentifiers } from './identifiers';
export { ShieldJsonDepthError } from './json-walk';
export { ENTITY_TYPES } from './types';
export type { Detection, EntityType, ShieldMode, ShieldPolicy } from './types';
