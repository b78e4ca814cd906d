import { describe, expect, it } from 'vitest';
import { MIN_REGION, pointIn, spanned, toFramePixels, wholeFrame } from './screenRegion';

describe('spanned', () => {
  it('is the same rectangle whichever corner the drag started from', () => {
    const expected = { x: 10, y: 20, width: 30, height: 40 };
    expect(spanned({ x: 10, y: 20 }, { x: 40, y: 60 })).toEqual(expected);
    expect(spanned({ x: 40, y: 60 }, { x: 10, y: 20 })).toEqual(expected);
    expect(spanned({ x: 40, y: 20 }, { x: 10, y: 60 })).toEqual(expected);
  });
});

describe('toFramePixels', () => {
  const frame = { width: 3840, height: 2160 };
  const shown = { width: 960, height: 540 };

  it('scales a rectangle drawn on the shown frame to the captured pixels', () => {
    expect(toFramePixels({ x: 100, y: 50, width: 200, height: 100 }, shown, frame)).toEqual({
      x: 400,
      y: 200,
      width: 800,
      height: 400,
    });
  });

  it('keeps whole pixels, widening outwards so no edge of the code is cut', () => {
    expect(
      toFramePixels(
        { x: 10.3, y: 10.3, width: 20.2, height: 20.2 },
        { width: 300, height: 300 },
        {
          width: 1000,
          height: 1000,
        },
      ),
    ).toEqual({ x: 34, y: 34, width: 68, height: 68 });
  });

  it('cuts a rectangle dragged past the edges to the frame', () => {
    expect(toFramePixels({ x: -20, y: 500, width: 100, height: 100 }, shown, frame)).toEqual({
      x: 0,
      y: 2000,
      width: 320,
      height: 160,
    });
  });

  it('refuses a region too small to hold a QR code, or one outside the frame', () => {
    expect(toFramePixels({ x: 10, y: 10, width: 4, height: 100 }, shown, frame)).toBeNull();
    expect(toFramePixels({ x: 1000, y: 10, width: 50, height: 50 }, shown, frame)).toBeNull();
    expect(toFramePixels({ x: 0, y: 0, width: 50, height: 50 }, { width: 0, height: 0 }, frame)).toBeNull();
    const edge = toFramePixels({ x: 0, y: 0, width: MIN_REGION, height: MIN_REGION }, frame, frame);
    expect(edge).toEqual({ x: 0, y: 0, width: MIN_REGION, height: MIN_REGION });
  });
});

describe('wholeFrame and pointIn', () => {
  it('covers the frame, and places a pointer relative to the element', () => {
    expect(wholeFrame({ width: 800, height: 600 })).toEqual({ x: 0, y: 0, width: 800, height: 600 });
    expect(pointIn({ left: 100, top: 40 }, { clientX: 130, clientY: 45 })).toEqual({ x: 30, y: 5 });
  });
});
