/**
 * SIMULATION. An opt-in, in-memory record of the last request bodies the simulated fleet received,
 * so tests can check what a provider would have seen (e.g. that llmshield left no raw PII).
 * Off by default; never persisted; bounded.
 */
const MAX_RECORDS = 50;
let enabled = false;
const records: { endpointId: string; body: string }[] = [];

export function setRecording(on: boolean): void {
  enabled = on;
  records.length = 0;
}

export function recordReceived(endpointId: string, body: string): void {
  if (!enabled) return;
  records.push({ endpointId, body });
  if (records.length > MAX_RECORDS) records.shift();
}

export function receivedBodies(): { endpointId: string; body: string }[] {
  return [...records];
}
