/** Public surface of src/tenancy: what other modules import. Imports from outside the module go through this file. */
export { presentedKey, requireAdmin, requireKey, safeEqual } from './auth';
export { changedFields, inheritLimits, scopeProblem, settingsProblems } from './grants';
export type { GrantProblem } from './grants';
export { evictKey, resolveKey } from './key-cache';
export { KeyGuard } from './key-guard';
export { createChildKey, createKey, getKey, listKeys, loadKeyByHash, pepperOf, revokeKey, updateKeySettings } from './key-store';
export { hashApiKey, looksLikeApiKey, randomBase62 } from './keys';
export { admitRequest, reserveSpend, settleSpend } from './quota';
export {
  canManageKeys,
  canViewDashboard,
  DEFAULT_MIN_TRUST_LEVEL,
  KEY_SCOPES,
  keyScopesSchema,
  keySettingsPatch,
  SHIELD_MODES,
} from './types';
export type { KeyRecord, KeyScope, KeySettings } from './types';
export type { SpendHold } from './quota';
