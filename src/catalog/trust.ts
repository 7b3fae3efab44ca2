import type { TrustEvidence, TrustLevel } from './types';

/**
 * The product's trust levels, applied to a provider's DEFAULT API terms:
 *
 *   0 Low       no specific guarantees; data may be used for training or stored indefinitely
 *               (community-hosted open models, free tiers with no SLA).
 *   1 Standard  TLS, standard commercial terms; retention and training policies documented but may
 *               let the provider keep or use inputs/outputs (OpenAI default, Groq, Together).
 *   2 High      SOC 2 Type II and/or GDPR; explicitly does not train on customer data; inputs and
 *               outputs not stored beyond the request lifecycle unless the customer opts in
 *               (Anthropic with data retention off, OpenAI Enterprise, Google Cloud AI with a DPA).
 *   3 Maximum   hardware-attested enclaves, zero-knowledge inference, on-premise (Tinfoil, self-hosted).
 *
 * So 30 or 55 days of abuse-monitoring retention is level 1 on default terms; the agreements that
 * turn it off are recorded per deployment as TRUST_OVERRIDES (src/catalog/overrides.ts).
 */
export const TRUST_LABELS: Readonly<Record<TrustLevel, string>> = Object.freeze({ 0: 'low', 1: 'standard', 2: 'high', 3: 'maximum' });

/** The highest level the evidence supports; a provider's catalog level must equal it. */
export function maxTrustFromEvidence(e: TrustEvidence): TrustLevel {
  // Training on inputs caps everything, even hardware isolation (the operator would feed the trainer).
  if (e.trainsOnInputs === true) return 0;
  if (e.enclave === true || e.onPremise === true) return 3;
  if (!e.policyFound) return 1;
  const noRetention = e.retentionDays === 0;
  const noTraining = e.trainsOnInputs === false;
  return noRetention && noTraining && e.compliance.length > 0 ? 2 : 1;
}

/** Why the evidence stops at its level, for traces and the admin view. */
export function trustLimitReason(e: TrustEvidence): string {
  if (e.trainsOnInputs === true) return 'may train on inputs';
  if (e.enclave === true) return 'attested enclave';
  if (e.onPremise === true) return 'on-premise';
  if (!e.policyFound) return 'no data policy found';
  if (e.retentionDays === null) return 'retention not documented';
  if (e.retentionDays > 0) return `inputs kept up to ${e.retentionDays} days`;
  if (e.trainsOnInputs === null) return 'training not addressed';
  if (e.compliance.length === 0) return 'no confirmed SOC 2 / GDPR commitment';
  return `no retention, no training, ${e.compliance.join(' + ')}`;
}
