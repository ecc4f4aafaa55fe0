/**
 * Shows at most one status per interval (the latest), so a node sending
 * thousands of messages a second does not flood the editor with updates.
 */
import type { NodeStatus } from 'node-red';

export function throttledStatus(show: (status: NodeStatus) => void, intervalMs = 250): (status: NodeStatus) => void {
  let latest: NodeStatus | undefined;
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    if (latest) show(latest);
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
