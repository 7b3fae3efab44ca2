import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

export function capabilityStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  return filterStage(ctx, 'capabilities', ({ endpoint: { capabilities: cap } }) => {
    if (r.vision && !cap.vision) return 'no image input';
    if (r.tools && !cap.tools) return 'no tool calling';
    if (r.jsonSchema && !cap.jsonSchema) return 'no json_schema structured output';
    if (r.streaming && !cap.streaming) return 'no streaming';
    return null;
  });
}
