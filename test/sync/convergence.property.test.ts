import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps, MemoryFieldStore } from '../../src/shared/sync/fieldStore';
import { HybridClock } from '../../src/shared/sync/hlc';
import {
  DELETED_FIELD,
  type SyncCollection,
  type SyncOp,
  type SyncValue,
} from '../../src/shared/sync/syncOps';

/**
 * The "done when": three replicas make random concurrent edits, delivered in random order with
 * duplicates and drops, then everything is redelivered; all three end identical, and equal to taking, per
 * field, the write with the greatest stamp ever made.
 */

const DEVICES = ['a1a1a1a1a1a1a1a1', '0000000000000002', 'ffffffffffffff03'] as const;
const COLLECTIONS: SyncCollection[] = ['labels', 'addressBook', 'tokens'];
const KEYS = ['k1', 'k2', 'k3'];
const FIELDS = ['name', 'note'];
const T0 = 1_767_225_600_000;

type Replica = 0 | 1 | 2;
const replica = fc.constantFrom<Replica>(0, 1, 2);

const value: fc.Arbitrary<SyncValue> = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('x', 1, true, null), { maxLength: 3 }),
);

const edit = fc.record({
  kind: fc.constant('edit' as const),
  replica,
  c: fc.constantFrom(...COLLECTIONS),
  k: fc.constantFrom(...KEYS),
  // Deletes and undeletes as often as any field, so that they race with edits.
  field: fc.oneof(
    fc.record({ f: fc.constantFrom(...FIELDS), v: value }),
    fc.record({ f: fc.constant(DELETED_FIELD), v: fc.boolean() }),
  ),
  // Mostly forward, sometimes not at all (the counter breaks the tie), sometimes back (NTP steps).
  elapsedMs: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(0), fc.integer({ min: -2000, max: 0 })),
});

/** Picks one message in flight: delivered once, delivered and kept for a duplicate later, or lost. */
const deliver = fc.record({
  kind: fc.constant('deliver' as const),
  pick: fc.nat(),
  fate: fc.constantFrom('deliver', 'deliver', 'deliver', 'duplicate', 'drop'),
});

const scenario = fc.record({
  /** Clocks set seconds apart, so that a replica's later edit can carry an earlier wall time. */
  startOffsetsMs: fc.tuple(
    fc.integer({ min: -5000, max: 5000 }),
    fc.integer({ min: -5000, max: 5000 }),
    fc.integer({ min: -5000, max: 5000 }),
  ),
  steps: fc.array(fc.oneof(edit, deliver), { maxLength: 120 }),
});

interface Node {
  time: { ms: number };
  clock: HybridClock;
  store: MemoryFieldStore;
  /** Every op this replica made, for the final anti-entropy round. */
  made: SyncOp[];
}

function makeNode(device: string, offsetMs: number): Node {
  const time = { ms: T0 + offsetMs };
  return { time, clock: new HybridClock(device, () => time.ms), store: new MemoryFieldStore(), made: [] };
}

function receive(node: Node, op: SyncOp): void {
  node.clock.observe(op.t);
  applyOps(node.store, [op]);
}

function latestPerField(ops: readonly SyncOp[]): SyncOp[] {
  const latest = new Map<string, SyncOp>();
  for (const op of ops) {
    const key = JSON.stringify([op.c, op.k, op.f]);
    const held = latest.get(key);
    if (!held || op.t > held.t) latest.set(key, op);
  }
  const reference = new MemoryFieldStore();
  for (const op of latest.values()) reference.put(op);
  return reference.entries();
}

describe('sync convergence', () => {
  it('three replicas with random edits, lossy reordered delivery and redelivery end identical', () => {
    fc.assert(
      fc.property(scenario, fc.gen(), ({ startOffsetsMs, steps }, g) => {
        const nodes: [Node, Node, Node] = [
          makeNode(DEVICES[0], startOffsetsMs[0]),
          makeNode(DEVICES[1], startOffsetsMs[1]),
          makeNode(DEVICES[2], startOffsetsMs[2]),
        ];
        const inFlight: { to: Replica; op: SyncOp }[] = [];

        for (const step of steps) {
          if (step.kind === 'edit') {
            const node = nodes[step.replica];
            node.time.ms += step.elapsedMs;
            const op: SyncOp = { c: step.c, k: step.k, ...step.field, t: node.clock.tick() };
            // A replica's own edit follows everything it has seen, so it always lands locally.
            expect(applyOps(node.store, [op])).toEqual([op]);
            node.made.push(op);
            for (const to of [0, 1, 2] as const) if (to !== step.replica) inFlight.push({ to, op });
          } else if (inFlight.length > 0) {
            for (const message of inFlight.splice(step.pick % inFlight.length, 1)) {
              // A duplicate goes back in flight, to arrive again at some later point.
              if (step.fate === 'duplicate') inFlight.push(message);
              if (step.fate !== 'drop') receive(nodes[message.to], message.op);
            }
          }
        }

        const pending = nodes.flatMap((node, from) =>
          node.made.flatMap((op) =>
            ([0, 1, 2] as const).filter((to) => to !== from).map((to) => ({ to, op })),
          ),
        );
        // Drawn from fast-check, not Math.random, so that a failure replays and shrinks.
        while (pending.length > 0)
          for (const { to, op } of pending.splice(g(fc.nat, { max: pending.length - 1 }), 1))
            receive(nodes[to], op);

        const allOps = nodes.flatMap((node) => node.made);
        expect(new Set(allOps.map((op) => op.t)).size).toBe(allOps.length);
        const reference = latestPerField(allOps);
        for (const node of nodes) expect(node.store.entries()).toEqual(reference);
        for (const c of COLLECTIONS) {
          const records = nodes.map((node) => node.store.records(c));
          expect(records[1]).toEqual(records[0]);
          expect(records[2]).toEqual(records[0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
