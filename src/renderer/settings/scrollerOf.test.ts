// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { scrollerOf } from './scrollerOf';

const target = () => document.querySelector('#target') ?? document.body;

afterEach(() => {
  document.body.replaceChildren();
});

describe('scrollerOf', () => {
  it('is the nearest ancestor that scrolls on its own', () => {
    document.body.innerHTML =
      '<main style="overflow-y: auto"><div style="overflow-y: scroll"><p><b id="target"></b></p></div></main>';
    expect(scrollerOf(target())).toBe(document.querySelector('div'));
  });

  it('passes over ancestors that clip without scrolling', () => {
    document.body.innerHTML =
      '<main style="overflow-y: auto"><div style="overflow-y: hidden"><b id="target"></b></div></main>';
    expect(scrollerOf(target())).toBe(document.querySelector('main'));
  });

  it('is the document’s scroller when nothing else scrolls', () => {
    document.body.innerHTML = '<div><b id="target"></b></div>';
    expect(scrollerOf(target())).toBe(document.scrollingElement ?? document.documentElement);
  });
});
