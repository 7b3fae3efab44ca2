import type { WireFormat } from '../catalog';
import { anthropicAdapter } from './anthropic';
import { cohereAdapter } from './cohere';
import { geminiAdapter } from './gemini';
import { openaiAdapter } from './openai';
import type { ProviderAdapter } from './types';

const ADAPTERS: Record<WireFormat, ProviderAdapter> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  cohere: cohereAdapter,
  gemini: geminiAdapter,
};

export function adapterFor(format: WireFormat): ProviderAdapter {
  return ADAPTERS[format];
}
