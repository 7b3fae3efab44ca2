import { drizzle } from 'drizzle-orm/d1';
import * as core from './schema/core';

const clients = new WeakMap<D1Database, ReturnType<typeof makeClient>>();

function makeClient(d1: D1Database) {
  return drizzle(d1, { schema: { ...core } });
}

/** One drizzle client per D1 binding object, reused across requests in the isolate. */
export function db(d1: D1Database) {
  let client = clients.get(d1);
  if (!client) {
    client = makeClient(d1);
    clients.set(d1, client);
  }
  return client;
}

export type Db = ReturnType<typeof db>;
