import { describe, expect, it } from 'vitest';
import { defaultSettings, HoldfastError, methodNames, methods, type Outcome, type Settings } from '../../../electron/contract';
import { createDispatcher, type MethodHandlers } from '../../../electron/host/dispatcher';

const online = { state: 'online' as const, reason: 'test', checkedAt: '2026-01-01T00:00:00.000Z' };

/** Plain handlers that record what they were given; `overrides` replaces some of them. */
function dispatcherWith(overrides: Partial<MethodHandlers> = {}) {
  const received: { method: string; params: unknown }[] = [];
  const internalErrors: { method: string; error: unknown }[] = [];
  let settings: Settings = { ...defaultSettings };
  // Methods this file does not exercise answer null (the dispatcher does not check results).
  const untouched = Object.fromEntries(methodNames.map((method) => [method, () => null])) as unknown as MethodHandlers;
  const handlers: MethodHandlers = {
    ...untouched,
    'app.describe': (params) => (received.push({ method: 'app.describe', params }), { productName: 'Holdfast', version: '0', shell: 'browser', dataDir: '/d', platform: 'linux', problems: [] }),
    'settings.get': (params) => (received.push({ method: 'settings.get', params }), settings),
    'settings.update': (patch) => (received.push({ method: 'settings.update', params: patch }), (settings = { ...settings, ...patch })),
    'connectivity.get': () => online,
    'connectivity.recheck': async () => online,
    ...overrides,
  };
  const dispatcher = createDispatcher(handlers, (method, error) => internalErrors.push({ method, error }));
  return { dispatcher, received, internalErrors };
}

function expectFailure(outcome: Outcome) {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.error;
}

describe('createDispatcher', () => {
  it('runs the handler of a known method and returns its result', async () => {
    const { dispatcher, received } = dispatcherWith();
    const outcome = await dispatcher.call('settings.update', { theme: 'dark' });
    expect(outcome).toEqual({ ok: true, result: { ...defaultSettings, theme: 'dark' } });
    expect(received).toEqual([{ method: 'settings.update', params: { theme: 'dark' } }]);
  });

  it('answers every contract method whose params may be empty', async () => {
    const { dispatcher } = dispatcherWith();
    const paramless = methodNames.filter((method) => methods[method].params.safeParse({}).success);
    expect(paramless).toContain('settings.get');
    for (const method of paramless) expect((await dispatcher.call(method, {})).ok, method).toBe(true);
  });

  it.each(['no.such.method', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('refuses the unknown method %j with unknown_method', async (method) => {
    const { dispatcher, received } = dispatcherWith();
    const error = expectFailure(await dispatcher.call(method, {}));
    expect(error.code).toBe('unknown_method');
    expect(received).toEqual([]);
  });

  it('refuses bad params with invalid_params, naming the field path, without calling the handler', async () => {
    const { dispatcher, received } = dispatcherWith();
    const error = expectFailure(await dispatcher.call('settings.update', { theme: 'purple', responderName: 42 }));
    expect(error.code).toBe('invalid_params');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['params.responderName', 'params.theme']);
    expect(error.message).toContain('params.theme');
    expect(received).toEqual([]);
  });

  it('refuses an extra unknown field on settings.update, naming it', async () => {
    const { dispatcher, received } = dispatcherWith();
    const error = expectFailure(await dispatcher.call('settings.update', { theme: 'dark', bogusField: true }));
    expect(error.code).toBe('invalid_params');
    expect(error.message).toContain('bogusField');
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(received).toEqual([]);
  });

  it('refuses params on methods that take none', async () => {
    const { dispatcher } = dispatcherWith();
    expect(expectFailure(await dispatcher.call('app.describe', { verbose: true })).code).toBe('invalid_params');
  });

  it('keeps the code, message and issues of a HoldfastError thrown by a handler, and does not report it as internal', async () => {
    const issues = [{ path: 'params.theme', message: 'locked by policy' }];
    const { dispatcher, internalErrors } = dispatcherWith({
      'settings.update': () => {
        throw new HoldfastError('conflict', 'Settings changed elsewhere', issues);
      },
    });
    const error = expectFailure(await dispatcher.call('settings.update', { theme: 'dark' }));
    expect(error).toEqual({ code: 'conflict', message: 'Settings changed elsewhere', issues });
    expect(internalErrors).toEqual([]);
  });

  it('turns a plain Error from a handler (thrown or rejected) into internal and reports it', async () => {
    const boom = new Error('disk on fire');
    const { dispatcher, internalErrors } = dispatcherWith({
      'settings.get': () => {
        throw boom;
      },
      'connectivity.recheck': async () => Promise.reject(new Error('probe exploded')),
    });
    const error = expectFailure(await dispatcher.call('settings.get', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('disk on fire');
    expect(expectFailure(await dispatcher.call('connectivity.recheck', {})).code).toBe('internal');
    expect(internalErrors.map((entry) => entry.method)).toEqual(['settings.get', 'connectivity.recheck']);
    expect(internalErrors[0]!.error).toBe(boom);
  });

  it('turns a thrown non-Error value into internal too', async () => {
    const { dispatcher, internalErrors } = dispatcherWith({
      'settings.get': () => {
        throw 'just a string';
      },
    });
    expect(expectFailure(await dispatcher.call('settings.get', {})).code).toBe('internal');
    expect(internalErrors).toHaveLength(1);
  });

  it('treats null or missing params as no params', async () => {
    const { dispatcher, received } = dispatcherWith();
    expect((await dispatcher.call('app.describe', null)).ok).toBe(true);
    expect((await dispatcher.call('app.describe', undefined)).ok).toBe(true);
    expect(received).toEqual([
      { method: 'app.describe', params: {} },
      { method: 'app.describe', params: {} },
    ]);
  });

  it.each([
    ['a string', 'theme=dark'],
    ['an array', [{ theme: 'dark' }]],
    ['a number', 7],
    ['a boolean', true],
  ])('answers invalid_params for %s as params and never throws', async (_label, params) => {
    const { dispatcher, received } = dispatcherWith();
    const outcome = dispatcher.call('settings.update', params);
    await expect(outcome).resolves.toBeDefined();
    const error = expectFailure(await outcome);
    expect(error.code).toBe('invalid_params');
    expect(error.issues?.[0]?.path).toBe('params');
    expect(received).toEqual([]);
  });

  it('never throws for a non-string method name', async () => {
    const { dispatcher } = dispatcherWith();
    for (const method of [undefined, null, 42, {}] as unknown as string[]) {
      expect(expectFailure(await dispatcher.call(method, {})).code).toBe('unknown_method');
    }
  });
});
