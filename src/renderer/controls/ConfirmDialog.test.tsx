// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

afterEach(cleanup);

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderDialog(confirm: () => Promise<unknown>, tone: 'danger' | 'danger-solid' = 'danger-solid') {
  const onClose = vi.fn();
  render(
    <ConfirmDialog
      title="Remove Alice?"
      description={<p>Only the name goes.</p>}
      confirmLabel="Remove contact"
      tone={tone}
      failedOutcome="Not removed"
      confirm={confirm}
      onClose={onClose}
    >
      <p>Extra content</p>
    </ConfirmDialog>,
  );
  return { onClose };
}

describe('ConfirmDialog', () => {
  it('is named and described, shows its extra content, and focuses Cancel first', () => {
    renderDialog(vi.fn());
    const dialog = screen.getByRole('dialog', { name: 'Remove Alice?' });
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Only the name goes.',
    );
    expect(screen.getByText('Extra content')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('styles the confirm button by its tone', () => {
    renderDialog(vi.fn(), 'danger');
    const button = screen.getByRole('button', { name: 'Remove contact' });
    expect(button.className).toBe('button button--danger');
  });

  it('cancels without confirming, by the button or by Escape', () => {
    const confirm = vi.fn();
    const { onClose } = renderDialog(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('is inert while working, then closes once confirmed', async () => {
    const pending = deferred();
    const confirm = vi.fn(() => pending.promise);
    const { onClose } = renderDialog(confirm);
    const button = screen.getByRole('button', { name: 'Remove contact' });
    expect(button.className).toBe('button button--danger-solid');
    await act(async () => fireEvent.click(button));

    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(cancel.getAttribute('aria-disabled')).toBe('true');
    expect(button.querySelector('.spinner')).not.toBeNull();
    fireEvent.click(button);
    fireEvent.click(cancel);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(confirm).toHaveBeenCalledOnce();
    expect(onClose).not.toHaveBeenCalled();

    await act(async () => pending.resolve());
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays open and says why when confirming fails, and can be tried again', async () => {
    const confirm = vi.fn().mockRejectedValueOnce(new Error('main is busy')).mockResolvedValueOnce(undefined);
    const { onClose } = renderDialog(confirm);
    const button = screen.getByRole('button', { name: 'Remove contact' });
    await act(async () => fireEvent.click(button));

    expect(screen.getByRole('alert').textContent).toContain('Not removed: main is busy');
    expect(button.getAttribute('aria-disabled')).toBe('false');
    expect(onClose).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(button));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
