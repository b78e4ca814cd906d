import { describe, expect, it } from 'vitest';
import {
  clockTicksPerSecond,
  cpuPercent,
  findChildProcesses,
  parseProcStat,
  readProcStat,
} from './processCpu';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** A real line from proc(5)'s layout: pid (comm) state ppid pgrp session tty tpgid flags … utime stime … */
const line = (comm: string, utime: number, stime: number) =>
  `4242 (${comm}) S 17 4242 4242 0 -1 4194560 812 0 0 0 ${utime} ${stime} 3 1 20 0 11 0 9154 1130000384 12000`;

describe('parseProcStat', () => {
  it('reads the pid, parent and user plus system ticks', () => {
    expect(parseProcStat(line('node', 150, 25))).toEqual({
      pid: 4242,
      comm: 'node',
      ppid: 17,
      cpuTicks: 175,
    });
  });

  it('counts fields from the last parenthesis, so a command name with spaces and ")" cannot shift them', () => {
    expect(parseProcStat(line('Web Content) S 1 2', 7, 3))).toMatchObject({
      comm: 'Web Content) S 1 2',
      ppid: 17,
      cpuTicks: 10,
    });
  });

  it('refuses a line that is not a stat line, or a field that is not a number', () => {
    expect(() => parseProcStat('no parentheses here')).toThrow(/not a \/proc/);
    expect(() => parseProcStat('4242 (node) S 17 1 1 0 -1 0 0 0 0 0 x 5')).toThrow(/malformed/);
    expect(() => parseProcStat('4242 (node) S 17')).toThrow(/malformed/);
  });

  it('reads this process: its own pid, and CPU time that only grows', () => {
    const before = readProcStat(process.pid);
    const until = Date.now() + 100;
    while (Date.now() < until); // busy on purpose: at least 10 ticks of CPU time
    const after = readProcStat(process.pid);
    expect(before.pid).toBe(process.pid);
    expect(before.ppid).toBe(process.ppid);
    expect(after.cpuTicks).toBeGreaterThan(before.cpuTicks);
  });
});

describe('cpuPercent', () => {
  it('gives CPU time as a share of one core over the window', () => {
    expect(cpuPercent(0.18, 60)).toBeCloseTo(0.3);
    expect(cpuPercent(0, 60)).toBe(0);
    expect(cpuPercent(120, 60)).toBe(200);
  });

  it('refuses a window of no time and negative CPU time', () => {
    expect(() => cpuPercent(1, 0)).toThrow(/some time/);
    expect(() => cpuPercent(-1, 60)).toThrow(/cannot be/);
    expect(() => cpuPercent(Number.NaN, 60)).toThrow(/cannot be/);
  });
});

describe('clockTicksPerSecond', () => {
  it("is the system's USER_HZ", () => {
    expect(clockTicksPerSecond()).toBeGreaterThanOrEqual(100);
  });
});

describe('findChildProcesses', () => {
  it("finds this process's child by its command line, and not another's", async () => {
    const marker = `idle-bench-child-${process.pid}`;
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', marker], { stdio: 'ignore' });
    try {
      await once(child, 'spawn');
      expect(findChildProcesses(process.pid, marker)).toEqual([child.pid]);
      expect(findChildProcesses(process.pid, `${marker}-other`)).toEqual([]);
      expect(findChildProcesses(1, marker)).toEqual([]);
    } finally {
      child.kill();
    }
  });
});
