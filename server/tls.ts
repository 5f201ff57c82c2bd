// Self-signed TLS certificates for testing the showroom on a headset over the LAN (WebXR needs HTTPS).
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  cert: string;
  key: string;
  /** The names and addresses the certificate is valid for. */
  names: string[];
  fingerprint: string;
}

/** This machine's non-internal IPv4 and IPv6 addresses (what a headset on the LAN would use). */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    // Link-local IPv6 addresses need a zone id that certificates cannot hold.
    .filter((a): a is os.NetworkInterfaceInfo => Boolean(a) && !a!.internal && !a!.address.startsWith('fe80:'))
    .map((a) => a.address);
}

const isIp = (s: string) => /^[0-9.]+$/.test(s) || s.includes(':');

/**
 * Writes `cert.pem` and `key.pem` (private key, mode 600) into `dir`: an ECDSA P-256 certificate valid `days`
 * days for localhost, 127.0.0.1, this machine's LAN addresses and `extraNames`.
 */
export async function writeSelfSignedCertificate(dir: string, extraNames: string[] = [], days = 365): Promise<CertificateFiles> {
  const names = [...new Set(['localhost', '127.0.0.1', '::1', os.hostname(), ...lanAddresses(), ...extraNames])];
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'Showroom (self-signed, LAN testing)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + days * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIp(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  fs.writeFileSync(cert, pems.cert);
  fs.writeFileSync(key, pems.private, { mode: 0o600 });
  return { cert, key, names, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}
