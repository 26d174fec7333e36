/** A command or query is a plain object of JSON primitives carrying the caller's whole intent. */
export type Command = object;
export type Query = object;

/** One use case: its ports come through the constructor, its input through `handle`. */
export interface Handler<TInput, TResult> {
  handle(input: TInput): Promise<TResult>;
}

/** Who is asking: every handler that checks permissions receives it in its input. */
export interface Actor {
  readonly userId: string;
  readonly role: 'member' | 'trainer' | 'admin';
}

export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}
