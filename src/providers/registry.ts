import type { WireFormat } from '../catalog/types';
import { anthropicAdapter } from './anthropic';
import { cohereAdapter } from './cohere';
import { openaiAdapter } from './openai';
import type { ProviderAdapter } from './types';

const ADAPTERS: Partial<Record<WireFormat, ProviderAdapter>> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  cohere: cohereAdapter,
};

export function adapterFor(format: WireFormat): ProviderAdapter {
  const adapter = ADAPTERS[format];
  if (!adapter) throw new Error(`no adapter for wire format ${format}`);
  return adapter;
}
