// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

afterEach(cleanup);

function Harness({ onCancel, focusField = true }: { onCancel(): void; focusField?: boolean }) {
  const [open, setOpen] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog
          title="Rename"
          description="Names are kept on this computer."
          onCancel={onCancel}
          {...(focusField ? { initialFocus: field } : {})}
          actions={
            <>
              <button type="button" onClick={() => setOpen(false)}>
                Close
              </button>
              <button type="button" disabled>
                Save
              </button>
            </>
          }
        >
          <input ref={field} aria-label="Name" />
        </Dialog>
      )}
    </>
  );
}

async function openDialog(onCancel = vi.fn(), focusField = true) {
  render(<Harness onCancel={onCancel} focusField={focusField} />);
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  await act(async () => fireEvent.click(opener));
  return { opener, onCancel };
}

describe('Dialog', () => {
  it('opens as a modal named by its title and described by its description', async () => {
    await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Names are kept on this computer.',
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });

  it('hands Escape to the caller instead of closing itself', async () => {
    const { onCancel } = await openDialog();
    const escape = fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: 'Escape' });
    expect(escape).toBe(false);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog').hasAttribute('open')).toBe(true);
  });

  it('hands the browser’s own close request to the caller too', async () => {
    const { onCancel } = await openDialog();
    const cancel = new Event('cancel', { cancelable: true });
    act(() => void screen.getByRole('dialog').dispatchEvent(cancel));
    expect(cancel.defaultPrevented).toBe(true);
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('keeps Tab inside, skipping disabled buttons, both ways', async () => {
    await openDialog();
    const field = screen.getByRole('textbox', { name: 'Name' });
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    expect(fireEvent.keyDown(close, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(field);
    expect(fireEvent.keyDown(field, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(close);
    // In between, Tab is left to the browser.
    field.focus();
    expect(fireEvent.keyDown(field, { key: 'Tab' })).toBe(true);
  });

  it('focuses its title when given no initial focus, so it is read and shown from the top', async () => {
    await openDialog(vi.fn(), false);
    const title = screen.getByRole('heading', { level: 2, name: 'Rename' });
    expect(document.activeElement).toBe(title);
    // Focusable from script only: Tab never stops on it.
    expect(title.tabIndex).toBe(-1);
  });

  it('keeps Tab inside from the title too: Shift+Tab goes to the last control, Tab is the browser’s', async () => {
    await openDialog(vi.fn(), false);
    const title = screen.getByRole('heading', { level: 2, name: 'Rename' });
    expect(fireEvent.keyDown(title, { key: 'Tab' })).toBe(true);
    expect(fireEvent.keyDown(title, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('gives focus back to what opened it when it closes', async () => {
    const { opener } = await openDialog();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
