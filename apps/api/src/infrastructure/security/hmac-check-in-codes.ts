import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CheckInCodes } from '@fitflow/application-booking';

/** 16 bytes of the booking's id and 16 of the HMAC, in upper-case hex: what QR's compact alphanumeric mode holds. */
const CODE = /^[0-9A-F]{64}$/;
const MAC_BYTES = 16;

/**
 * Check-in codes signed with a key of their own: `<booking id><HMAC-SHA256(key, booking id), first 128 bits>`, in
 * hex. Made and checked without storage, bound to one booking, and impossible to make from a booking id without the
 * key. The key is derived (HKDF-SHA256) from the server secret that signs access tokens, under a label of its own,
 * so it is the same in every process of a deployment, random per start in development as that secret is, and
 * neither kind of token can stand for the other. Rotating the secret voids every code shown; members get a new one
 * by opening their booking again.
 */
export class HmacCheckInCodes implements CheckInCodes {
  readonly #key: Buffer;

  constructor(serverSecret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', serverSecret, 'fitflow', 'check-in codes v1', 32));
  }

  codeFor(bookingId: string): string {
    const id = Buffer.from(bookingId.replaceAll('-', ''), 'hex');
    if (id.length !== 16) throw new Error(`Not a booking id: ${bookingId}`);
    return Buffer.concat([id, this.#mac(id)]).toString('hex').toUpperCase();
  }

  /** Case and surrounding whitespace do not matter: a person may type a code in lower case. */
  bookingIdIn(code: string): string | null {
    const text = code.trim().toUpperCase();
    if (!CODE.test(text)) return null;
    const bytes = Buffer.from(text, 'hex');
    const id = bytes.subarray(0, 16);
    if (!timingSafeEqual(bytes.subarray(16), this.#mac(id))) return null;
    const hex = id.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  #mac(id: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(id).digest().subarray(0, MAC_BYTES);
  }
}
