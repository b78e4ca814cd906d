// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureScreenFrame } from './screenFrame';

afterEach(() => vi.restoreAllMocks());

function sharedScreen() {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] } as unknown as MediaStream;
  const getDisplayMedia = vi.fn(() => Promise.resolve(stream));
  return { track, media: { getDisplayMedia } as unknown as MediaDevices, getDisplayMedia };
}

describe('captureScreenFrame', () => {
  it('takes one frame and stops the capture at once', async () => {
    const { track, media, getDisplayMedia } = sharedScreen();
    vi.spyOn(HTMLMediaElement.prototype, 'srcObject', 'set').mockImplementation(() => {});
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      queueMicrotask(() => this.onloadeddata?.(new Event('loadeddata')));
      return Promise.resolve();
    });
    const frame = await captureScreenFrame(media);
    expect(frame.tagName).toBe('CANVAS');
    expect(getDisplayMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('stops the capture even when no frame could be drawn', async () => {
    const { track, media } = sharedScreen();
    vi.spyOn(HTMLMediaElement.prototype, 'srcObject', 'set').mockImplementation(() => {});
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new Error('no picture'));
    await expect(captureScreenFrame(media)).rejects.toThrow('The screen capture showed no picture.');
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('says in words when the user shared nothing, or the window cannot capture', async () => {
    const refused = new DOMException('Permission denied', 'NotAllowedError');
    const media = { getDisplayMedia: () => Promise.reject(refused) } as unknown as MediaDevices;
    await expect(captureScreenFrame(media)).rejects.toThrow('No screen was shared, so no QR code was read.');
    const broken = { getDisplayMedia: () => Promise.reject(new Error('boom')) } as unknown as MediaDevices;
    await expect(captureScreenFrame(broken)).rejects.toThrow(/The screen could not be captured/);
    await expect(captureScreenFrame(undefined)).rejects.toThrow(/This window cannot capture the screen/);
  });
});
