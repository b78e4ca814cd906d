// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SectionAnchors } from './SectionAnchors';

function heading(text: string): HTMLHeadingElement {
  const element = document.createElement('h2');
  element.textContent = text;
  element.tabIndex = -1;
  element.scrollIntoView = vi.fn();
  document.body.append(element);
  return element;
}

let anchors: SectionAnchors;

beforeEach(() => {
  anchors = new SectionAnchors();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('SectionAnchors', () => {
  it('brings a section on the page to the top and focuses its heading', () => {
    const networks = heading('Networks');
    anchors.add('Networks', networks);
    anchors.reveal('Networks');
    expect(networks.scrollIntoView).toHaveBeenCalledWith({ block: 'start' });
    expect(document.activeElement).toBe(networks);
  });

  it('meets a request for a section that mounts later, while focus is still the page’s', () => {
    anchors.reveal('Sync');
    const page = heading('Settings');
    page.focus();
    const sync = heading('Sync');
    anchors.add('Sync', sync);
    expect(document.activeElement).toBe(sync);
    expect(sync.scrollIntoView).toHaveBeenCalledOnce();
  });

  it('does not pull focus from a control the user moved to before the section mounted', () => {
    anchors.reveal('Sync');
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const sync = heading('Sync');
    anchors.add('Sync', sync);
    expect(document.activeElement).toBe(field);
    expect(sync.scrollIntoView).not.toHaveBeenCalled();
  });

  it('drops a waiting request once forgotten, or once another section is asked for', () => {
    anchors.reveal('Sync');
    anchors.forget();
    const sync = heading('Sync');
    anchors.add('Sync', sync);
    expect(sync.scrollIntoView).not.toHaveBeenCalled();

    anchors.reveal('Secrets');
    const networks = heading('Networks');
    anchors.add('Networks', networks);
    anchors.reveal('Networks');
    const secrets = heading('Secrets');
    anchors.add('Secrets', secrets);
    expect(document.activeElement).toBe(networks);
    expect(secrets.scrollIntoView).not.toHaveBeenCalled();
  });

  it('tells listeners when a heading comes or goes, and forgets a removed one', () => {
    const listener = vi.fn();
    const unsubscribe = anchors.subscribe(listener);
    const about = heading('About');
    const remove = anchors.add('About', about);
    expect(anchors.heading('About')).toBe(about);
    remove();
    expect(anchors.heading('About')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    anchors.add('About', about);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps a heading that replaced one of the same title when the old one is removed', () => {
    const first = heading('Sync');
    const removeFirst = anchors.add('Sync', first);
    const second = heading('Sync');
    anchors.add('Sync', second);
    removeFirst();
    expect(anchors.heading('Sync')).toBe(second);
  });
});
