import type { Endpoint } from './types';
import { ANTHROPIC_ENDPOINTS } from './data/anthropic';
import { BYTEPLUS_ENDPOINTS } from './data/byteplus';
import { CEREBRAS_ENDPOINTS } from './data/cerebras';
import { COHERE_ENDPOINTS } from './data/cohere';
import { DEEPINFRA_ENDPOINTS } from './data/deepinfra';
import { GOOGLE_FREE_ENDPOINTS, OPENROUTER_FREE_ENDPOINTS } from './data/free';
import { GOOGLE_ENDPOINTS } from './data/google';
import { GROQ_ENDPOINTS } from './data/groq';
import { INCEPTION_ENDPOINTS } from './data/inception';
import { NCOMPASS_ENDPOINTS } from './data/ncompass';
import { NOVITA_ENDPOINTS } from './data/novita';
import { NSCALE_ENDPOINTS } from './data/nscale';
import { OPENAI_ENDPOINTS } from './data/openai';
import { OPENROUTER_ENDPOINTS } from './data/openrouter';
import { SAMBANOVA_ENDPOINTS } from './data/sambanova';
import { SCALEWAY_ENDPOINTS } from './data/scaleway';
import { TINFOIL_ENDPOINTS } from './data/tinfoil';
import { TOGETHER_ENDPOINTS } from './data/together';
import { XAI_ENDPOINTS } from './data/xai';

/**
 * Every routable endpoint (model × provider). Only rows of providers_reference.md with a sourced
 * price, minus retired/unroutable ones (see data/excluded.ts); nCompass's two rows carry an
 * estimated price, flagged in pricing.source. The free tiers (data/free.ts) are priced 0.
 */
export const ENDPOINTS: readonly Endpoint[] = Object.freeze([
  ...OPENAI_ENDPOINTS,
  ...ANTHROPIC_ENDPOINTS,
  ...GOOGLE_ENDPOINTS,
  ...COHERE_ENDPOINTS,
  ...GROQ_ENDPOINTS,
  ...TOGETHER_ENDPOINTS,
  ...DEEPINFRA_ENDPOINTS,
  ...SCALEWAY_ENDPOINTS,
  ...CEREBRAS_ENDPOINTS,
  ...NCOMPASS_ENDPOINTS,
  ...NSCALE_ENDPOINTS,
  ...INCEPTION_ENDPOINTS,
  ...OPENROUTER_ENDPOINTS,
  ...NOVITA_ENDPOINTS,
  ...SAMBANOVA_ENDPOINTS,
  ...TINFOIL_ENDPOINTS,
  ...XAI_ENDPOINTS,
  ...BYTEPLUS_ENDPOINTS,
  ...GOOGLE_FREE_ENDPOINTS,
  ...OPENROUTER_FREE_ENDPOINTS,
]);
