// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenRegionPicker } from './ScreenRegionPicker';

afterEach(cleanup);

function frameOf(width: number, height: number): HTMLCanvasElement {
  const frame = document.createElement('canvas');
  frame.width = width;
  frame.height = height;
  return frame;
}

function open() {
  const onPick = vi.fn();
  const onCancel = vi.fn();
  render(<ScreenRegionPicker frame={frameOf(1600, 1200)} onPick={onPick} onCancel={onCancel} />);
  const picture = screen.getByRole('img', { name: 'The captured screen' });
  // Shown at half size, as the dialog fits a large screen into its width.
  picture.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 50, width: 800, height: 600 });
  picture.setPointerCapture = () => {};
  return { onPick, onCancel, picture };
}

function drag(picture: HTMLElement, from: [number, number], to: [number, number]) {
  act(() => {
    fireEvent.pointerDown(picture, { clientX: from[0], clientY: from[1], pointerId: 1 });
    fireEvent.pointerMove(picture, { clientX: to[0], clientY: to[1], pointerId: 1 });
    fireEvent.pointerUp(picture, { clientX: to[0], clientY: to[1], pointerId: 1 });
  });
}

describe('ScreenRegionPicker', () => {
  it('reads the region dragged over the still, in the frame’s own pixels', () => {
    const { onPick, picture } = open();
    const read = screen.getByRole('button', { name: 'Read the picked region' });
    expect(read.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(read);
    expect(onPick).not.toHaveBeenCalled();

    drag(picture, [400, 350], [200, 150]);
    expect(screen.getByRole('status').textContent).toBe('Picked 400 × 400 pixels.');
    fireEvent.click(read);
    expect(onPick).toHaveBeenCalledWith({ x: 200, y: 200, width: 400, height: 400 });
  });

  it('says so when the region is too small to hold a code', () => {
    const { onPick, picture } = open();
    drag(picture, [200, 200], [205, 260]);
    expect(screen.getByRole('status').textContent).toMatch(/too small to hold a QR code/);
    fireEvent.click(screen.getByRole('button', { name: 'Read the picked region' }));
    expect(onPick).not.toHaveBeenCalled();
  });

  it('lets a keyboard user read the whole picture, and Escape leave without reading', () => {
    const { onPick, onCancel } = open();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Read the whole picture' }));
    expect(onPick).toHaveBeenCalledWith({ x: 0, y: 0, width: 1600, height: 1200 });
  });
});
