import { deflateRaw, fromBase64Url, hkdfAesGcmKey, inflateRaw, openBytes, sealBytes, toBase64Url } from '../../lib';
import { type ResponsesInputItem, responsesInputItem } from './schema';
import type { FunctionCallOutputItem, MessageOutputItem } from './types';

/**
 * Self-contained output item ids. Cailos stores no responses, so an item's id carries the item itself:
 * its content as an input item, compressed (raw DEFLATE) and sealed with AES-256-GCM under a key derived
 * from KEY_PEPPER, with the team id as additional data. Any key of the team can turn the id back into
 * the item (an `item_reference`); another team, another deployment or an altered id cannot. The prefix
 * (`msg_`, `fc_`) keeps OpenAI's shape and is authenticated too.
 *
 * id = prefix '_' base64url(format ‖ IV ‖ ciphertext ‖ tag)
 */

/** The longest id Cailos issues or tries to open. */
export const MAX_ITEM_ID_CHARS = 65_536;
/** An item whose JSON is larger never fits in an id (it would need more than 5x compression). */
const MAX_ITEM_BYTES = 256 * 1024;

const FORMAT_JSON = 1;
const FORMAT_DEFLATE = 2;
const VERSION = 'cailos-item-id/v1';

export type SealableItem = MessageOutputItem | FunctionCallOutputItem;

const PREFIX: Record<SealableItem['type'], string> = { message: 'msg', function_call: 'fc' };

const encoder = new TextEncoder();

/** The key item ids are sealed with, derived once per isolate and secret. */
const keys = new Map<string, Promise<CryptoKey>>();

export function itemIdKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    // One deployment has one secret; a rotated one replaces it.
    keys.clear();
    key = hkdfAesGcmKey(secret, VERSION, 'responses item id');
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

/** Binds a sealed id to its format, its kind and the team. */
const aadOf = (format: number, prefix: string, teamId: string) => `${VERSION}\0${format}\0${prefix}\0${teamId}`;

/** What the id carries: the item as a client sends it back as input (no id, no status). */
function payloadOf(item: SealableItem): ResponsesInputItem {
  if (item.type === 'function_call') return { type: 'function_call', call_id: item.call_id, name: item.name, arguments: item.arguments };
  return {
    type: 'message',
    role: 'assistant',
    content: item.content.map((p) =>
      p.type === 'output_text' ? { type: 'output_text', text: p.text } : { type: 'refusal', refusal: p.refusal },
    ),
  };
}

/** The item's sealed id, or null when the item is too large for MAX_ITEM_ID_CHARS. */
export async function sealItemId(key: CryptoKey, teamId: string, item: SealableItem): Promise<string | null> {
  const prefix = PREFIX[item.type];
  const json = encoder.encode(JSON.stringify(payloadOf(item)));
  if (json.byteLength > MAX_ITEM_BYTES) return null;
  const deflated = await deflateRaw(json);
  const [format, body] = deflated.byteLength < json.byteLength ? [FORMAT_DEFLATE, deflated] : [FORMAT_JSON, json];
  const sealed = await sealBytes(key, aadOf(format, prefix, teamId), body);
  const bytes = new Uint8Array(1 + sealed.byteLength);
  bytes[0] = format;
  bytes.set(sealed, 1);
  const id = `${prefix}_${toBase64Url(bytes)}`;
  return id.length <= MAX_ITEM_ID_CHARS ? id : null;
}

/** The item an id carries, or null when the id was not sealed for this team under this key (or was altered). */
export async function openItemId(key: CryptoKey, teamId: string, id: string): Promise<ResponsesInputItem | null> {
  if (id.length > MAX_ITEM_ID_CHARS) return null;
  const sep = id.indexOf('_');
  const prefix = id.slice(0, sep);
  if (sep < 0 || !Object.values(PREFIX).includes(prefix)) return null;
  const bytes = fromBase64Url(id.slice(sep + 1));
  if (!bytes || bytes.byteLength < 2) return null;
  const format = bytes[0];
  if (format !== FORMAT_JSON && format !== FORMAT_DEFLATE) return null;
  const body = await openBytes(key, aadOf(format, prefix, teamId), bytes.subarray(1));
  if (!body) return null;
  const json = format === FORMAT_DEFLATE ? await inflateRaw(body, MAX_ITEM_BYTES) : body;
  if (!json) return null;
  try {
    const parsed = responsesInputItem.safeParse(JSON.parse(new TextDecoder().decode(json)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
