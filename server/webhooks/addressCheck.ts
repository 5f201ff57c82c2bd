// Refuses webhook targets on loopback, link-local, private and other non-public addresses (every address a host name resolves to, IPv4 and IPv6).
import dns from 'node:dns';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  blocked.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(net6, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 IPv6 address (::ffff:a.b.c.d, 64:ff9b::a.b.c.d), if any. */
function embeddedIPv4(address: string): string | null {
  const m = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether `address` (IPv4 or IPv6 literal) is loopback, link-local, private, shared, reserved or multicast. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIPv4(address.toLowerCase());
  if (v4 && net.isIPv4(v4)) return blocked.check(v4, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** Thrown when a webhook URL's host is not allowed; the message says why. */
export class UnsafeTargetError extends Error {}

/**
 * Resolves `hostname` (a literal address is taken as it is) and returns every address, or throws UnsafeTargetError
 * when it does not resolve or, unless `allowPrivate`, when any address is not public.
 */
export async function checkedAddresses(hostname: string, allowPrivate: boolean): Promise<{ address: string; family: number }[]> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  let found: { address: string; family: number }[];
  if (net.isIP(host)) found = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      found = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new UnsafeTargetError(`url: the host ${host} does not resolve`);
    }
  }
  if (found.length === 0) throw new UnsafeTargetError(`url: the host ${host} does not resolve`);
  const bad = found.find((a) => isNonPublicAddress(a.address));
  if (bad && !allowPrivate) {
    throw new UnsafeTargetError(
      `url: ${bad.address === host ? host : `${host} resolves to ${bad.address}, which`} is a loopback, link-local or private address; webhooks go to public addresses only (set SHOWROOM_WEBHOOK_ALLOW_PRIVATE=1 to allow a CRM on the local network)`,
    );
  }
  return found;
}

/**
 * A `lookup` for node:http(s) requests that resolves with the same check, so the address connected to is the one
 * checked (a host name that changes its answer after the endpoint was saved is still refused).
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, allowPrivate).then(
      (list) => {
        const wanted = options.family === 4 || options.family === 6 ? list.filter((a) => a.family === options.family) : list;
        const pick = wanted.length ? wanted : list;
        if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, pick);
        else callback(null, pick[0]!.address, pick[0]!.family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EUNSAFE' }) as NodeJS.ErrnoException, '', 0),
    );
  };
}
