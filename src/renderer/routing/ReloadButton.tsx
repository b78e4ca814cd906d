import { RotateCw } from 'lucide-react';

interface ReloadButtonProps {
  onReload(): void;
  /** What it reloads, where the place does not say it: "Reload the chart". */
  label?: string;
  /** The way on where nothing else on offer is: the primary button. */
  primary?: boolean;
}

/** The one Reload of every part that could not load (FailureBoundary's fallbacks). */
export function ReloadButton({ onReload, label = 'Reload', primary = true }: ReloadButtonProps) {
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} onClick={onReload}>
      <RotateCw size={14} aria-hidden="true" />
      {label}
    </button>
  );
}
