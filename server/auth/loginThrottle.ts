// Limits failed staff logins per (account, address) first, then per account and per address, so an attacker cannot lock the owner out (in memory per server).
import { TRPCError } from '@trpc/server';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimitedError } from '../ingest/rateLimit';

/**
 * Failed attempts allowed in a window of `windowSeconds`.
 * - perAccountAndAddress: this account from this address; then refused until the window ends.
 * - perAccount: this account from anywhere; then an address the account never logged in from may try once
 *   every `newAddressDelaySeconds` (its first try is at once); addresses it logged in from are not limited by it.
 * - perAddress: any accounts from this address; then the address is refused, except for accounts that logged
 *   in from it before.
 */
export const LOGIN_LIMITS = {
  perAccountAndAddress: { failures: 10, windowSeconds: 15 * 60 },
  perAccount: { failures: 30, windowSeconds: 15 * 60 },
  perAddress: { failures: 100, windowSeconds: 15 * 60 },
  newAddressDelaySeconds: 60,
} as const;

/** Addresses remembered per account as known (the most recent successful ones). */
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;
/** Accounts whose known addresses are kept (least recently used forgotten first). */
const KNOWN_ACCOUNTS = 10_000;

export class LoginThrottle {
  private readonly byPair = limiter('login-pair', LOGIN_LIMITS.perAccountAndAddress);
  private readonly byAccount = limiter('login-account', LOGIN_LIMITS.perAccount);
  private readonly byAddress = limiter('login-address', LOGIN_LIMITS.perAddress);
  private readonly newAddressLane = new RateLimiterMemory({ keyPrefix: 'login-new-address', points: 1, duration: LOGIN_LIMITS.newAddressDelaySeconds });
  /** Account -> addresses it logged in from, most recent last. */
  private readonly known = new Map<string, string[]>();

  /**
   * Refuses (429 TOO_MANY_REQUESTS, saying when to retry) while a limit applies to this account from this
   * address; checked before the password.
   */
  async check(address: string, email: string): Promise<void> {
    const account = accountKey(email);
    const pairKey = `${account} ${address}`;
    const [pair, byAccount, byAddress] = await Promise.all([this.byPair.get(pairKey), this.byAccount.get(account), this.byAddress.get(address)]);
    if (pair && pair.consumedPoints >= LOGIN_LIMITS.perAccountAndAddress.failures) throw tooMany('for this account from this address', pair.msBeforeNext);
    if (this.isKnown(account, address)) return;
    if (byAddress && byAddress.consumedPoints >= LOGIN_LIMITS.perAddress.failures) throw tooMany('from this address', byAddress.msBeforeNext);
    if (byAccount && byAccount.consumedPoints >= LOGIN_LIMITS.perAccount.failures) {
      const lane = await this.newAddressLane.consume(pairKey).then(
        () => null,
        (r: { msBeforeNext: number }) => r,
      );
      if (lane) {
        const seconds = Math.max(1, Math.ceil(lane.msBeforeNext / 1000));
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many failed logins for this account; from an address not used with it before, try once a minute (next in ${seconds} s)`,
          cause: new RateLimitedError(lane.msBeforeNext),
        });
      }
    }
  }

  /** Counts a failed attempt against the (account, address) pair, the account and the address. */
  async failed(address: string, email: string): Promise<void> {
    const account = accountKey(email);
    const ignore = () => undefined;
    await Promise.all([this.byPair.consume(`${account} ${address}`).catch(ignore), this.byAccount.consume(account).catch(ignore), this.byAddress.consume(address).catch(ignore)]);
  }

  /** A successful login clears the pair's count and makes the address known for the account. */
  async succeeded(address: string, email: string): Promise<void> {
    const account = accountKey(email);
    await this.byPair.delete(`${account} ${address}`);
    const list = (this.known.get(account) ?? []).filter((a) => a !== address);
    list.push(address);
    if (list.length > KNOWN_ADDRESSES_PER_ACCOUNT) list.shift();
    this.known.delete(account);
    this.known.set(account, list);
    if (this.known.size > KNOWN_ACCOUNTS) this.known.delete(this.known.keys().next().value!);
  }

  private isKnown(account: string, address: string): boolean {
    return this.known.get(account)?.includes(address) ?? false;
  }
}

function limiter(keyPrefix: string, l: { failures: number; windowSeconds: number }): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix, points: l.failures, duration: l.windowSeconds });
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
