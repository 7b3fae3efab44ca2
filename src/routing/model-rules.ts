import type { Endpoint } from '../catalog';
import type { KeySettings } from '../tenancy';

/**
 * A key's model allow/deny rules (settings `allowModels`, `denyModels`), compiled once per settings
 * object. A rule is a model family, an upstream model id, a provider or an endpoint id, matched
 * case-insensitively against each of them; `family:`, `model:`, `provider:` or `endpoint:` in front
 * restricts it to one (a bare "openai" names the provider, a bare "gpt-4o" the family).
 */

export const RULE_KINDS = ['endpoint', 'family', 'model', 'provider'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface ModelRule {
  /** As the key's settings spell it, for traces and errors. */
  text: string;
  kind?: RuleKind;
  value: string;
}

export interface ModelPolicy {
  /** null: every model is allowed (no allow list); an empty list allows none. */
  allow: ModelRule[] | null;
  deny: ModelRule[];
  /** The allow list as quoted in drop reasons (the first few rules). */
  allowText: string;
  /** One line for the trace: the rules in force. */
  note: string;
}

export function compileRule(text: string): ModelRule {
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon).trim().toLowerCase() : '';
  // Model ids may contain ':' themselves ("…:free"); only a known kind before it is a qualifier.
  if ((RULE_KINDS as readonly string[]).includes(kind))
    return {
      text,
      kind: kind as RuleKind,
      value: text
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    };
  return { text, value: text.trim().toLowerCase() };
}

const SHOWN_RULES = 5;

function quoted(rules: readonly ModelRule[]): string {
  const shown = rules.slice(0, SHOWN_RULES).map((r) => `'${r.text}'`);
  if (rules.length > SHOWN_RULES) shown.push(`… ${rules.length} rules`);
  return shown.join(', ');
}

const policies = new WeakMap<KeySettings, ModelPolicy | null>();

/** The compiled rules of these settings; null when they have none (the stage then does nothing). */
export function modelPolicy(settings: KeySettings): ModelPolicy | null {
  let policy = policies.get(settings);
  if (policy !== undefined) return policy;
  const allow = settings.allowModels ? settings.allowModels.map(compileRule) : null;
  const deny = (settings.denyModels ?? []).map(compileRule);
  if (!allow && deny.length === 0) policy = null;
  else {
    const allowText = quoted(allow ?? []) || 'empty';
    const parts = [...(allow ? [`allow ${allowText}`] : []), ...(deny.length ? [`deny ${quoted(deny)}`] : [])];
    policy = { allow, deny, allowText, note: `key rules: ${parts.join('; ')}` };
  }
  policies.set(settings, policy);
  return policy;
}

/** Each endpoint's names, lowercased once. */
const names = new WeakMap<Endpoint, readonly [RuleKind, string, string][]>();

function namesOf(e: Endpoint): readonly [RuleKind, string, string][] {
  let n = names.get(e);
  if (!n) {
    n = [
      ['endpoint', e.id, e.id.toLowerCase()],
      ['family', e.codename, e.codename.toLowerCase()],
      ['model', e.model, e.model.toLowerCase()],
      ['provider', e.provider, e.provider.toLowerCase()],
    ];
    names.set(e, n);
  }
  return n;
}

/** What of the endpoint the rule names ("provider groq"), or null when it names nothing of it. */
export function ruleMatch(rule: ModelRule, e: Endpoint): string | null {
  for (const [kind, name, lower] of namesOf(e)) if ((!rule.kind || rule.kind === kind) && lower === rule.value) return `${kind} ${name}`;
  return null;
}

/** Why the policy excludes the endpoint (naming the rule), or null when it is allowed. Deny wins. */
export function policyRejects(policy: ModelPolicy, e: Endpoint): string | null {
  for (const rule of policy.deny) {
    const hit = ruleMatch(rule, e);
    if (hit) return `deny rule '${rule.text}' (${hit})`;
  }
  if (policy.allow && !policy.allow.some((rule) => ruleMatch(rule, e))) return `not in allow list (${policy.allowText})`;
  return null;
}
