import type { SelectHTMLAttributes } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { ChainDot } from '../chains/ChainBadge';
import { Select } from './Select';

interface NetworkSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  chains: readonly Chain[];
  value: number;
  onChange(chainId: number): void;
}

export function NetworkSelect({ chains, value, onChange, ...props }: NetworkSelectProps) {
  return (
    <Select
      {...props}
      leading={<ChainDot chainId={value} />}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {chains.map((chain) => (
        <option key={chain.id} value={chain.id}>
          {chain.name}
        </option>
      ))}
    </Select>
  );
}
