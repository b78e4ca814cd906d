import type Transport from '@ledgerhq/hw-transport';

/** A Ledger as the HID layer lists it; `path` may change when it is plugged back in. */
export interface HidDevice {
  path: string;
  /** "Nano S Plus"; null for a product id this version of the library does not know. */
  model: string | null;
}

export interface HidObserver {
  add(device: HidDevice): void;
  remove(device: HidDevice): void;
  error(error: unknown): void;
}

/** The part of the HID layer the device source needs, so tests can drive it with an emulator. */
export interface HidAccess {
  listen(observer: HidObserver): { unsubscribe(): void };
  open(path: string): Promise<Transport>;
}

/**
 * node-hid through @ledgerhq/hw-transport-node-hid, loaded on first use: importing it loads a native module,
 * which nothing should pay for (or fail on) before the user has a Ledger to talk to.
 */
export function nodeHidAccess(): HidAccess {
  const load = async () => (await import('@ledgerhq/hw-transport-node-hid')).default;
  return {
    listen(observer) {
      let stopped = false;
      let subscription: { unsubscribe(): void } | null = null;
      load().then((TransportNodeHid) => {
        if (stopped) return;
        subscription = TransportNodeHid.listen({
          next: (event) => {
            if (typeof event.descriptor !== 'string') return;
            const device = { path: event.descriptor, model: modelName(event.deviceModel?.productName) };
            if (event.type === 'add') observer.add(device);
            else observer.remove(device);
          },
          error: (error) => observer.error(error),
          complete: () => undefined,
        });
      }, observer.error);
      return {
        unsubscribe() {
          stopped = true;
          subscription?.unsubscribe();
        },
      };
    },
    open: async (path) => (await load()).open(path),
  };
}

/** The library says "Ledger Nano X"; the app shows the device under its model name alone. */
export function modelName(productName: string | undefined): string | null {
  return productName ? productName.replace(/^Ledger /, '') : null;
}
