// Runtime floors for the overhead benchmark, served by the same workerd setup as Cailos:
// - `/v1/chat/completions`: forwards the request body to the fake upstream and streams the answer back
//   untouched. "pass-through minus direct" is what the local runtime (inbound HTTP in workerd, the outbound
//   subrequest) costs any Worker on this machine; "Cailos minus pass-through" is what Cailos's code adds.
// - `/translate/v1/chat/completions`: the least a translating gateway must do — parse the request JSON and
//   serialize it again, parse the answer (JSON, or every SSE event of a stream) and serialize it again.
//   "Cailos minus this" is what Cailos adds beyond reading and writing the bodies it has to understand.
const encoder = new TextEncoder();

/** Every `data:` event of an SSE body parsed and re-serialized, as a translating gateway must. */
function reencodeSse(body) {
  const decoder = new TextDecoder();
  let buffer = '';
  const emit = (controller, event) => {
    const data = event.startsWith('data: ') ? event.slice(6) : event;
    const out = data === '[DONE]' ? data : JSON.stringify(JSON.parse(data));
    controller.enqueue(encoder.encode(`data: ${out}\n\n`));
  };
  return body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, cut).trim();
          buffer = buffer.slice(cut + 2);
          if (event) emit(controller, event);
        }
      },
      flush(controller) {
        if (buffer.trim()) emit(controller, buffer.trim());
      },
    }),
  );
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/health') return Response.json({ status: 'ok' });
    if (url.pathname.startsWith('/translate/')) {
      const body = await request.json();
      const upstream = await fetch(env.UPSTREAM_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (body.stream) return new Response(reencodeSse(upstream.body), { status: upstream.status, headers: { 'content-type': 'text/event-stream' } });
      return Response.json(await upstream.json(), { status: upstream.status });
    }
    const upstream = await fetch(env.UPSTREAM_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
    });
    return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
  },
};
