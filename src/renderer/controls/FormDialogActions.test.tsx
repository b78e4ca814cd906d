// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDialogActions } from './FormDialogActions';

afterEach(cleanup);

describe('FormDialogActions', () => {
  it('submits its form, and cancels', () => {
    const onCancel = vi.fn();
    render(
      <FormDialogActions
        formId="f"
        busy={false}
        canSubmit
        label="Save"
        busyLabel="Saving…"
        onCancel={onCancel}
      />,
    );
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('form')).toBe('f');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('stays focusable but inert while main works, and says so', () => {
    const onCancel = vi.fn();
    render(
      <FormDialogActions formId="f" busy canSubmit label="Save" busyLabel="Saving…" onCancel={onCancel} />,
    );
    const submit = screen.getByRole('button', { name: 'Saving…' });
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('cannot submit an incomplete form', () => {
    render(
      <FormDialogActions
        formId="f"
        busy={false}
        canSubmit={false}
        label="Save"
        busyLabel="…"
        onCancel={vi.fn()}
      />,
    );
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('FormDialogActions for a destructive submit', () => {
  it('styles the submit as dangerous', () => {
    render(
      <FormDialogActions
        formId="f"
        busy={false}
        canSubmit
        label="Reset"
        busyLabel="…"
        tone="danger"
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Reset' }).className).toContain('button--danger-solid');
  });
});
