import type { AppInfo } from '../../shared/api/contract';
import { SettingsSection } from './SettingsSection';
import './AboutSection.css';

const HOST_DESCRIPTION: Record<AppInfo['host'], string> = {
  electron: 'Desktop app (Electron)',
  browser: 'Browser host, for development and testing',
};

export function AboutSection({ info }: { info: AppInfo }) {
  const facts: readonly [term: string, detail: string][] = [
    ['Name', info.name],
    ['Version', info.version],
    ['Runs as', HOST_DESCRIPTION[info.host]],
    ['Platform', `${info.platform} · ${info.arch}`],
    ['Node.js', info.runtime.node],
    ['Electron', info.runtime.electron ?? 'Not in use'],
  ];
  return (
    <SettingsSection title="About">
      <dl className="about">
        {facts.map(([term, detail]) => (
          <div key={term} className="about__fact">
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
    </SettingsSection>
  );
}
