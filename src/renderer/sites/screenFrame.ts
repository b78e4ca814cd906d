import type { Rect } from './screenRegion';

/** The user closed the chooser, or the shell refused: Chromium's names for both (a DOMException's). */
function refused(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

const NO_PICTURE = 'The screen capture showed no picture. Try again, or use the clipboard.';

/** The first frame a stream shows, once the video has one to draw. */
function firstFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve, reject) => {
    video.onloadeddata = () => resolve();
    video.onerror = () => reject(new Error(NO_PICTURE));
    void video.play().catch((error: unknown) => reject(new Error(NO_PICTURE, { cause: error })));
  });
}

/**
 * One still picture of a screen or window the user picks in the system's chooser. The capture stops as soon as
 * the frame is drawn: nothing of the screen is seen after that moment.
 */
export async function captureScreenFrame(media: MediaDevices | undefined): Promise<HTMLCanvasElement> {
  if (!media?.getDisplayMedia) {
    throw new Error('This window cannot capture the screen. Use the clipboard or paste the wc: link.');
  }
  let stream: MediaStream;
  try {
    stream = await media.getDisplayMedia({ video: true, audio: false });
  } catch (error) {
    throw new Error(
      refused(error)
        ? 'No screen was shared, so no QR code was read.'
        : 'The screen could not be captured. Use the clipboard or paste the wc: link.',
      { cause: error },
    );
  }
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await firstFrame(video);
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    video.srcObject = null;
    return canvas;
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/** The region of the frame as a PNG, base64, for `walletconnect.pairImage`. */
export function croppedPng(frame: HTMLCanvasElement, region: Rect): string {
  const canvas = document.createElement('canvas');
  canvas.width = region.width;
  canvas.height = region.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The picked region could not be drawn.');
  context.drawImage(
    frame,
    region.x,
    region.y,
    region.width,
    region.height,
    0,
    0,
    region.width,
    region.height,
  );
  return canvas.toDataURL('image/png').replace(/^data:[^,]*,/, '');
}
