import { filterStage } from '../filter';
import { requiredParamsCheck } from '../provider-prefs';
import type { RoutingContext } from '../types';

export function capabilityStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const params = requiredParamsCheck(ctx.request, ctx.prefs);
  return filterStage(ctx, 'capabilities', ({ endpoint: e }) => {
    const cap = e.capabilities;
    if (r.vision && !cap.vision) return 'no image input';
    if (r.tools && !cap.tools) return 'no tool calling';
    if (r.jsonSchema && !cap.jsonSchema) return 'no json_schema structured output';
    if (r.streaming && !cap.streaming) return 'no streaming';
    return params?.(e) ?? null;
  });
}
