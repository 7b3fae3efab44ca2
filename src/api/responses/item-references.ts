import type { Env } from '../../env';
import { badRequest, echo } from '../../hub';
import { PLAIN_ITEM_ID } from './from-chat';
import { itemIdKey, MAX_ITEM_ID_CHARS, openItemId, sealItemId } from './item-ids';
import type { ResponsesInputItem, ResponsesRequest } from './schema';
import type { OutputItem, ResponseObject, ResponsesEvent } from './types';

/**
 * Item ids in and out of /v1/responses: output items get self-contained sealed ids (item-ids.ts), and
 * an `item_reference` input item is replaced by the item its id carries. Nothing is stored or looked up.
 */

export interface ItemIds {
  seal(item: OutputItem): Promise<string | null>;
  open(id: string): Promise<ResponsesInputItem | null>;
}

/** The team's item ids; null without KEY_PEPPER (then ids stay plain and no reference resolves). */
export function itemIdsFor(env: Env, teamId: string): ItemIds | null {
  const secret = env.KEY_PEPPER;
  if (!secret) return null;
  return {
    seal: async (item) => sealItemId(await itemIdKey(secret), teamId, item),
    open: async (id) => openItemId(await itemIdKey(secret), teamId, id),
  };
}

const WORKAROUND =
  'Send the item itself in `input` instead; a client that sends references because it assumes stored responses can be told not to with `store: false` (the Vercel AI SDK: providerOptions: { openai: { store: false } }).';

function unresolvable(id: string, param: string) {
  const why = PLAIN_ITEM_ID.test(id)
    ? 'names an item whose id does not carry it: a streamed item keeps a plain id (a message is listed under its sealed id in the final response.completed event only), and so does an item too large for a ' +
      `${MAX_ITEM_ID_CHARS}-character id.`
    : 'cannot be resolved. Cailos stores no responses: an item id carries the item itself, sealed for the team that received it, and this one was not issued to this team by this deployment, or was altered.';
  return badRequest(`item_reference '${echo(id, 40)}' ${why} ${WORKAROUND}`, param, 'item_reference_unresolvable');
}

/** `input` with every item_reference replaced by the item its id carries; a 400 for one that does not resolve. */
export async function resolveItemReferences(input: ResponsesRequest['input'], ids: ItemIds | null): Promise<ResponsesRequest['input']> {
  if (typeof input === 'string' || !input.some((item) => item.type === 'item_reference')) return input;
  return Promise.all(
    input.map(async (item, i) => {
      if (item.type !== 'item_reference') return item;
      const id = (item as { id?: unknown }).id;
      const param = `input[${i}].id`;
      if (typeof id !== 'string' || id === '') throw badRequest('an item_reference needs the item id as `id`.', param, 'invalid_request');
      const resolved = ids && (await ids.open(id));
      if (!resolved) throw unresolvable(id, param);
      return resolved;
    }),
  );
}

/** Gives the output items their sealed ids, in place; an item too large for an id keeps its plain one. */
export async function sealOutputIds(
  output: OutputItem[],
  ids: ItemIds | null,
  which: (item: OutputItem) => boolean = () => true,
): Promise<void> {
  if (!ids) return;
  await Promise.all(
    output.filter(which).map(async (item) => {
      const id = await ids.seal(item);
      if (id) item.id = id;
    }),
  );
}

/**
 * A stream names each item in its events from the start, before its content exists, so the events
 * carry the plain id. The `response.completed` event lists the finished messages under their sealed
 * ids. Nothing else changes id, because the OpenAI SDK's stream reader checks it: a function call's id
 * against its events (matched by call_id), and every item of `response.incomplete` / `response.failed`
 * against the items it has seen. Those keep their plain ids, which no reference resolves.
 */
export async function* withSealedIds(events: AsyncIterable<ResponsesEvent>, ids: ItemIds | null): AsyncGenerator<ResponsesEvent> {
  for await (const event of events) {
    if (event.type === 'response.completed')
      await sealOutputIds((event.response as ResponseObject).output, ids, (i) => i.type === 'message');
    yield event;
  }
}
