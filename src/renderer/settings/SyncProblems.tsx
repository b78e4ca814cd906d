import type { SyncProblemView } from '../../shared/sync';
import { SettingsSection } from './SettingsSection';

const AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SOURCES: Record<SyncProblemView['source'], string> = { folder: 'Sync folder', relay: 'Relay' };

/** Blobs that failed their checks: kept in view, because a refusal can mean someone tampered with them. */
export function SyncProblems({ problems }: { problems: readonly SyncProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <SettingsSection title="Refused blobs">
      <p className="sync-section__intro">
        These arrived through the folder or the relay but failed their checks, so they were refused. What they
        held was skipped; nothing on this desktop was lost.
      </p>
      <ul className="sync-problems">
        {problems.map((problem, index) => (
          <li key={`${problem.at}-${index}`} className="sync-problems__row">
            <span className="sync-problems__when">
              <time dateTime={new Date(problem.at).toISOString()}>{AT.format(problem.at)}</time>
              <span className="badge">{SOURCES[problem.source]}</span>
            </span>
            <span className="sync-problems__message">{problem.message}</span>
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
