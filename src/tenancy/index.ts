/** Public surface of src/tenancy: what other modules import. Imports from outside the module go through this file. */
export { presentedKey, requireAdmin, requireKey, safeEqual } from './auth';
export { changedFields, inheritLimits, scopeProblem, settingsProblems } from './grants';
export type { GrantProblem } from './grants';
export { evictKey, resolveKey } from './key-cache';
export { eraseGuards, forgetTeamRecord, guardNames, guardUsage, revokeForErasure } from './erasure';
export { instant, keyExpired } from './key-fields';
export { KeyGuard } from './key-guard';
export { DEFAULT_ROTATION_GRACE_SECONDS, MAX_ROTATION_GRACE_SECONDS, rotateKey, rotationRequest } from './key-rotation';
export { createChildKey, createKey, getKey, listKeys, loadKeyByHash, pepperOf, revokeKey, updateKeySettings } from './key-store';
export { hashApiKey, looksLikeApiKey, randomBase62 } from './keys';
export { limitsView, teamLimitsView } from './limits-view';
export type { BudgetView, ScopeView } from './limits-view';
export { admitRequest, reserveSpend, reserveUsage, settleSpend } from './quota';
export { rateLimitHeaders } from './rate-headers';
export { evictTeam } from './team-cache';
export { DEFAULT_ALERT_THRESHOLDS, teamSettingsPatch, webhookSecretSchema, webhookUrlSchema } from './team-settings';
export type { TeamRecord, TeamSettings } from './team-settings';
export { getTeam, listTeams, writeTeam } from './team-store';
export type { TeamChange, TeamView } from './team-store';
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
