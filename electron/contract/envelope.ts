// The wire format shared by the WebSocket and HTTP transports (Electron IPC carries the same shapes).
import { z } from 'zod';
import type { ContractError } from './errors';
import type { HostEvent } from './events';

export const requestEnvelopeSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1),
  params: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export type Outcome<T = unknown> = { ok: true; result: T } | { ok: false; error: ContractError };

/** A reply to a request; `id` is null when the request was too malformed to carry one. */
export type ResponseEnvelope = { kind: 'response'; id: number | null } & Outcome;

export type EventEnvelope = { kind: 'event' } & HostEvent;

export type ServerMessage = ResponseEnvelope | EventEnvelope;
