/**
 * One request at a time per device: a Ledger or Trezor answers one exchange sequence at a time, and two
 * interleaved requests would corrupt both. A failed or rejected request frees the device for the next one.
 */
export class DeviceQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly depth = new Map<string, number>();

  run<T>(deviceId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(deviceId) ?? Promise.resolve();
    const result = previous.then(task);
    const tail: Promise<void> = result.then(
      () => this.settle(deviceId, tail),
      () => this.settle(deviceId, tail),
    );
    this.tails.set(deviceId, tail);
    this.depth.set(deviceId, this.pending(deviceId) + 1);
    return result;
  }

  /** Requests queued or running on a device. */
  pending(deviceId: string): number {
    return this.depth.get(deviceId) ?? 0;
  }

  private settle(deviceId: string, tail: Promise<void>): void {
    const left = this.pending(deviceId) - 1;
    if (left > 0) this.depth.set(deviceId, left);
    else this.depth.delete(deviceId);
    if (this.tails.get(deviceId) === tail) this.tails.delete(deviceId);
  }
}
