import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";

/** See edition-cache-handler.mjs. */
declare const handler: CacheHandler;
export default handler;
