/**
 * Every inbound API names the same decision: chat completions `chatcmpl-<id>`, Responses
 * `resp_<id>`, Messages `msg_<id>`; the `x-cailos-decision-id` header carries the bare id.
 */
const RESPONSE_ID = /^(?:chatcmpl-|resp_|msg_)([A-Za-z0-9]{8,64})$/;
const BARE_ID = /^[A-Za-z0-9]{8,64}$/;

/** The decision behind a response id; `allowBare` also accepts the header's bare decision id. */
export function decisionIdFrom(id: string, opts: { allowBare?: boolean } = {}): string | null {
  const prefixed = RESPONSE_ID.exec(id)?.[1];
  if (prefixed) return prefixed;
  return opts.allowBare && BARE_ID.test(id) ? id : null;
}
