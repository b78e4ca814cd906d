import type { ConnectedDevice, DeviceSourceListener } from '../../../src/main/signers/deviceSource';
import type { DeviceActivity } from '../../../src/main/signers/signer';

/** A DeviceSourceListener that records what a source reports and lets a test wait for the next report. */
export interface RecordingListener extends DeviceSourceListener {
  readonly attachedDevices: ConnectedDevice[];
  readonly detachedIds: string[];
  readonly activities: { id: string; activity: DeviceActivity }[];
  nextAttached(): Promise<ConnectedDevice>;
  nextDetached(): Promise<string>;
  nextActivity(state: DeviceActivity['state']): Promise<string>;
}

export function recordingListener(): RecordingListener {
  const attached: ConnectedDevice[] = [];
  const detachedIds: string[] = [];
  const activities: { id: string; activity: DeviceActivity }[] = [];
  let wake: (() => void)[] = [];
  const changed = () => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  async function until<T>(take: () => T | undefined): Promise<T> {
    for (;;) {
      const value = take();
      if (value !== undefined) return value;
      await new Promise<void>((resolve) => wake.push(resolve));
    }
  }
  let attachedSeen = 0;
  let detachedSeen = 0;
  let activitySeen = 0;
  return {
    attachedDevices: attached,
    detachedIds,
    activities,
    attached: (device) => {
      attached.push(device);
      changed();
    },
    detached: (id) => {
      detachedIds.push(id);
      changed();
    },
    activity: (id, activity) => {
      activities.push({ id, activity });
      changed();
    },
    unavailable: (id, _kind, activity) => {
      activities.push({ id, activity });
      changed();
    },
    nextAttached: () => until(() => (attached.length > attachedSeen ? attached[attachedSeen++] : undefined)),
    nextDetached: () =>
      until(() => (detachedIds.length > detachedSeen ? detachedIds[detachedSeen++] : undefined)),
    nextActivity: (state) =>
      until(() => {
        const index = activities.findIndex((entry, i) => i >= activitySeen && entry.activity.state === state);
        if (index < 0) return undefined;
        activitySeen = index + 1;
        return activities[index]?.id;
      }),
  };
}
