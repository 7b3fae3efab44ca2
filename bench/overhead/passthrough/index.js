// The runtime floor for the overhead benchmark: a Worker that only forwards the request body to the fake
// upstream and streams the answer back. Served by the same `wrangler dev`/workerd setup as Cailos, so
// "Cailos minus pass-through" is what Cailos's own code adds, and "pass-through minus direct" is what the
// local runtime (inbound HTTP in workerd, the outbound subrequest) costs any Worker on this machine.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/health') return Response.json({ status: 'ok' });
    const upstream = await fetch(env.UPSTREAM_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
    });
    return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
  },
};
