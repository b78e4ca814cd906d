import { FileWarning } from 'lucide-react';
import type { Failure } from '../routing/FailureBoundary';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { ReloadButton } from '../routing/ReloadButton';

interface ScreenUnavailableProps {
  /** The screen's name, as the sidebar shows it. */
  title: string;
  failure: Failure;
  onReload(): void;
}

const GUIDANCE: Record<Failure, string> = {
  load: 'The app could not read this screen’s code. Reload to try again, or choose another screen.',
  render: 'Reload to try again, or choose another screen. Nothing stored in the wallet has changed.',
};

/** In a screen's place when it could not load or stopped on an error: which one, and the way on. */
export function ScreenUnavailable({ title, failure, onReload }: ScreenUnavailableProps) {
  return (
    <Page title={title} lede="This screen is not available right now. The rest of the wallet works as usual.">
      <EmptyState
        icon={FileWarning}
        headline={failure === 'load' ? `${title} could not load` : `${title} stopped on an error`}
        guidance={GUIDANCE[failure]}
        actions={<ReloadButton onReload={onReload} />}
      />
    </Page>
  );
}
