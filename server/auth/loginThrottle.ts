// Limits failed staff logins per client address and per account (rate-limiter-flexible, in memory per server).
import { TRPCError } from '@trpc/server';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimitedError } from '../ingest/rateLimit';

/** Failed attempts allowed in a window of `windowSeconds` before further attempts are refused until it ends. */
export const LOGIN_LIMITS = {
  perAddress: { failures: 20, windowSeconds: 15 * 60 },
  perAccount: { failures: 10, windowSeconds: 15 * 60 },
} as const;

export class LoginThrottle {
  private readonly byAddress = new RateLimiterMemory({ keyPrefix: 'login-ip', points: LOGIN_LIMITS.perAddress.failures, duration: LOGIN_LIMITS.perAddress.windowSeconds });
  private readonly byAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: LOGIN_LIMITS.perAccount.failures, duration: LOGIN_LIMITS.perAccount.windowSeconds });

  /** Refuses (429 TOO_MANY_REQUESTS, saying when to retry) while either limit is used up; checked before the password. */
  async check(address: string, email: string): Promise<void> {
    const [ip, account] = await Promise.all([this.byAddress.get(address), this.byAccount.get(accountKey(email))]);
    if (ip && ip.consumedPoints >= LOGIN_LIMITS.perAddress.failures) throw tooMany('from this address', ip.msBeforeNext);
    if (account && account.consumedPoints >= LOGIN_LIMITS.perAccount.failures) throw tooMany('for this account', account.msBeforeNext);
  }

  /** Counts a failed attempt against the address and the account. */
  async failed(address: string, email: string): Promise<void> {
    await Promise.all([this.byAddress.consume(address).catch(() => undefined), this.byAccount.consume(accountKey(email)).catch(() => undefined)]);
  }

  /** A successful login clears the account's count (the address keeps its own). */
  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();

function tooMany(where: string, msBeforeNext: number): TRPCError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many failed logins ${where}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    cause: new RateLimitedError(msBeforeNext),
  });
}

const throttles = new WeakMap<object, LoginThrottle>();

/** The throttle of one running server (keyed by its database handle, so each test server has its own). */
export function loginThrottleFor(owner: object): LoginThrottle {
  let t = throttles.get(owner);
  if (!t) throttles.set(owner, (t = new LoginThrottle()));
  return t;
}
