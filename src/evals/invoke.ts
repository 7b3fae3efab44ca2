import type { Endpoint } from '../catalog';
import type { Env } from '../env';
import { callCompletion, defaultTimeouts } from '../providers';
import { pickJudge } from './judge';
import type { EvalInvoke, JudgeInvoke } from './runner';
import { EVAL_ITEM_HEADER, EVAL_JUDGE_HEADER } from './suite';

/**
 * Eval calls go through the same adapters and dispatcher as user traffic (callCompletion): the real
 * provider when a key is configured, the labeled simulated fleet otherwise. The item id travels in a
 * header only to simulated targets (dispatch drops it for real providers) so the simulated skill
 * can answer. No retries or fallbacks: a failure is recorded as an error, not as a quality verdict.
 */

export interface FleetMember {
  endpoint: Endpoint;
  simulated: boolean;
}

export interface EvalInvokers {
  invoke: EvalInvoke;
  judgeInvoke: JudgeInvoke;
  modelFor: (endpointId: string) => string;
  /** Upstream model id reported per endpoint called (undefined when the provider reports none). */
  observed: Map<string, string | undefined>;
}

/** Output budget when an item sets none: enough for reasoning plus an ANSWER line. */
const DEFAULT_EVAL_MAX_TOKENS = 1024;

export function makeInvokers(env: Env, fleet: FleetMember[], judges: FleetMember[] = fleet): EvalInvokers {
  const byId = new Map([...fleet, ...judges].map((m) => [m.endpoint.id, m]));
  const observed = new Map<string, string | undefined>();
  const judgeCandidates = judges.map((m) => ({ id: m.endpoint.id, codename: m.endpoint.codename, qualityPrior: m.endpoint.qualityPrior }));

  const call: (
    member: FleetMember,
    request: Parameters<EvalInvoke>[1],
    simHeaders: Record<string, string>,
  ) => ReturnType<EvalInvoke> = async (member, request, simHeaders) => {
    const started = Date.now();
    const timeouts = defaultTimeouts(member.endpoint, request.max_tokens ?? DEFAULT_EVAL_MAX_TOKENS, false);
    try {
      const { response } = await callCompletion(
        env,
        member,
        { ...request, model: member.endpoint.model },
        timeouts,
        new AbortController().signal,
        { simHeaders },
      );
      observed.set(member.endpoint.id, response.upstreamModel);
      return { message: response.message, finishReason: response.finishReason, latencyMs: Date.now() - started };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };

  const invoke: EvalInvoke = async (endpointId, request, { itemId }) => {
    const member = byId.get(endpointId);
    if (!member) return { error: `endpoint ${endpointId} is not callable here` };
    return call(member, request, { [EVAL_ITEM_HEADER]: itemId });
  };

  const judgeInvoke: JudgeInvoke = async (request, { itemId, testedEndpointId }) => {
    const tested = byId.get(testedEndpointId);
    const judge = tested && pickJudge(judgeCandidates, tested.endpoint.codename);
    if (!judge) return { error: 'no judge of another model family is callable' };
    return call(byId.get(judge.id)!, request, { [EVAL_JUDGE_HEADER]: `${itemId}:${testedEndpointId}` });
  };

  return { invoke, judgeInvoke, modelFor: (id) => byId.get(id)?.endpoint.model ?? id, observed };
}
