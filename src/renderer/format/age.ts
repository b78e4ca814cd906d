/**
 * "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago": short enough for a chip, exact enough to judge
 * freshness. Under a second is "just now", which "0 s ago" only says awkwardly.
 */
export function formatAge(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - thenMs) / 1000));
  if (seconds === 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
