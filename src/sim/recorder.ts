/**
 * SIMULATION. An opt-in, in-memory record of the last request bodies the simulated fleet received,
 * so tests can check what a provider would have seen (e.g. that llmshield left no raw PII), and of how
 * its streams ended (e.g. that a client leaving mid-answer stops the provider's generation).
 * Off by default; never persisted; bounded.
 */
const MAX_RECORDS = 50;
let enabled = false;
const records: { endpointId: string; body: string }[] = [];

/** `cancelled`: the gateway stopped reading; `aborted`: the request was aborted; `completed`: every frame sent. */
export interface StreamEnd {
  endpointId: string;
  outcome: 'completed' | 'cancelled' | 'aborted';
  framesSent: number;
  frames: number;
}
const streamEnds: StreamEnd[] = [];

export function setRecording(on: boolean): void {
  enabled = on;
  records.length = 0;
  streamEnds.length = 0;
}

export function recordStreamEnd(end: StreamEnd): void {
  if (!enabled) return;
  streamEnds.push(end);
  if (streamEnds.length > MAX_RECORDS) streamEnds.shift();
}

export function servedStreams(): StreamEnd[] {
  return [...streamEnds];
}

export function recordReceived(endpointId: string, body: string): void {
  if (!enabled) return;
  records.push({ endpointId, body });
  if (records.length > MAX_RECORDS) records.shift();
}

export function receivedBodies(): { endpointId: string; body: string }[] {
  return [...records];
}
