/**
 * Groups paths by the node one non-hardened step above them, so one extended public key read from the
 * device yields all their addresses. Paths ending in a hardened step stand alone.
 */
export function groupByParent(
  paths: readonly string[],
): { parent: string | null; children: { path: string; index: number }[] }[] {
  const groups = new Map<string, { path: string; index: number }[]>();
  const alone: { path: string; index: number }[] = [];
  for (const path of paths) {
    const cut = path.lastIndexOf('/');
    const last = path.slice(cut + 1);
    if (cut <= 0 || !/^\d+$/.test(last)) {
      alone.push({ path, index: -1 });
      continue;
    }
    const parent = path.slice(0, cut);
    groups.set(parent, [...(groups.get(parent) ?? []), { path, index: Number(last) }]);
  }
  return [
    ...[...groups].map(([parent, children]) => ({ parent: children.length > 1 ? parent : null, children })),
    ...alone.map((child) => ({ parent: null, children: [child] })),
  ];
}
