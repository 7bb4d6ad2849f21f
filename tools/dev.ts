import { spawn } from 'node:child_process';

/**
 * `npm run dev`: rebuilds the renderer on every change and serves it through the web bridge,
 * so the UI can be worked on in any browser without Electron.
 */
const run = (command: string, args: string[]) =>
  spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

const watcher = run('npx', ['vite', 'build', '--watch']);
const bridge = run('npx', ['tsx', 'watch', '--clear-screen=false', 'main/web-bridge-cli.ts']);
const stop = () => {
  watcher.kill();
  bridge.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
