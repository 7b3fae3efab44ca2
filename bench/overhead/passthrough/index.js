// Runtime floors for the overhead benchmark, served by the same workerd setup as Cailos:
// - `/v1/chat/completions`: forwards the request body to the fake upstream and streams the answer back
//   untouched. "pass-through minus direct" is what the local runtime (inbound HTTP in workerd, the outbound
//   subrequest) costs any Worker on this machine; "Cailos minus pass-through" is what Cailos's code adds.
// - `/translate/v1/chat/completions`: the least a translating gateway must do — parse the request JSON and
//   serialize it again, parse the answer (JSON, or every SSE event of a stream) and serialize it again.
//   "Cailos minus this" is what Cailos adds beyond reading and writing the bodies it has to understand.
const encoder = new TextEncoder();

/**
 * Every `data:` event of an SSE body parsed and re-serialized, as a translating gateway must. Written the
 * cheapest way we know in workerd (the way Cailos writes its streams): one read loop, frames into a native
 * IdentityTransformStream that may run 64 KB ahead of the client. A JS TransformStream here
 * (`body.pipeThrough(new TransformStream({ transform }))`) costs more per event.
 */
function reencodeSse(body, ctx) {
  const { readable, writable } = new IdentityTransformStream({ highWaterMark: 64 * 1024 });
  const out = writable.getWriter();
  const frameOf = (event) => {
    const data = event.startsWith('data: ') ? event.slice(6) : event;
    return encoder.encode(`data: ${data === '[DONE]' ? data : JSON.stringify(JSON.parse(data))}\n\n`);
  };
  const write = (frame) => void out.write(frame).catch(() => undefined);
  ctx.waitUntil(
    (async () => {
      const reader = body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, cut).trim();
            buffer = buffer.slice(cut + 2);
            if (!event) continue;
            await out.ready;
            write(frameOf(event));
          }
        }
        if (buffer.trim()) {
          await out.ready;
          write(frameOf(buffer.trim()));
        }
      } finally {
        await out.close().catch(() => undefined);
      }
    })(),
  );
  return readable;
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/health') return Response.json({ status: 'ok' });
    if (url.pathname.startsWith('/translate/')) {
      const body = await request.json();
      const upstream = await fetch(env.UPSTREAM_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (body.stream)
        return new Response(reencodeSse(upstream.body, ctx), { status: upstream.status, headers: { 'content-type': 'text/event-stream' } });
      return Response.json(await upstream.json(), { status: upstream.status });
    }
    const upstream = await fetch(env.UPSTREAM_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  },
};
