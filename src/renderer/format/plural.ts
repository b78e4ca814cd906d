/** "1 holding", "3 holdings": a count with its noun, for notes that count things. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
