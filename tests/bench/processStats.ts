import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * What the benchmarks read about a child process from /proc (Linux only;
 * elsewhere every reading is null): its peak resident set and the CPU time
 * it has used. CPU time per request is the measure that survives a shared
 * machine: req/s on 2 cores shared with the subgraphs and the load
 * generator compresses the differences between gateways, CPU per request
 * does not.
 */

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every mainstream Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Peak resident set size since start or the last reset, from VmHWM (MB). */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Resets the peak (5 → /proc/<pid>/clear_refs) so a later reading is this phase's own. False when refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU seconds the process has used so far (its own threads, not its children). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores, /proc/stat: everything but idle and iowait). */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (ticks[i] ?? 0), 0);
    return busy / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by each process named `postgres` on this machine
 * (the server, its backends and workers), by pid. Null off Linux.
 */
export function postgresCpuByPid(): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const byPid = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const seconds = cpuSeconds(Number(pid));
      if (seconds !== null) byPid.set(Number(pid), seconds);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU seconds since `before` (a postgresCpuByPid reading):
 * per process, so a backend that exits meanwhile (a bulk load's connection)
 * does not take its whole past with it; its last moments are lost instead,
 * which undercounts a little.
 */
export function postgresCpuSince(before: ReadonlyMap<number, number>): number | null {
  const now = postgresCpuByPid();
  if (!now) return null;
  let total = 0;
  for (const [pid, seconds] of now) total += seconds - (before.get(pid) ?? 0);
  return total;
}
