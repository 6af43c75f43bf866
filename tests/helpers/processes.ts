import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunResult {
  code: number | null;
  /** The signal that ended the process (SIGKILL in the crash tests), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The heap flags `npm run cli` gives Node (package.json), so tests run the CLI as archivists do. */
const CLI_FLAGS = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { cli: string } }).scripts.cli
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--max-'));

/** Starts `node --import tsx <args>` in the project root, as `npm start` does (and `npm run cli` when the bundle is older than a source). */
export function startNode(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const flags = args[0] === 'src/cli/main.ts' ? CLI_FLAGS : [];
  return spawn(process.execPath, [...flags, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A started process whose output (stdout and stderr, interleaved) is kept as it comes. */
export interface LoggedProcess {
  child: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
}

export function startLogged(args: string[], env: NodeJS.ProcessEnv = {}): LoggedProcess {
  const child = startNode(args, env);
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => (out += d));
  child.stderr!.on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, logs: () => out, exited };
}

export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<RunResult> {
  const child = startNode(args, env);
  return collect(child, stdin);
}

export function collect(child: ChildProcess, stdin?: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  // Decode as a stream: a Cyrillic or Chinese character may straddle two chunks.
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (d: string) => (stdout += d));
  child.stderr?.on('data', (d: string) => (stderr += d));
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
