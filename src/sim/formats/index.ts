import type { WireFormat } from '../../catalog/types';
import type { SimFormat } from '../types';
import { openaiSimFormat } from './openai';

/** SIMULATION. The simulated wire format for a provider's native format. */
export function simFormatFor(format: WireFormat): SimFormat {
  switch (format) {
    case 'openai':
      return openaiSimFormat;
    default:
      throw new Error(`simulated fleet: no simulated wire format for "${format}" yet`);
  }
}
