import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import './CopyButton.css';

interface CopyButtonProps {
  text: string;
  /** What is copied, for the accessible name: "Copy address of USDC on Ethereum". */
  label: string;
}

/** Copies an exact value (an address) so nobody retypes it; a tick confirms it for a moment. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className="copy-button"
      aria-label={copied ? `Copied ${label}` : `Copy ${label}`}
      title={copied ? 'Copied' : `Copy ${text}`}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
    >
      {copied ? <Check size={12} aria-hidden="true" /> : <Copy size={12} aria-hidden="true" />}
    </button>
  );
}
