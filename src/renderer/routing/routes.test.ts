import { describe, expect, it } from 'vitest';
import { ROUTES, routeHref } from './routes';
import { parseHash } from './useHashRoute';

describe('routeHref', () => {
  it('links every screen to the location that opens it', () => {
    for (const route of ROUTES) {
      expect(routeHref(route.id)).toBe(`#/${route.id}`);
      expect(parseHash(routeHref(route.id))).toEqual({ kind: 'route', route });
    }
  });

  it('links a section of Settings to the location that names it', () => {
    expect(routeHref('settings', 'networks')).toBe('#/settings/networks');
    expect(parseHash(routeHref('settings', 'networks'))).toMatchObject({ section: 'networks' });
  });
});
