// Errors crossing the contract: a closed set of codes the UI and CLI can act on, plus where the problem is.
import { z } from 'zod';

export const errorCodes = [
  'invalid_request', // the envelope itself is malformed (not JSON, no method, wrong types)
  'unknown_method',
  'invalid_params', // the method exists but its params fail validation; `issues` names each field
  'not_found',
  'conflict',
  'unauthorized',
  'unavailable', // the host could not be reached (the browser shell stopped, the socket dropped)
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(errorIssueSchema).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

/** Thrown inside the host (and re-thrown by clients) so a failure keeps its code across the boundary. */
export class HoldfastError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'HoldfastError';
  }

  toContract(): ContractError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromContract(error: ContractError): HoldfastError {
    return new HoldfastError(error.code, error.message, error.issues);
  }
}

/** What any thrown value says, for a one-line message (a HoldfastError's message is already written for people). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
