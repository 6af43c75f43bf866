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
