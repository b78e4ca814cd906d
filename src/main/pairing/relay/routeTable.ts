/** Which sockets listen on which route. Keys are the 16-byte routes as strings. */
export class RouteTable<Peer> {
  private readonly routes = new Map<string, Set<Peer>>();

  add(route: string, peer: Peer): void {
    const listeners = this.routes.get(route);
    if (listeners) listeners.add(peer);
    else this.routes.set(route, new Set([peer]));
  }

  /** True when nobody listens on the route any more. */
  remove(route: string, peer: Peer): boolean {
    const listeners = this.routes.get(route);
    if (!listeners) return true;
    listeners.delete(peer);
    if (listeners.size > 0) return false;
    this.routes.delete(route);
    return true;
  }

  /** Everyone listening on the route except `sender`. */
  others(route: string, sender: Peer): Peer[] {
    const listeners = this.routes.get(route);
    return listeners ? [...listeners].filter((peer) => peer !== sender) : [];
  }

  has(route: string): boolean {
    return this.routes.has(route);
  }

  get size(): number {
    return this.routes.size;
  }
}
