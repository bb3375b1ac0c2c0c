import type { Server } from "node:http";

/** The key nginx wrote into a cache file, or null when it is not one. */
export function cacheKeyOf(file: string): string | null;
/** Deletes the entries of `cacheDir` that `list` names; returns how many. */
export function purge(cacheDir: string, list: { urls: string[]; prefixes: string[] }): number;
/** An HTTP server (not yet listening) that purges `cacheDir` on each POST { urls, prefixes }. */
export function createPurgeHook(cacheDir: string): Server;
