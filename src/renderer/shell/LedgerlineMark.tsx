import './LedgerlineMark.css';

/** The app mark: a ledger's ruled lines, the last one signed off. Decorative; the name is always beside it. */
export function LedgerlineMark() {
  return (
    <svg className="ledgerline-mark" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <rect className="ledgerline-mark__tile" width="24" height="24" rx="6" />
      <path className="ledgerline-mark__lines" d="M7 8h10M7 12h10M7 16h5" />
      <circle className="ledgerline-mark__seal" cx="16" cy="16" r="1.75" />
    </svg>
  );
}
