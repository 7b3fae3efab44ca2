/**
 * What llmshield adds to one request of the overhead benchmark, piece by piece, in Node (the same V8 as workerd):
 * the request's cloaking as the flow runs it (shieldFor: the detection of each text, the request walks, the
 * identifier hashing, the trace summary), the whole answer's restoration and a 10-chunk stream's restoration,
 * each next to the same work without the shield. Every request carries a new ticket number, as the load
 * generator's do, so the user message is detected afresh while the system prompt repeats.
 *
 *   npx tsx bench/overhead/shield-flow.ts [--rounds 9] [--iterations 400] [--only stream]
 *
 * The pieces run interleaved, round after round, and each row is the median over rounds of the per-call
 * mean: on a shared machine noise only ever adds, so compare rows of one run, never across runs.
 */
import { chatRequest, type AssistantMessage, type ChatRequest } from '../../src/hub';
import { IDENTITY_FILTER, type OutputFilter } from '../../src/flow/output-filter';
import { shieldFor } from '../../src/flow/shield-request';
import { ChunkWriter } from '../../src/flow/stream-writer';
import type { StreamOutputFilter } from '../../src/flow/output-filter';
import { createShieldSession, pseudonymizeIdentifiers } from '../../src/shield';
import { detectEntities } from '../../src/shield/detect';
import { ENTITY_TYPES } from '../../src/shield/types';
import type { StreamEvent } from '../../src/providers';
import { type KeyRecord, keySettingsSchema } from '../../src/tenancy/types';
import { median } from '../lib/stats';
import { WORKLOAD_MESSAGES } from './workload';

const num = (f: string, d: number) => (process.argv.includes(`--${f}`) ? Number(process.argv[process.argv.indexOf(`--${f}`) + 1]) : d);
const ROUNDS = num('rounds', 9);
const N = num('iterations', 400);
/** Only the pieces whose name contains this. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';

const keyOn: KeyRecord = {
  id: 'key_bench_on',
  teamId: 'bench',
  name: 'bench',
  keyPrefix: 'cai_bench',
  scopes: ['api'],
  settings: keySettingsSchema.parse({ shield: { mode: 'on' } }),
  createdAt: 0,
  revokedAt: null,
};

let ticket = 1;
/** The load generator's request body, parsed as the route does. */
function nextRequest(): ChatRequest {
  const [system, user] = WORKLOAD_MESSAGES;
  return chatRequest.parse({
    model: 'auto',
    messages: [system, { ...user, content: `Ticket #${ticket++}: ${user.content}` }],
    max_tokens: 64,
    routing: { providers: { allow: ['nscale'] } },
  });
}

// The fake upstream's 'fixed' answer: no placeholder in it.
const WORDS = 'The quick brown fox jumps over the lazy dog while the gateway measures its own overhead carefully'.split(' ');
const answer: AssistantMessage = { role: 'assistant', content: WORDS.join(' ') };
const streamEvents: StreamEvent[] = [
  ...WORDS.slice(0, 10).map((w, i) => ({ type: 'delta' as const, delta: { content: i === 0 ? w : ` ${w}` } })),
  { type: 'delta' as const, delta: {}, finishReason: 'stop' as const },
];

function streamThrough(filter: OutputFilter | (() => StreamOutputFilter)): number {
  const writer = new ChunkWriter('chatcmpl-x', 'm', 1, typeof filter === 'function' ? filter() : filter.stream());
  let n = 0;
  for (const ev of streamEvents) n += writer.push(ev).length;
  return n;
}

const reqs = Array.from({ length: 64 }, nextRequest);
const shielded = shieldFor(keyOn, reqs[0], 'pepper');
// The session's own stream restorer on every delta (what the flow did before it gated it), on the same session.
const session = createShieldSession({ mode: 'on', cacheScope: keyOn.id });
session.cloakRequest(reqs[0]);
const ungated = (): StreamOutputFilter => {
  const r = session.createStreamRestorer();
  return { content: (d) => r.pushContent(d), toolArguments: (i, d) => r.pushToolArguments(i, d), flush: () => r.flush() };
};
const userTexts = reqs.map((r) => r.messages[1].content as string);
let k = 0;

const pieces: [string, () => unknown][] = [
  ['shieldFor (the flow: cloak + identifiers + summary)', () => shieldFor(keyOn, nextRequest(), 'pepper')],
  ['  request parse alone (subtracted from the row above)', () => nextRequest()],
  [
    '  session.cloakRequest alone',
    () => createShieldSession({ mode: 'on', entities: keyOn.settings.shield.entities, cacheScope: keyOn.id }).cloakRequest(nextRequest()),
  ],
  ['  pseudonymizeIdentifiers (no identifier fields)', () => pseudonymizeIdentifiers(reqs[k++ & 63], 'pepper', 'bench')],
  ['  detectEntities(user message), uncached', () => detectEntities(`${k++} ${userTexts[k & 63]}`, new Set(ENTITY_TYPES))],
  ['answer: filter.message, shield', () => shielded.filter!.message(answer)],
  ['answer: filter.message, identity', () => IDENTITY_FILTER.message(answer)],
  ['stream: 10 chunks through ChunkWriter, shield (gated restorer)', () => streamThrough(shielded.filter!)],
  ['stream: 10 chunks through ChunkWriter, shield (restorer on every delta)', () => streamThrough(ungated)],
  ['stream: 10 chunks through ChunkWriter, identity', () => streamThrough(IDENTITY_FILTER)],
];

pieces.splice(0, pieces.length, ...pieces.filter(([name]) => name.includes(ONLY)));
for (const [, fn] of pieces) for (let i = 0; i < 300; i++) fn(); // JIT warm-up
const samples = pieces.map(() => [] as number[]);
for (let r = 0; r < ROUNDS; r++) {
  pieces.forEach(([, fn], p) => {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) fn();
    samples[p].push(((performance.now() - t0) * 1000) / N);
  });
}
console.log(`| piece (Node ${process.version}, ${ROUNDS} rounds × ${N}) | µs per call, median of rounds | min |\n|---|---:|---:|`);
pieces.forEach(([name], p) => console.log(`| ${name} | ${median(samples[p]).toFixed(2)} | ${Math.min(...samples[p]).toFixed(2)} |`));
