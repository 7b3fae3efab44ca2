import { appendTrace, traceLine } from '../filter';
import type { ClassificationSignal, RoutingContext, StrategySource } from '../types';
import type { Strategy } from '../../hub';

/** Used while no classifier signal is available: no class preference, middling difficulty. */
export const NEUTRAL_CLASSIFICATION: ClassificationSignal = { taskClass: 'chat', complexity: 0.5, source: 'neutral' };

/**
 * The classifier runs before the (synchronous) pipeline; this stage settles the strategy:
 * free-tier keys are forced to cost; an explicit strategy in the model spec wins; then the key's
 * configured default; a bare `auto` then takes the classifier's suggestion; else balanced.
 */
export function classifyStage(ctx: RoutingContext): RoutingContext {
  const classification = ctx.classification ?? NEUTRAL_CLASSIFICATION;
  let strategy: Strategy = 'balanced';
  let source: StrategySource = 'default';
  if (ctx.key.settings.tier === 'free') {
    strategy = 'cost';
    source = 'free_tier';
  } else if (ctx.spec?.strategy) {
    strategy = ctx.spec.strategy;
    source = 'request';
  } else if (ctx.key.settings.defaultStrategy) {
    strategy = ctx.key.settings.defaultStrategy;
    source = 'key_default';
  } else if (ctx.spec?.kind === 'auto' && classification.strategy) {
    strategy = classification.strategy;
    source = 'classifier';
  }
  const note = `class ${classification.taskClass} (${classification.source}), complexity ${classification.complexity.toFixed(2)}, strategy ${strategy} (${source})`;
  return appendTrace(ctx, traceLine('classify', ctx.candidates.length, undefined, note), {
    classification,
    strategy,
    strategySource: source,
  });
}
