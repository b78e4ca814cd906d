import { afterAll, beforeAll } from 'vitest';
import { startSecretService, type SecretServiceSession } from './secretService';

/** One Secret Service per test file: started before its tests, stopped after them even when they fail. */
export function useSecretService(): { session: SecretServiceSession } {
  const holder = {} as { session: SecretServiceSession };
  beforeAll(async () => {
    holder.session = await startSecretService();
  });
  afterAll(() => holder.session?.stop());
  return holder;
}
