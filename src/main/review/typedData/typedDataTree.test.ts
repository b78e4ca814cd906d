import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypedDataNode } from '../../../shared/review';
import { TREE_LIMITS, typedDataTree } from './typedDataTree';
import { parseStruct, type TypedDataInput } from './typedDataValue';

function count(nodes: readonly TypedDataNode[]): number {
  return nodes.reduce(
    (total, node) => total + 1 + (typeof node.value === 'string' ? 0 : count(node.value)),
    0,
  );
}
function depth(nodes: readonly TypedDataNode[]): number {
  return Math.max(0, ...nodes.map((node) => 1 + (typeof node.value === 'string' ? 0 : depth(node.value))));
}
const tree = (types: TypedDataInput['types'], message: unknown) =>
  typedDataTree(parseStruct('Root', message, types, 'message'));

describe('typedDataTree', () => {
  it('shows every field of a small message, leaves as text', () => {
    const types = {
      Root: [
        { name: 'who', type: 'Person' },
        { name: 'ids', type: 'uint256[]' },
        { name: 'ok', type: 'bool' },
      ],
      Person: [{ name: 'wallet', type: 'address' }],
    };
    const message = {
      who: { wallet: '0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826' },
      ids: ['7', 8],
      ok: false,
    };
    expect(tree(types, message)).toEqual([
      {
        name: 'who',
        type: 'Person',
        value: [{ name: 'wallet', type: 'address', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }],
      },
      {
        name: 'ids',
        type: 'uint256[]',
        value: [
          { name: '0', type: 'uint256', value: '7' },
          { name: '1', type: 'uint256', value: '8' },
        ],
      },
      { name: 'ok', type: 'bool', value: 'false' },
    ]);
  });

  it('cuts a long list at 200 nodes with a "…" node saying how many are left', () => {
    const types = { Root: [{ name: 'ids', type: 'uint8[]' }] };
    const nodes = tree(types, { ids: Array.from({ length: 500 }, () => 1) });
    expect(count(nodes)).toBe(TREE_LIMITS.nodes);
    const items = nodes[0]?.value as TypedDataNode[];
    expect(items.at(-1)).toEqual({ name: '…', type: '', value: '302 more fields not shown' });
  });

  it('fits exactly 200 nodes without a cut', () => {
    const wide = { Root: [{ name: 'l', type: 'bool[]' }] };
    const nodes = tree(wide, { l: Array.from({ length: 199 }, () => true) });
    expect(count(nodes)).toBe(200);
    expect(JSON.stringify(nodes)).not.toContain('…');
  });

  it('never goes deeper than 8 levels, saying what it left out', () => {
    const types = { Root: [{ name: 'next', type: 'Root[]' }] };
    let value: unknown = { next: [] };
    for (let level = 0; level < 6; level += 1) value = { next: [value] };
    const nodes = tree(types, value);
    expect(depth(nodes)).toBe(TREE_LIMITS.depth);
    expect(JSON.stringify(nodes)).toContain('… 1 field nested too deep to show');
  });

  it('clips very long text', () => {
    const types = { Root: [{ name: 'note', type: 'string' }] };
    const [node] = tree(types, { note: 'x'.repeat(5000) });
    expect(node?.value).toHaveLength(TREE_LIMITS.text);
    expect(String(node?.value).endsWith('…')).toBe(true);
  });

  it('stays within 200 nodes and 8 levels for any shape of message', () => {
    const types = {
      Root: [
        { name: 'kids', type: 'Root[]' },
        { name: 'ids', type: 'uint8[]' },
      ],
    };
    // Six levels of Root stay inside what the parser walks (16) and well past what the tree shows (8).
    const { node } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.record({
        kids: fc.oneof(
          { maxDepth: 6, depthIdentifier: 'root' },
          fc.constant([]),
          fc.array(tie('node'), { maxLength: 4 }),
        ),
        ids: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 250, size: 'max' }),
      }),
    }));
    fc.assert(
      fc.property(node, (message) => {
        const nodes = tree(types, message);
        expect(count(nodes)).toBeLessThanOrEqual(TREE_LIMITS.nodes);
        expect(depth(nodes)).toBeLessThanOrEqual(TREE_LIMITS.depth);
      }),
      { numRuns: 200 },
    );
  });
});
