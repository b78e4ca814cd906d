// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReloadButton } from './ReloadButton';

afterEach(cleanup);

describe('ReloadButton', () => {
  it('is the primary way on unless told otherwise, and reloads on a click', () => {
    const onReload = vi.fn();
    render(<ReloadButton onReload={onReload} />);
    const button = screen.getByRole('button', { name: 'Reload' });
    expect(button.className).toBe('button button--primary');
    fireEvent.click(button);
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('names what it reloads where the place does not, as a secondary button', () => {
    render(<ReloadButton onReload={() => undefined} label="Reload the chart" primary={false} />);
    expect(screen.getByRole('button', { name: 'Reload the chart' }).className).toBe('button');
  });
});
