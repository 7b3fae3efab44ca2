import { Hono } from 'hono';
import { requireKey } from './tenancy';
import {
  chatCompletions,
  createEmbeddings,
  getDecision,
  postFeedback,
  messagesApp,
  modelsApp,
  createResponse,
  getUsage,
  adminRoutes,
} from './api';
import { ApiError, echo } from './hub';
import { dashboard } from './dashboard';
import type { AppEnv } from './env';

/**
 * Where a request goes: /v1/chat/completions → api/chat.ts → routing/decide.ts (the stages over the
 * in-memory snapshot) → reliability/executor.ts (fallback chain) → providers/dispatch.ts (adapter
 * per wire format; real provider or the simulated fleet) → back through the output filter.
 */
export const app = new Hono<AppEnv>();

/**
 * HSTS on every response: browsers that reached the gateway over HTTPS keep to HTTPS for a year, so
 * the dashboard's session cookie and API keys never go out over plain HTTP. Browsers ignore the
 * header on plain-HTTP responses, so local `wrangler dev` is unaffected.
 */
export const HSTS = 'max-age=31536000; includeSubDomains';
app.use('*', async (c, next) => {
  await next();
  c.header('strict-transport-security', HSTS);
});

app.get('/', (c) => c.json({ name: 'cailos', docs: 'OpenAI-compatible gateway. POST /v1/chat/completions with model "auto".' }));
app.get('/health', (c) => c.json({ ok: true }));

const v1 = new Hono<AppEnv>();
v1.use('*', requireKey('api'));
v1.post('/chat/completions', chatCompletions);
v1.post('/responses', createResponse);
v1.post('/embeddings', createEmbeddings);
v1.get('/routing/decisions/:id', getDecision);
v1.post('/feedback', postFeedback);
v1.get('/usage', getUsage);
app.route('/v1/messages', messagesApp); // ahead of /v1: Anthropic-shaped errors, auth included
app.route('/v1/models', modelsApp); // ahead of /v1: Anthropic's shapes for Anthropic clients
app.route('/v1', v1);
app.route('/admin', adminRoutes);
app.route('/dashboard', dashboard);

// Also answers a known path with a method it does not serve (Hono routes by method and path).
app.notFound((c) =>
  new ApiError(404, {
    message: `Unknown route ${echo(c.req.method)} ${echo(new URL(c.req.url).pathname)}.`,
    type: 'not_found_error',
    code: 'unknown_route',
  }).toResponse(),
);

app.onError((err, c) => {
  if (err instanceof ApiError) return err.toResponse();
  // Unexpected: log the class and message only (never the body), answer in OpenAI's envelope.
  console.error('unhandled error', err.name, err.message);
  return new ApiError(500, {
    message: 'Internal error in the gateway. The request was not billed.',
    type: 'api_error',
    code: 'internal_error',
  }).toResponse();
});
