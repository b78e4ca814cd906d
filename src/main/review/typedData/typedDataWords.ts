const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Jan 2027", in UTC so the desktop, the device overlay and the phone read the same day. */
export function dateText(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "until 5 Jan 2027", or "with no end date" for what never expires. */
export function untilText(unixSeconds: number | null): string {
  return unixSeconds === null ? 'with no end date' : `until ${dateText(unixSeconds)}`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more": a sentence stays readable for a batch of 100. */
export function listText(items: readonly string[], shown = 3): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  if (items.length > shown) return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A sentence cut to the schema's bound with "…", rather than a response the router would refuse. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
