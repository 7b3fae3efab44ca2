import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { embeddingsRequest, readJsonBody } from '../hub';
import { runEmbeddings } from '../flow';
import { flowContext } from './flow-context';

/** POST /v1/embeddings: OpenAI's embeddings request in, OpenAI's list of vectors out (src/flow/embed.ts). */
export async function createEmbeddings(c: Context<AppEnv>): Promise<Response> {
  const req = await readJsonBody(c.req.raw, embeddingsRequest);
  const { body, headers } = await runEmbeddings(flowContext(c), req);
  return Response.json(body, { headers });
}
