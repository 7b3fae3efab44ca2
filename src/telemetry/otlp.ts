/**
 * The OTLP/JSON shapes this exporter writes (opentelemetry-proto, JSON protobuf encoding): ids as hex
 * strings, enums as integers, 64-bit integers as decimal strings, field names in lowerCamelCase.
 */

export type AnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: AnyValue[] } };

export interface KeyValue {
  key: string;
  value: AnyValue;
}

export const SPAN_KIND_SERVER = 2;
export const SPAN_KIND_CLIENT = 3;
export const STATUS_UNSET = 0;
export const STATUS_ERROR = 2;

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  status: { code: number; message?: string };
}

export type AttributeValue = string | number | boolean | string[] | null | undefined;

/** Integers go out as intValue, other numbers as doubleValue; null and undefined are left out. */
function anyValue(v: string | number | boolean | string[]): AnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  return { arrayValue: { values: v.map((s) => ({ stringValue: s })) } };
}

export function keyValues(attrs: Record<string, AttributeValue>): KeyValue[] {
  const out: KeyValue[] = [];
  for (const [key, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
    out.push({ key, value: anyValue(v) });
  }
  return out;
}

/** Milliseconds since the epoch (fractions kept to the microsecond) as OTLP's decimal nanoseconds. */
export function unixNano(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** A random id of `bytes` bytes (16 for a trace, 8 for a span), never all zeros (the specification's invalid id). */
export function randomId(bytes: 16 | 8): string {
  const buf = new Uint8Array(bytes);
  do crypto.getRandomValues(buf);
  while (buf.every((b) => b === 0));
  return hex(buf);
}

/** An ExportTraceServiceRequest with one resource and one instrumentation scope. */
export function exportRequest(resource: Record<string, string>, scopeAttributes: Record<string, AttributeValue>, spans: OtlpSpan[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: keyValues(resource) },
        scopeSpans: [{ scope: { name: 'cailos', attributes: keyValues(scopeAttributes) }, spans }],
      },
    ],
  };
}
