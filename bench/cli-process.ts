import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
export const CLOCK_TICKS = 100;

/** The server URL with another database in its path. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The node flags `npm run cli` runs the CLI with (package.json), so a
 * benchmark measures what an archivist's command uses, memory limits included.
 */
export function cliNodeFlags(): string[] {
  const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts.cli!.split(/\s+/).filter((arg) => arg.startsWith('--max-'));
}

/**
 * How the benchmarks start the CLI: `npm run cli`'s command (the node flags,
 * then bin/namebridge.js, which runs the precompiled dist/cli.mjs when it is
 * newer than every source, as after `npm install`). The bundle is built first,
 * so an edited source is measured, not a stale bundle and not tsx.
 */
let built = false;
export function cliCommand(): string[] {
  if (!built) {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
    built = true;
  }
  return [...cliNodeFlags(), 'bin/namebridge.js'];
}

/** Peak RSS (VmHWM) and CPU seconds (all threads) of a running process, from /proc; null once it has exited. */
export function sampleProcess(pid: number): { peakMB: number; cpuS: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { peakMB: Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024), cpuS: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return null;
  }
}
