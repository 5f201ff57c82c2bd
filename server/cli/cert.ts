// `showroom cert`: makes a self-signed certificate so a headset on the LAN can open the showroom over HTTPS.
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { writeSelfSignedCertificate } from '../tls';

const hostArg = (value: string, previous: string[] = []) => {
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(value)) throw new InvalidArgumentError('expected a host name or IP address, e.g. showroom.local or 192.168.1.20');
  return [...previous, value];
};
const daysArg = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 825) throw new InvalidArgumentError('expected a whole number of days from 1 to 825');
  return n;
};

export function addCertCommand(program: Command): void {
  program
    .command('cert')
    .description('make a self-signed TLS certificate for this machine (localhost and its LAN addresses) for headset testing')
    .option('--out <dir>', 'folder for cert.pem and key.pem (default: <SHOWROOM_DATA_DIR>/tls)')
    .option('--host <name>', 'another host name or address to include (repeatable)', hostArg)
    .option('--days <n>', 'validity in days (1-825)', daysArg, 365)
    .action(async (opts: { out?: string; host?: string[]; days: number }) => {
      const dir = path.resolve(opts.out ?? path.join(loadConfig().dataDir, 'tls'));
      const files = await writeSelfSignedCertificate(dir, opts.host ?? [], opts.days);
      console.log(`Wrote ${files.cert} and ${files.key} (valid for ${opts.days} days)`);
      console.log(`Valid for: ${files.names.join(', ')}`);
      console.log(`SHA-256 fingerprint: ${files.fingerprint}`);
      console.log('Serve the showroom over HTTPS on the LAN with:');
      console.log(`  TLS_CERT=${files.cert} TLS_KEY=${files.key} HOST=0.0.0.0 npm start`);
    });
}
