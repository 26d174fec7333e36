import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export type FakeWebhookType = 'payment_intent.succeeded' | 'payment_intent.payment_failed';

/** A webhook as Stripe would POST it: the exact body and its `Stripe-Signature` header. */
export interface SignedWebhook {
  payload: string;
  signature: string;
}

/** The next create, held: the intent exists once `created` resolves; its HTTP answer waits for `release()`. */
export interface PausedCreate {
  created: Promise<string>;
  release(): void;
}

/** The fields of a PaymentIntent that FitFlow reads or sets, as Stripe names them. */
export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'succeeded';
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  allowed_payment_method_types: string[];
  last_payment_error: PaymentError | null;
  next_action: { type: 'use_stripe_sdk'; use_stripe_sdk: Record<string, string> } | null;
  created: number;
  livemode: false;
}

interface PaymentError {
  type: string;
  code: string;
  decline_code?: string;
  message: string;
  param?: string;
  doc_url?: string;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>`, for `STRIPE_API_BASE`. */
  baseUrl: string;
  /** A key it accepts (any `sk_test_…` is accepted), for `STRIPE_SECRET_KEY`. */
  secretKey: string;
  /** The endpoint secret its webhooks are signed with, for `STRIPE_WEBHOOK_SECRET`. */
  webhookSecret: string;
  /** PaymentIntents created so far: all of them, or those under one idempotency key. */
  intentsCreated(idempotencyKey?: string): number;
  /** An intent as it stands now (a copy). */
  intent(id: string): FakeIntent | undefined;
  /**
   * A signed webhook about the intent, its object in the state the event says. The same `eventId` gives the very same
   * event again (a replay); the signature is fresh each time, as Stripe's retries are.
   */
  webhook(intentId: string, type: FakeWebhookType, options?: { eventId?: string }): SignedWebhook;
  /** The 3-D Secure step in the browser: the intent becomes `succeeded`, or `requires_payment_method` on failure. */
  completeAuthentication(intentId: string, success: boolean): void;
  /** Holds the next create's answer (not its effect) until released: a webhook can then arrive first. */
  pauseCreates(): PausedCreate;
  /** The next `n` requests are answered 500 without any effect: an outage. */
  failNextRequests(n: number): void;
  close(): Promise<void>;
}

/** What a card does when confirmed, as in Stripe's test mode. */
type CardBehaviour =
  | { outcome: 'succeeds' }
  | { outcome: 'requires_action' }
  | { outcome: 'declined'; declineCode: string; message: string };

const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  pm_card_visa: { outcome: 'succeeds' },
  pm_card_mastercard: { outcome: 'succeeds' },
  pm_card_chargeDeclined: { outcome: 'declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: {
    outcome: 'declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  pm_card_threeDSecure2Required: { outcome: 'requires_action' },
};

const GENERIC_DECLINE: PaymentError = {
  type: 'card_error',
  code: 'card_declined',
  decline_code: 'generic_decline',
  message: 'Your card was declined.',
};

/** Stripe's words for a failed 3-D Secure authentication. */
const AUTHENTICATION_FAILURE: PaymentError = {
  type: 'invalid_request_error',
  code: 'payment_intent_authentication_failure',
  message:
    'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to ' +
    'attempt to fulfill this PaymentIntent again.',
};

interface Answer {
  status: number;
  body: string;
  /** Sent again for a repeated idempotency key (Stripe's `Idempotent-Replayed` header). */
  replayed?: boolean;
}

/** What Stripe keeps per idempotency key: the request's parameters and, once it answered, the answer. */
interface IdempotentRequest {
  fingerprint: string;
  answer: Answer | null;
}

interface Pause {
  created: (intentId: string) => void;
  refused: (error: Error) => void;
  released: Promise<void>;
  release: () => void;
}

/**
 * A Stripe API stand-in on a real HTTP port, for the Stripe adapter and the API's integration tests: it serves
 * `POST /v1/payment_intents` (create, with `confirm=true`) as Stripe's test mode does for Stripe's test
 * PaymentMethod ids, with Stripe's bodies, status codes and idempotency (the first answer to a key is replayed; the
 * same key with other parameters is refused; a key whose first request has not answered yet is 409), and signs
 * webhooks with the SDK, as Stripe does. The SDK talks to it through `STRIPE_API_BASE`.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;
  const intents = new Map<string, FakeIntent>();
  const idempotentRequests = new Map<string, IdempotentRequest>();
  const createdPerKey = new Map<string, number>();
  const events = new Map<string, { intentId: string; type: FakeWebhookType; payload: string }>();
  const pauses: Pause[] = [];
  const heldAnswers = new Set<() => void>();
  let failuresLeft = 0;

  async function createIntent(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const key = header(request, 'idempotency-key');
    const fingerprint = JSON.stringify([...new URLSearchParams(body)].sort());
    const earlier = key ? idempotentRequests.get(key) : undefined;
    if (earlier) return send(response, replay(earlier, fingerprint));
    const pause = pauses.shift();
    const result = confirmNewIntent(parseForm(body));
    if (!result.intent) {
      pause?.refused(new Error(`The paused create was refused: ${result.answer.body}`));
      return send(response, result.answer);
    }
    const { intent, answer } = result;
    intents.set(intent.id, intent);
    if (key) createdPerKey.set(key, (createdPerKey.get(key) ?? 0) + 1);
    const remembered: IdempotentRequest = { fingerprint, answer: pause ? null : answer };
    if (key) idempotentRequests.set(key, remembered);
    if (pause) {
      pause.created(intent.id);
      heldAnswers.add(pause.release);
      await pause.released;
      heldAnswers.delete(pause.release);
      remembered.answer = answer;
    }
    send(response, answer);
  }

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          return send(response, stripeError(500, { type: 'api_error', message: 'An unknown error occurred.' }));
        }
        const apiKey = /^Bearer (\S+)$/.exec(header(request, 'authorization') ?? '')?.[1];
        if (!apiKey || !/^(sk|rk)_test_/.test(apiKey)) {
          const message = `Invalid API Key provided: ${apiKey ?? '(none)'}`;
          return send(response, stripeError(401, { type: 'invalid_request_error', message }));
        }
        if (request.method === 'POST' && request.url === '/v1/payment_intents') return createIntent(request, response, body);
        const message = `Unrecognized request URL (${request.method}: ${request.url}). This fake serves POST /v1/payment_intents only.`;
        return send(response, stripeError(404, { type: 'invalid_request_error', message }));
      })
      .catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function knownIntent(id: string): FakeIntent {
    const intent = intents.get(id);
    if (!intent) throw new Error(`The fake Stripe has no PaymentIntent ${id}`);
    return intent;
  }

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    secretKey: 'sk_test_fitflow_fake_stripe',
    webhookSecret,
    intentsCreated: (idempotencyKey) => (idempotencyKey === undefined ? intents.size : (createdPerKey.get(idempotencyKey) ?? 0)),
    intent: (id) => {
      const intent = intents.get(id);
      return intent && structuredClone(intent);
    },
    webhook(intentId, type, { eventId } = {}) {
      const id = eventId ?? newId('evt');
      let event = events.get(id);
      if (event && (event.intentId !== intentId || event.type !== type)) {
        throw new Error(`Event ${id} was made for ${event.type} of ${event.intentId}, not ${type} of ${intentId}`);
      }
      if (!event) {
        event = { intentId, type, payload: eventPayload(id, type, knownIntent(intentId)) };
        events.set(id, event);
      }
      const { payload } = event;
      return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) };
    },
    completeAuthentication(intentId, success) {
      const intent = knownIntent(intentId);
      if (intent.status !== 'requires_action') throw new Error(`PaymentIntent ${intentId} is ${intent.status}, not requires_action`);
      intent.next_action = null;
      intent.status = success ? 'succeeded' : 'requires_payment_method';
      intent.last_payment_error = success ? null : AUTHENTICATION_FAILURE;
    },
    pauseCreates() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let created!: Pause['created'];
      let refused!: Pause['refused'];
      const createdPromise = new Promise<string>((resolve, reject) => ((created = resolve), (refused = reject)));
      // A test that only releases need not await `created`: a refusal then is no unhandled rejection.
      createdPromise.catch(() => undefined);
      pauses.push({ created, refused, released, release });
      return { created: createdPromise, release };
    },
    failNextRequests(n) {
      failuresLeft = n;
    },
    async close() {
      for (const release of heldAnswers) release();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** Stripe's answer to a key it has seen: the first answer again, or why not. */
function replay(earlier: IdempotentRequest, fingerprint: string): Answer {
  if (earlier.fingerprint !== fingerprint) {
    return stripeError(400, {
      type: 'idempotency_error',
      message:
        'Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a ' +
        'key other than the one used for the original request.',
    });
  }
  if (!earlier.answer) {
    return stripeError(409, {
      type: 'invalid_request_error',
      code: 'idempotency_key_in_use',
      message: 'There is currently another in-progress request using this Idempotent Key. Please try again later.',
    });
  }
  return { ...earlier.answer, replayed: true };
}

type ConfirmResult = { intent: FakeIntent; answer: Answer } | { intent: null; answer: Answer };

/** Validates a create as Stripe does, then confirms it when asked: the intent and the answer to send. */
function confirmNewIntent(params: FormObject): ConfirmResult {
  const amount = Number(text(params['amount']));
  const currency = text(params['currency']);
  const paymentMethod = text(params['payment_method']);
  const confirm = text(params['confirm']) === 'true';
  const allowedTypes = Object.values(object(params['allowed_payment_method_types'])).flatMap((type) => text(type) ?? []);
  if (!Number.isInteger(amount) || amount <= 0) return refused('parameter_missing', 'amount', 'Missing or invalid amount.');
  if (!currency || !/^[a-z]{3}$/i.test(currency)) return refused('parameter_missing', 'currency', 'Missing or invalid currency.');
  const card = paymentMethod ? TEST_CARDS[paymentMethod] : undefined;
  if (paymentMethod && !card) return refused('resource_missing', 'payment_method', `No such PaymentMethod: '${paymentMethod}'`);
  const redirectsRuledOut =
    (allowedTypes.length > 0 && allowedTypes.every((type) => type === 'card')) ||
    text(object(params['automatic_payment_methods'])['allow_redirects']) === 'never' ||
    Boolean(text(params['return_url']));
  if (confirm && !redirectsRuledOut) {
    return refused(
      'parameter_missing',
      'return_url',
      'This PaymentIntent is configured to accept payment methods that may require a redirect. Set return_url, or ' +
        'allow only cards (allowed_payment_method_types[]=card) or no redirects (automatic_payment_methods[allow_redirects]=never).',
    );
  }
  const id = newId('pi');
  const intent: FakeIntent = {
    id,
    object: 'payment_intent',
    amount,
    currency,
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    client_secret: `${id}_secret_${randomBytes(12).toString('base64url')}`,
    description: text(params['description']) ?? null,
    metadata: Object.fromEntries(Object.entries(object(params['metadata'])).map(([name, value]) => [name, text(value) ?? ''])),
    payment_method: paymentMethod ?? null,
    allowed_payment_method_types: allowedTypes.length > 0 ? allowedTypes : ['card'],
    last_payment_error: null,
    next_action: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
  };
  if (!confirm || !card) return { intent, answer: ok(intent) };
  switch (card.outcome) {
    case 'succeeds':
      intent.status = 'succeeded';
      return { intent, answer: ok(intent) };
    case 'requires_action':
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', source: newId('src') } };
      return { intent, answer: ok(intent) };
    case 'declined': {
      const error: PaymentError = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: card.declineCode,
        message: card.message,
        doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      };
      intent.status = 'requires_payment_method';
      intent.last_payment_error = error;
      const paymentMethodObject = { id: paymentMethod, object: 'payment_method', type: 'card' };
      const declined = { ...error, charge: newId('ch'), payment_intent: intent, payment_method: paymentMethodObject };
      return { intent, answer: json(402, { error: declined }) };
    }
  }
}

function eventPayload(id: string, type: FakeWebhookType, intent: FakeIntent): string {
  const object: FakeIntent =
    type === 'payment_intent.succeeded'
      ? { ...intent, status: 'succeeded', next_action: null, last_payment_error: null }
      : {
          ...intent,
          status: 'requires_payment_method',
          next_action: null,
          last_payment_error: intent.last_payment_error ?? GENERIC_DECLINE,
        };
  const event = {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  // Pretty-printed, as Stripe sends it: a body parsed and serialised again would no longer match its signature.
  return JSON.stringify(event, null, 2);
}

// ---- HTTP and Stripe's wire formats -------------------------------------------------------------------------------

type FormValue = string | FormObject;
interface FormObject {
  [name: string]: FormValue;
}

/** Stripe's form encoding, as the SDK writes it: `metadata[purchaseId]=…`, `allowed_payment_method_types[0]=card`. */
function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const path = name.split(/[[\]]+/).filter((part) => part !== '');
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[path[path.length - 1] as string] = value;
  }
  return root;
}

function text(value: FormValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function object(value: FormValue | undefined): FormObject {
  return typeof value === 'object' ? value : {};
}

function refused(code: string, param: string, message: string): { intent: null; answer: Answer } {
  return { intent: null, answer: stripeError(400, { type: 'invalid_request_error', code, param, message }) };
}

function ok(intent: FakeIntent): Answer {
  return json(200, intent);
}

function stripeError(status: number, error: { type: string; code?: string; param?: string; message: string }): Answer {
  return json(status, { error });
}

function json(status: number, body: unknown): Answer {
  return { status, body: JSON.stringify(body) };
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'request-id': newId('req'),
    ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
  response.end(answer.body);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}
