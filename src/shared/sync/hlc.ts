import { SyncInputError } from './syncInputError';
import { DeviceId, HlcString } from './syncOps';

/** A hybrid logical clock reading (Kulkarni et al., 2014): wall-clock milliseconds, then a counter. */
export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

const MAX_WALL = 0xffff_ffff_ffff;
const MAX_COUNTER = 0xff_ffff;

/**
 * How far ahead of this device's clock a remote stamp may be. Without a bound, one device with a clock set
 * years ahead would stamp every later write of every device, so its writes would win forever.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export function encodeHlc(h: Hlc): string {
  if (!Number.isSafeInteger(h.wall) || h.wall < 0 || h.wall > MAX_WALL)
    throw new RangeError(`clock wall time ${h.wall} is not an integer between 0 and ${MAX_WALL}`);
  if (!Number.isSafeInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER)
    throw new RangeError(`clock counter ${h.counter} is not an integer between 0 and ${MAX_COUNTER}`);
  if (!DeviceId.safeParse(h.device).success)
    throw new RangeError(`clock device "${h.device}" is not a 16-digit hex device id`);
  return `${h.wall.toString(16).padStart(12, '0')}-${h.counter.toString(16).padStart(6, '0')}-${h.device}`;
}

export function decodeHlc(s: string): Hlc {
  if (!HlcString.safeParse(s).success)
    throw new SyncInputError(`"${String(s).slice(0, 60)}" is not a sync clock stamp`);
  const [wall, counter, device] = s.split('-') as [string, string, string];
  return { wall: parseInt(wall, 16), counter: parseInt(counter, 16), device };
}

/**
 * One device's clock. Stamps follow the wall clock while it moves forward and fall back on the counter when
 * it stalls or steps back, so stamps order causally even across devices whose clocks disagree.
 */
export class HybridClock {
  /** The greatest (wall, counter) this clock issued or observed; the device part never matters here. */
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly device: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!DeviceId.safeParse(device).success)
      throw new RangeError(`clock device "${device}" is not a 16-digit hex device id`);
  }

  /** A new stamp, strictly greater than every stamp this clock issued or observed, whatever their device. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      if (this.counter === MAX_COUNTER)
        throw new RangeError(
          `clock counter overflow: ${MAX_COUNTER + 1} stamps at ${this.wall} without the wall clock reaching it`,
        );
      this.counter += 1;
    }
    return encodeHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  /** Folds in a stamp from another device, so that the next tick follows it. */
  observe(remote: string): void {
    const { wall, counter } = decodeHlc(remote);
    const physical = this.now();
    if (wall - physical > MAX_CLOCK_SKEW_MS)
      throw new SyncInputError(
        `a change is stamped ${formatAhead(wall - physical)} ahead of this device's clock; ` +
          `one of the two clocks is wrong, and changes from more than a day ahead are refused`,
      );
    if (wall > this.wall || (wall === this.wall && counter > this.counter)) {
      this.wall = wall;
      this.counter = counter;
    }
  }
}

function formatAhead(ms: number): string {
  const hours = ms / 3_600_000;
  return hours < 48 ? `${Math.round(hours)} hours` : `${Math.round(hours / 24)} days`;
}
