import { routeKey, type RouteKey } from './relayProof';

/**
 * A relay client's translation between route values, which stay on the device, and the wire ids the relay
 * sees (PROTOCOL.md section 7.5). Callers keep speaking in routes; ids that are not ours pass unchanged.
 */
export class WireIds {
  /** Routes listened on: deliveries for them must always map back, so these are never evicted. */
  private readonly listening = new Map<string, Uint8Array>();
  /** Keys of routes sent or knocked on, newest last; bounded so a long-lived link does not grow. */
  private readonly keys = new Map<string, RouteKey>();
  private readonly routesByWire = new Map<string, Uint8Array>();
  /** Reply ids from KNOCKED: already wire ids, sent to unchanged. */
  private readonly replies = new Set<string>();

  constructor(private readonly capacity = 4096) {}

  keyOf(route: Uint8Array): RouteKey {
    const name = text(route);
    const known = this.keys.get(name);
    if (known) return known;
    const key = routeKey(route);
    this.keys.set(name, key);
    this.routesByWire.set(text(key.wireId), route.slice());
    if (this.keys.size > this.capacity) this.evictOldestKey();
    return key;
  }

  /** The id to put on the wire for `route`: its wire id, or itself when it is a reply id we were given. */
  toWire(route: Uint8Array): Uint8Array {
    return this.replies.has(text(route)) ? route : this.keyOf(route).wireId;
  }

  /** The route behind a wire id the relay named, or the id itself (a rendezvous, a reply id, a stranger). */
  fromWire(id: Uint8Array): Uint8Array {
    const name = text(id);
    return this.listening.get(name) ?? this.routesByWire.get(name) ?? id;
  }

  listened(route: Uint8Array): RouteKey {
    const key = this.keyOf(route);
    this.listening.set(text(key.wireId), route.slice());
    return key;
  }

  unlistened(route: Uint8Array): Uint8Array {
    const wireId = this.keyOf(route).wireId;
    this.listening.delete(text(wireId));
    return wireId;
  }

  /** Remembers a reply id from KNOCKED, so a later send to it goes out as it came. */
  learnReply(replyId: Uint8Array): void {
    this.replies.add(text(replyId));
    if (this.replies.size > this.capacity) {
      const [oldest] = this.replies;
      if (oldest !== undefined) this.replies.delete(oldest);
    }
  }

  private evictOldestKey() {
    const [oldest] = this.keys;
    if (!oldest) return;
    this.keys.delete(oldest[0]);
    this.routesByWire.delete(text(oldest[1].wireId));
  }
}

/** Ids serve only as map keys; one UTF-16 code unit per byte is lossless and needs no Buffer. */
const text = (id: Uint8Array) => String.fromCharCode(...id);
