// `npm run dev`: the API server (restarted on change by tsx watch) behind Vite's hot-reloading dev server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';
import { loadConfig, projectRoot } from './config';
import { createLogger } from './logger';

const config = loadConfig();
const apiPort = config.port + 1;
const api = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'server/main.ts'], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, PORT: String(apiPort), HOST: '127.0.0.1' },
});
process.env.SHOWROOM_API_PORT = String(apiPort);
const vite = await createServer({ configFile: path.join(projectRoot, 'vite.config.ts'), server: { port: config.port, host: config.host, strictPort: true } });
await vite.listen();
vite.printUrls();
createLogger('info').info(`API on http://127.0.0.1:${apiPort} (proxied at /trpc)`);
const stop = () => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
