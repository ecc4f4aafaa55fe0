/**
 * What keeps this process alive, by kind (sockets, timers, servers), from
 * Node's own list of active resources. Unref'd timers are not in it: they
 * cannot keep a process from ending.
 */
export type HandleCounts = Record<string, number>;

export function activeHandles(): HandleCounts {
  const counts: HandleCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The kinds whose count grew since the baseline, with both counts ("Timeout: 3 → 5"). */
export function handlesAbove(baseline: HandleCounts, now = activeHandles()): string[] {
  return Object.entries(now)
    .filter(([kind, count]) => count > (baseline[kind] ?? 0))
    .map(([kind, count]) => `${kind}: ${baseline[kind] ?? 0} → ${count}`);
}
