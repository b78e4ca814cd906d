const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The time of day, for rows under a day header. */
export function timeOfDay(timestampSeconds: number): string {
  return TIME.format(timestampSeconds * 1000);
}

/** Date and time to the second, for the drawer, where the entry stands alone. */
export function dateTime(timestampSeconds: number): string {
  return DATE_TIME.format(timestampSeconds * 1000);
}
