/** Kinds of personal data llmshield detects. */
export const ENTITY_TYPES = ['PERSON', 'EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'SECRET', 'ADDRESS'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A detected span in a text: [start, end) in UTF-16 code units. */
export interface Detection {
  type: EntityType;
  start: number;
  end: number;
}

export type Detector = (text: string) => Detection[];

export type ShieldMode = 'on' | 'off' | 'block';
export interface ShieldPolicy {
  mode?: ShieldMode;
  entities?: EntityType[];
  /** Requests with the same scope (one API key) reuse the detections of identical texts (detect-cache.ts). */
  cacheScope?: string;
}
