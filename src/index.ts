import { DurableObject } from 'cloudflare:workers';
export class KeyGuard extends DurableObject {}
export class EndpointBreaker extends DurableObject {}
export default { async fetch() { return new Response('ok'); } };
