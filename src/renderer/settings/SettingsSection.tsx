import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useSectionAnchors } from './SectionAnchors';
import './SettingsSection.css';

interface SettingsSectionProps {
  title: string;
  children: ReactNode;
}

export function SettingsSection({ title, children }: SettingsSectionProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const anchors = useSectionAnchors();

  // On the Settings page the index and deep links reach the section through its heading.
  useEffect(() => {
    if (anchors && heading.current) return anchors.add(title, heading.current);
  }, [anchors, title]);

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      {/* Focusable from script only: a deep link lands here, the Tab order does not. */}
      <h2 ref={heading} id={titleId} className="settings-section__title" tabIndex={-1}>
        {title}
      </h2>
      <div className="settings-section__body card">{children}</div>
    </section>
  );
}
