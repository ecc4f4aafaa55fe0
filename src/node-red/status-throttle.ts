/**
 * Shows at most one status per interval (the latest), so a node sending
 * thousands of messages a second does not flood the editor with updates.
 * Statuses are given as functions and only the shown one is worked out
 * (its texts come from the message catalog, which is not free).
 */
import type { NodeStatus } from 'node-red';

export type StatusOf = () => NodeStatus;

export function throttledStatus(show: (status: NodeStatus) => void, intervalMs = 250): (status: StatusOf) => void {
  let latest: StatusOf | undefined;
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    if (latest) show(latest());
    latest = undefined;
  };
  return (status) => {
    latest = status;
    if (timer) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}
