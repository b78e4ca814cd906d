import type { TypedDataNode } from '../../../shared/review';
import type { StructValue, TypedValue } from './typedDataValue';

/** What a screen can show and a person can read; the rest is cut with a "…" node that says how much. */
export const TREE_LIMITS = { nodes: 200, depth: 8, text: 2000 } as const;

/**
 * The message's fields as a tree of at most 200 nodes (the "…" ones included) and 8 levels, every leaf as
 * text. This is what the user gets for a type the wallet does not decode, so nothing is ever a bare hash.
 */
export function typedDataTree(message: StructValue): TypedDataNode[] {
  const budget = { left: TREE_LIMITS.nodes };
  return entries(
    message.fields.map(({ name, value }) => [name, value]),
    1,
    budget,
  );
}

type Entry = [name: string, value: TypedValue];

function entries(list: Entry[], depth: number, budget: { left: number }): TypedDataNode[] {
  const nodes: TypedDataNode[] = [];
  for (const [index, [name, value]] of list.entries()) {
    const rest = list.length - index;
    const children = childrenOf(value);
    // The last slot goes to a "…" node unless this is the last entry and needs no children.
    const fits =
      budget.left > 1 || (budget.left === 1 && rest === 1 && (children === null || children.length === 0));
    if (!fits) {
      if (budget.left > 0) {
        nodes.push(cut(rest));
        budget.left -= 1;
      }
      break;
    }
    budget.left -= 1;
    if (children === null) {
      nodes.push({ name, type: value.type, value: leafText(value) });
    } else if (depth >= TREE_LIMITS.depth && children.length > 0) {
      // A text value, not a "…" child, so no node ever sits deeper than the limit.
      nodes.push({ name, type: value.type, value: `… ${fields(children.length)} nested too deep to show` });
    } else {
      nodes.push({ name, type: value.type, value: entries(children, depth + 1, budget) });
    }
  }
  return nodes;
}

function childrenOf(value: TypedValue): Entry[] | null {
  if (value.kind === 'struct') return value.fields.map((field) => [field.name, field.value]);
  if (value.kind === 'array') return value.items.map((item, index) => [String(index), item]);
  return null;
}

function leafText(value: TypedValue): string {
  const text = value.kind === 'struct' || value.kind === 'array' ? '' : String(value.value);
  return text.length > TREE_LIMITS.text ? `${text.slice(0, TREE_LIMITS.text - 1)}…` : text;
}

function cut(count: number): TypedDataNode {
  return { name: '…', type: '', value: `${count} more ${count === 1 ? 'field' : 'fields'} not shown` };
}

function fields(count: number): string {
  return `${count} ${count === 1 ? 'field' : 'fields'}`;
}
