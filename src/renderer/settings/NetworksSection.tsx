import type { Chain } from '../../shared/chains/chain';
import { ChainBadge } from '../chains/ChainBadge';
import { SettingsSection } from './SettingsSection';
import './NetworksSection.css';

/** The chain registry as this build knows it, so a user can check ids and explorers before trusting them. */
export function NetworksSection({ chains }: { chains: readonly Chain[] }) {
  return (
    <SettingsSection title="Networks">
      <table className="networks">
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col" className="networks__number">
              Chain ID
            </th>
            <th scope="col">Native currency</th>
            <th scope="col">Explorer</th>
          </tr>
        </thead>
        <tbody>
          {chains.map((chain) => (
            <tr key={chain.id}>
              <th scope="row">
                <ChainBadge chain={chain} />
              </th>
              <td className="networks__number">{chain.id}</td>
              <td>{chain.nativeCurrency.symbol}</td>
              <td>{chain.explorer.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SettingsSection>
  );
}
