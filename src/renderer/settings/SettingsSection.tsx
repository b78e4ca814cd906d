import { useId, type ReactNode } from 'react';
import './SettingsSection.css';

interface SettingsSectionProps {
  title: string;
  children: ReactNode;
}

export function SettingsSection({ title, children }: SettingsSectionProps) {
  const titleId = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-section__title">
        {title}
      </h2>
      <div className="settings-section__body card">{children}</div>
    </section>
  );
}
