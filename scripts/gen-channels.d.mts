export const CHANNELS_FILE: string;
export function renderChannels(
  channelNames: readonly string[],
  eventNames: readonly string[],
): Promise<string>;
