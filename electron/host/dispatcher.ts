// The host boundary: every request from any shell passes through here. It validates the method name and
// params against the contract, runs the handler, and turns every failure into a typed ContractError.
// Nothing a client sends can crash the host.
import type { z } from 'zod';
import { errorMessage, HoldfastError, isMethodName, type MethodName, methods, type Outcome, type ResultOf } from '../contract';

export type MethodHandlers = { [M in MethodName]: (params: z.output<(typeof methods)[M]['params']>) => Promise<ResultOf<M>> | ResultOf<M> };

export interface Dispatcher {
  call(method: string, params: unknown): Promise<Outcome>;
}

export function describeIssues(error: z.ZodError, root: string): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const path = [root, ...issue.path.map(String)];
    // An unknown field is reported at the field itself, so the UI and CLI can point at it.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: `unknown field "${key}"` }));
    return [{ path: path.join('.'), message: issue.message }];
  });
}

export function createDispatcher(handlers: MethodHandlers, onInternalError: (method: string, error: unknown) => void): Dispatcher {
  return {
    async call(method, params) {
      if (!isMethodName(method)) {
        return failure(new HoldfastError('unknown_method', `Unknown method "${String(method)}".`));
      }
      const parsed = methods[method].params.safeParse(params ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error, 'params');
        const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
        return failure(new HoldfastError('invalid_params', `Invalid params for ${method}: ${summary}`, issues));
      }
      try {
        // The map is keyed by method, so this handler matches the params just validated for it.
        const handler = handlers[method] as (params: unknown) => unknown;
        return { ok: true, result: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof HoldfastError) return failure(error);
        onInternalError(method, error);
        return failure(new HoldfastError('internal', `${method} failed unexpectedly: ${errorMessage(error)}`));
      }
    },
  };
}

function failure(error: HoldfastError): Outcome {
  return { ok: false, error: error.toContract() };
}
