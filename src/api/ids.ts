/**
 * Every inbound API names the same decision: chat completions `chatcmpl-<id>`, Responses
 * `resp_<id>`, Messages `msg_<id>`, and the `x-cailos-decision-id` header the bare id.
 */
const RESPONSE_ID = /^(?:chatcmpl-|resp_|msg_)?([A-Za-z0-9]{8,64})$/;

export function decisionIdFrom(id: string): string | null {
  return RESPONSE_ID.exec(id)?.[1] ?? null;
}
