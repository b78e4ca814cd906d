// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAINS } from '../../shared/chains/registry';
import { ChainBadge } from './ChainBadge';
import { chainTone } from './chainTone';

afterEach(cleanup);

describe('chainTone', () => {
  it('gives every chain in the registry its own colour', () => {
    const tones = CHAINS.map((chain) => chainTone(chain.id));
    expect(tones).not.toContain('neutral');
    expect(new Set(tones).size).toBe(CHAINS.length);
  });

  it('falls back to neutral for a chain it has no colour for', () => {
    expect(chainTone(31337)).toBe('neutral');
  });
});

describe('ChainBadge', () => {
  it('reads as the chain name, with the dot hidden from assistive tech', () => {
    const { container } = render(<ChainBadge chain={{ id: 42161, name: 'Arbitrum One' }} />);
    expect(screen.getByText('Arbitrum One')).toBeTruthy();
    const dot = container.querySelector('.chain-dot');
    expect(dot?.getAttribute('data-chain-tone')).toBe('arbitrum');
    expect(dot?.getAttribute('aria-hidden')).toBe('true');
  });
});
