/** 0x1234…abcd: enough to tell addresses apart at a glance; the full address is always in a title or copy. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
