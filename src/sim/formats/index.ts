import type { WireFormat } from '../../catalog';
import type { SimFormat } from '../types';
import { anthropicSimFormat } from './anthropic';
import { cohereSimFormat } from './cohere';
import { geminiSimFormat } from './gemini';
import { openaiSimFormat } from './openai';

/** SIMULATION. The simulated wire format for a provider's native format. */
const FORMATS: Record<WireFormat, SimFormat> = {
  openai: openaiSimFormat,
  anthropic: anthropicSimFormat,
  gemini: geminiSimFormat,
  cohere: cohereSimFormat,
};

export function simFormatFor(format: WireFormat): SimFormat {
  return FORMATS[format];
}
