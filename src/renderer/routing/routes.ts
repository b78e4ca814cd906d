import {
  BookUser,
  ChartPie,
  Globe,
  History,
  Send,
  Settings,
  ShieldCheck,
  Smartphone,
  Usb,
  Vault,
  type LucideIcon,
} from 'lucide-react';

export type RouteId =
  | 'portfolio'
  | 'history'
  | 'send'
  | 'approvals'
  | 'sites'
  | 'address-book'
  | 'devices'
  | 'pairing'
  | 'safes'
  | 'settings';

/** Sidebar groups: what the user does with money, what holds the keys, and the app itself. */
export type RouteGroup = 'wallet' | 'signers' | 'app';

export interface Route {
  id: RouteId;
  title: string;
  icon: LucideIcon;
  group: RouteGroup;
  /** The screen has sections a link can name after its id, `#/settings/networks`. */
  sectioned?: true;
}

export const ROUTES: readonly Route[] = [
  { id: 'portfolio', title: 'Portfolio', icon: ChartPie, group: 'wallet' },
  { id: 'history', title: 'History', icon: History, group: 'wallet' },
  { id: 'send', title: 'Send', icon: Send, group: 'wallet' },
  { id: 'approvals', title: 'Approvals', icon: ShieldCheck, group: 'wallet' },
  { id: 'sites', title: 'Connected sites', icon: Globe, group: 'wallet' },
  { id: 'address-book', title: 'Address book', icon: BookUser, group: 'wallet' },
  { id: 'devices', title: 'Devices', icon: Usb, group: 'signers' },
  { id: 'pairing', title: 'Pairing', icon: Smartphone, group: 'signers' },
  { id: 'safes', title: 'Safes', icon: Vault, group: 'signers' },
  { id: 'settings', title: 'Settings', icon: Settings, group: 'app', sectioned: true },
];

export const DEFAULT_ROUTE_ID: RouteId = 'portfolio';

/** A link to a screen, or to one of its sections where the screen has them. */
export function routeHref(id: RouteId, section?: string): string {
  return section === undefined ? `#/${id}` : `#/${id}/${section}`;
}
