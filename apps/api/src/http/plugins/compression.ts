import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * The API's JSON answers, compressed for clients that accept it (brotli first, then gzip): a week of the schedule
 * is tens of kilobytes that a phone on a slow network waits for before it shows a class. Brotli at quality 4, not
 * its default 11, which costs each answer more time than it saves on the wire. Answers under 1 KiB go as they are.
 * Register it in the API's own context: the SPA's files are compressed once at build time, and the plugin would
 * compress again what has no smaller copy.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
