import { ChevronDown } from 'lucide-react';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import './Select.css';

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Decoration drawn before the value, e.g. a chain dot; must not carry meaning the option text lacks. */
  leading?: ReactNode;
}

/** A native <select>, so keyboard, type-ahead and screen readers behave as the OS does, styled to match. */
export function Select({ leading, ...props }: SelectProps) {
  return (
    <span className="select" data-has-leading={leading ? '' : undefined}>
      {leading && <span className="select__leading">{leading}</span>}
      <select className="select__control" {...props} />
      <ChevronDown className="select__chevron" size={14} aria-hidden="true" />
    </span>
  );
}
