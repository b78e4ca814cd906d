import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Dialog } from '../controls/Dialog';
import { pointIn, type Point, type Rect, spanned, toFramePixels, wholeFrame } from './screenRegion';
import './ScreenRegionPicker.css';

/** Draws the frame, and over it the region: the rest dimmed, so the picked part stands out. */
function paint(canvas: HTMLCanvasElement, frame: HTMLCanvasElement, region: Rect | null): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.drawImage(frame, 0, 0);
  if (!region) return;
  context.save();
  context.fillStyle = 'rgba(0, 0, 0, 0.55)';
  context.beginPath();
  context.rect(0, 0, canvas.width, canvas.height);
  context.rect(region.x, region.y, region.width, region.height);
  context.fill('evenodd');
  context.lineWidth = Math.max(2, Math.round(canvas.width / 800));
  context.strokeStyle = '#ffffff';
  context.strokeRect(region.x, region.y, region.width, region.height);
  context.restore();
}

interface ScreenRegionPickerProps {
  /** The still frame captured from the screen; the capture itself has already stopped. */
  frame: HTMLCanvasElement;
  onPick(region: Rect): void;
  onCancel(): void;
}

/**
 * The captured frame, still, for the user to drag a rectangle over the QR code. A keyboard user reads the
 * whole frame instead; Escape leaves without reading anything.
 */
export function ScreenRegionPicker({ frame, onPick, onCancel }: ScreenRegionPickerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const start = useRef<Point | null>(null);
  const [region, setRegion] = useState<Rect | null>(null);
  const [tooSmall, setTooSmall] = useState(false);

  useEffect(() => {
    if (canvas.current) paint(canvas.current, frame, region);
  }, [frame, region]);

  function regionTo(event: PointerEvent<HTMLCanvasElement>): Rect | null {
    const box = event.currentTarget.getBoundingClientRect();
    if (!start.current) return null;
    const drawn = spanned(start.current, pointIn(box, event));
    return toFramePixels(drawn, box, frame);
  }

  return (
    <Dialog
      title="Pick the QR code"
      onCancel={onCancel}
      description={
        <p>
          Drag a rectangle around the dApp’s QR code on this still picture of your screen. The capture has
          already stopped.
        </p>
      }
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => onPick(wholeFrame(frame))}>
            Read the whole picture
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={!region}
            onClick={() => region && onPick(region)}
          >
            Read the picked region
          </button>
        </>
      }
    >
      <canvas
        ref={canvas}
        className="region-picker"
        width={frame.width}
        height={frame.height}
        role="img"
        aria-label="The captured screen"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          start.current = pointIn(event.currentTarget.getBoundingClientRect(), event);
          setRegion(null);
          setTooSmall(false);
        }}
        onPointerMove={(event) => {
          if (start.current) setRegion(regionTo(event));
        }}
        onPointerUp={(event) => {
          const picked = regionTo(event);
          start.current = null;
          setRegion(picked);
          setTooSmall(picked === null);
        }}
      />
      <p className="region-picker__hint" role="status">
        {tooSmall
          ? 'That region is too small to hold a QR code. Drag around the whole code.'
          : region
            ? `Picked ${region.width} × ${region.height} pixels.`
            : 'Nothing picked yet.'}
      </p>
    </Dialog>
  );
}
