import { createShieldSession, gatedStreamRestorer, pseudonymizeIdentifiers, ShieldBlockedError, ShieldJsonDepthError } from '../shield';
import type { KeyRecord } from '../tenancy';
import { type ChatRequest, ApiError } from '../hub';
import type { OutputFilter } from './output-filter';

export interface ShieldedRequest {
  /** What the provider sees: PII replaced by placeholders. */
  request: ChatRequest;
  filter?: OutputFilter;
  /** Entity counts for the trace (never values), or 'off'. */
  summary: Record<string, number> | 'off';
}

/**
 * llmshield on the request path, per the key's policy: cloak before any provider sees the request,
 * restore on the way back (whole messages and streamed deltas). The value map lives only in this
 * request's session object. End-user identifiers are hashed with a key derived from `pepper`
 * (KEY_PEPPER), scoped to the key's team. With the shield off the request goes as sent.
 */
export function shieldFor(key: KeyRecord, req: ChatRequest, pepper: string | undefined): ShieldedRequest {
  const policy = key.settings.shield;
  if (policy.mode === 'off') return { request: req, summary: 'off' };
  // Scoped to the key: its repeated texts (system prompts, earlier turns) are detected once per isolate.
  const session = createShieldSession({ mode: policy.mode, entities: policy.entities, cacheScope: key.id });
  let request: ChatRequest;
  try {
    request = pseudonymizeIdentifiers(session.cloakRequest(req), pepper, key.teamId);
  } catch (err) {
    if (err instanceof ShieldJsonDepthError) {
      throw new ApiError(400, {
        message: `${err.param ?? 'A field'} holds JSON nested too deeply to read; flatten it.`,
        param: err.param,
        code: 'json_too_deep',
      });
    }
    if (err instanceof ShieldBlockedError) {
      throw new ApiError(400, {
        message: `This key's llmshield policy blocks requests containing personal data; found: ${err.types.join(', ')}. Remove it or change the key's shield policy.`,
        param: 'messages',
        code: 'pii_blocked',
      });
    }
    throw err;
  }
  const summary = Object.fromEntries(Object.entries(session.found()).filter(([, n]) => n > 0));
  // Every placeholder the session issued was counted: no count, no placeholder, nothing to restore.
  if (Object.keys(summary).length === 0) return { request, summary };
  return {
    request,
    summary,
    filter: {
      message: (m) => ({
        ...m,
        content: m.content === null ? null : session.restoreText(m.content),
        ...(typeof m.refusal === 'string' ? { refusal: session.restoreText(m.refusal) } : {}),
        ...(m.tool_calls
          ? {
              tool_calls: m.tool_calls.map((t) => ({
                ...t,
                function: { ...t.function, arguments: session.restoreToolArguments(t.function.arguments) },
              })),
            }
          : {}),
      }),
      stream: () => gatedStreamRestorer(session),
    },
  };
}
