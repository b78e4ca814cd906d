import {
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import './Dialog.css';

interface DialogProps {
  title: string;
  /** What the dialog is about; screen readers read it with the title when the dialog opens. */
  description: ReactNode;
  /** Escape ends here, as the caller's Cancel button does; the caller decides whether to close. */
  onCancel(): void;
  /**
   * Where focus goes when the dialog opens, e.g. the field the user must fill in. Without it the title takes
   * focus, so the dialog is read, and shown, from its top: right for a sheet to read, such as a drawer.
   */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Fields and messages between the description and the buttons. */
  children?: ReactNode;
  /** The buttons, laid out at the foot of the dialog. */
  actions: ReactNode;
}

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * A modal dialog on the native <dialog>, shown with showModal(), so the rest of the page is inert for the
 * mouse, the keyboard and screen readers. Render it only while it is open: mounting opens it, unmounting
 * closes it and gives focus back to whatever had it before.
 */
export function Dialog({ title, description, onCancel, initialFocus, children, actions }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    (initialFocus?.current ?? heading.current)?.focus();
    return () => {
      element.close();
      opener?.focus();
    };
  }, [initialFocus]);

  // The browser must never close the <dialog> on its own: the caller may want it open (during the reset),
  // and React would go on rendering it as open. So its close request is cancelled and handed to the caller.
  function cancel(event: SyntheticEvent) {
    event.preventDefault();
    onCancel();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    // Handled on the key itself because Chromium may skip the cancelable `cancel` event for an Escape that
    // follows no user activation, and close the dialog outright.
    if (event.key === 'Escape') {
      cancel(event);
      return;
    }
    if (event.key !== 'Tab') return;
    // A modal <dialog> lets Tab leave it for the browser's own controls; keep focus cycling inside instead.
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    // The title takes focus from script only; Shift+Tab from it would otherwise leave the dialog.
    const atStart = document.activeElement === first || document.activeElement === heading.current;
    if (event.shiftKey && atStart) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={cancel}
      onKeyDown={onKeyDown}
    >
      <h2 ref={heading} id={titleId} className="dialog__title" tabIndex={-1}>
        {title}
      </h2>
      <div id={descriptionId} className="dialog__description">
        {description}
      </div>
      {children}
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
