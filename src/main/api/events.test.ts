import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createEventHub } from './events';

describe('createEventHub', () => {
  it('delivers a valid event to every subscriber until it unsubscribes', () => {
    const hub = createEventHub();
    const a = vi.fn();
    const b = vi.fn();
    hub.subscribe(a);
    const unsubscribe = hub.subscribe(b);
    hub.emit('settings.changed', DEFAULT_SETTINGS);
    unsubscribe();
    hub.emit('settings.changed', { ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('refuses to push a payload that breaks the contract', () => {
    const hub = createEventHub();
    const listener = vi.fn();
    hub.subscribe(listener);
    expect(() => hub.emit('settings.changed', { theme: 'dark' } as never)).toThrow();
    expect(listener).not.toHaveBeenCalled();
  });
});
