import { plainDecimal } from '../lib';

/**
 * A catalog price in USD per million tokens as OpenRouter's `pricing` gives it: USD per token, a decimal
 * string. Twelve significant digits drop the float noise of currency conversions (0.10800000000000001).
 */
export function usdPerToken(perMTok: number): string {
  return plainDecimal(Number((perMTok / 1_000_000).toPrecision(12)));
}
