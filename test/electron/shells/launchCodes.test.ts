// Launch codes: single use, short-lived, on a clock the test controls.
import { describe, expect, it } from 'vitest';
import { LaunchCodes, launchCodeLifetimeMs } from '../../../electron/shells/browser/launchCodes';

function codesOnTestClock() {
  const clock = { now: 1_000_000 };
  return { clock, codes: new LaunchCodes(() => clock.now) };
}

describe('launch codes', () => {
  it('live for a minute', () => {
    expect(launchCodeLifetimeMs).toBe(60_000);
  });

  it('open the console once', () => {
    const { codes } = codesOnTestClock();
    const code = codes.mint();
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
  });

  it('are each their own: spending one leaves the others live', () => {
    const { codes } = codesOnTestClock();
    const first = codes.mint();
    const second = codes.mint();
    expect(first).not.toBe(second);
    expect(codes.redeem(second)).toBe(true);
    expect(codes.redeem(first)).toBe(true);
  });

  it('expire after their lifetime, used or not', () => {
    const { clock, codes } = codesOnTestClock();
    const justInTime = codes.mint();
    const tooLate = codes.mint();
    clock.now += launchCodeLifetimeMs - 1;
    expect(codes.redeem(justInTime)).toBe(true);
    clock.now += 1;
    expect(codes.redeem(tooLate)).toBe(false);
  });

  it('refuse what was never minted', () => {
    const { codes } = codesOnTestClock();
    codes.mint();
    expect(codes.redeem('')).toBe(false);
    expect(codes.redeem('not-a-code')).toBe(false);
  });
});
