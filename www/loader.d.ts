// Types of loader.js: data files fetched with progress and read by the importer in a worker.
import type { Explorer, Imported } from './pkg/cyber_spectrum.js';

/** Seconds a download may go without receiving anything before it is given up (30). */
export const STALL_SECONDS: number;
/** A whole download may take this many times its stall time. */
export const DEADLINE_FACTOR: number;

/** `n` bytes as MB of 2^20 bytes, with `digits` decimals. */
export function megabytes(n: number, digits?: number): string;
/** A file's bytes (a file over the size limit is refused from its size, unread). */
export function fileBytes(file: File): Promise<Uint8Array>;
/** The bytes at `url`, with progress; rejects with an Error naming the URL and the problem. */
export function fetchBytes(url: string, options?: {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  stallSeconds?: number;
}): Promise<Uint8Array>;
/** Starts an importer worker ahead of the next read. */
export function warmImporter(): void;
/** Reads bytes in a worker: `format` is `auto`, `csv`, `json`, `dcid`, `eurepoc`, `cfr` or
 * `mapped`; a column `mapping` implies `mapped`. With `keep: false` the bytes move to the worker. */
export function importBytes(bytes: Uint8Array, options?: {
  format?: string;
  mapping?: Record<string, string> | null;
  signal?: AbortSignal;
  keep?: boolean;
}): Promise<Imported>;
/** Downloads `url` and reads it in the importer's worker, the bytes never reaching the page:
 * what `importBytes` resolves to. Refused as `fetchBytes` refuses a download; a problem reading
 * the file names the URL. */
export function importUrl(url: string, options?: {
  format?: string;
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  stallSeconds?: number;
}): Promise<Imported>;
/** A file's column names, for choosing a mapping. */
export function fileColumns(bytes: Uint8Array, options?: { signal?: AbortSignal }): Promise<string[]>;
/** An Explorer of the started module `m` on what `importBytes` resolved to, taken in steps. */
export function receive(m: { Explorer: typeof Explorer }, imported: Imported): Promise<Explorer>;
/** The dataset at `src` (relative to the page) in `format`, as an Explorer of the started module `m`;
 * `started`, its `importUrl` begun earlier. */
export function loadSource(m: { Explorer: typeof Explorer }, src: string, format: string, stallSeconds?: number, started?: Promise<Imported> | null): Promise<Explorer>;
