export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Point, Size {}

/** Smaller than this on the captured frame, a region cannot hold a readable QR code (21 modules, 1 px each). */
export const MIN_REGION = 21;

/** The rectangle two corners span, whichever way the user dragged. */
export function spanned(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/** The whole frame, for a user who does not drag (or cannot). */
export function wholeFrame(frame: Size): Rect {
  return { x: 0, y: 0, width: frame.width, height: frame.height };
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/**
 * A rectangle drawn over the frame as shown (scaled to fit the dialog) in the frame's own pixels: scaled,
 * cut to the frame's edges, on whole pixels. Null when nothing of it is left that could hold a code.
 */
export function toFramePixels(drawn: Rect, shown: Size, frame: Size): Rect | null {
  if (shown.width <= 0 || shown.height <= 0) return null;
  const sx = frame.width / shown.width;
  const sy = frame.height / shown.height;
  const left = Math.floor(clamp(drawn.x * sx, frame.width));
  const top = Math.floor(clamp(drawn.y * sy, frame.height));
  const right = Math.ceil(clamp((drawn.x + drawn.width) * sx, frame.width));
  const bottom = Math.ceil(clamp((drawn.y + drawn.height) * sy, frame.height));
  const rect = { x: left, y: top, width: right - left, height: bottom - top };
  return rect.width >= MIN_REGION && rect.height >= MIN_REGION ? rect : null;
}

/** Where a pointer is over an element, in the element's own CSS pixels. */
export function pointIn(
  box: Pick<DOMRect, 'left' | 'top'>,
  client: { clientX: number; clientY: number },
): Point {
  return { x: client.clientX - box.left, y: client.clientY - box.top };
}
