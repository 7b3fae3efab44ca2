import { DurableObject } from 'cloudflare:workers';

/** Per-endpoint circuit breaker (one Durable Object per endpoint id). Filled in by the reliability work. */
export class EndpointBreaker extends DurableObject {}
