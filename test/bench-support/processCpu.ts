import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat a CPU measurement needs. */
export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, of every thread of the process, in clock ticks. */
  cpuTicks: number;
}

/**
 * Parses one /proc/<pid>/stat line (proc(5)). The command name sits in parentheses and may itself hold spaces
 * and parentheses, so the fields are counted from its last closing parenthesis.
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const pid = Number(text.slice(0, open).trim());
  // Fields from 3 (state) on; utime and stime are fields 14 and 15.
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const [ppid, utime, stime] = [field(4), field(14), field(15)];
  if (![pid, ppid, utime, stime].every(Number.isSafeInteger)) {
    throw new Error(`a /proc/<pid>/stat line with a malformed field: ${text.slice(0, 80)}`);
  }
  return { pid, comm: text.slice(open + 1, close), ppid, cpuTicks: utime + stime };
}

export function readProcStat(pid: number): ProcStat {
  return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Clock ticks per second (USER_HZ), the unit of /proc's CPU times; 100 on every common Linux build. */
export function clockTicksPerSecond(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isSafeInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK gave ${ticks}`);
  return ticks;
}

/** CPU time used over a wall-clock window, as a percentage of one core (200 is two cores flat out). */
export function cpuPercent(cpuSeconds: number, wallSeconds: number): number {
  if (!(wallSeconds > 0)) throw new Error(`a CPU window must last some time, not ${wallSeconds} s`);
  if (!(cpuSeconds >= 0)) throw new Error(`CPU time cannot be ${cpuSeconds} s`);
  return (cpuSeconds / wallSeconds) * 100;
}

/** Live children of `parentPid` whose command line (arguments joined by spaces) contains `needle`. */
export function findChildProcesses(parentPid: number, needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readProcStat(Number(entry)).ppid !== parentPid) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (command.includes(needle)) found.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found;
}
