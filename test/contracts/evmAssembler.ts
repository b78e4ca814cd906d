import { OPCODES as NAMED_OPCODES } from '../../src/main/chains/evmOpcodes';

/**
 * A two-pass assembler for the few hand-written contracts the anvil fixture deploys. There is no Solidity
 * compiler in this project (no solc, no network to fetch one), so the test contracts are written in EVM
 * assembly and turned into runtime bytecode here.
 *
 * Source is whitespace-separated tokens: an opcode name (`ADD`, `DUP3`), `PUSH <value>` (the narrowest
 * PUSHn that fits, PUSH0 for zero), `PUSH @label` (always PUSH2), and `label:`, which places a JUMPDEST.
 * `;` starts a comment that runs to the end of the line.
 */

const OPCODES = new Map<string, number>([
  // PUSH2 and wider take an operand: written as `PUSH <value>` here, never as a bare name.
  ...Object.entries(NAMED_OPCODES).filter(([name]) => name !== 'PUSH2'),
  ...Array.from({ length: 16 }, (_, i) => [`DUP${i + 1}`, 0x80 + i] as const),
  ...Array.from({ length: 16 }, (_, i) => [`SWAP${i + 1}`, 0x90 + i] as const),
]);

type Item =
  | { kind: 'op'; code: number }
  | { kind: 'push'; value: bigint }
  | { kind: 'pushLabel'; label: string }
  | { kind: 'label'; label: string };

export function assemble(source: readonly string[]): string {
  const items = parse(source);
  const labels = new Map<string, number>();
  let offset = 0;
  for (const item of items) {
    if (item.kind === 'label') {
      if (labels.has(item.label)) throw new Error(`label ${item.label} is defined twice`);
      labels.set(item.label, offset);
    }
    offset += size(item);
  }
  const bytes: number[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'op':
        bytes.push(item.code);
        break;
      case 'label':
        bytes.push(NAMED_OPCODES.JUMPDEST);
        break;
      case 'push':
        bytes.push(...pushBytes(item.value));
        break;
      case 'pushLabel': {
        const target = labels.get(item.label);
        if (target === undefined) throw new Error(`label ${item.label} is not defined`);
        bytes.push(0x61, target >> 8, target & 0xff);
        break;
      }
    }
  }
  return `0x${Buffer.from(bytes).toString('hex')}`;
}

function parse(source: readonly string[]): Item[] {
  const tokens = source.flatMap((line) => (line.split(';')[0] ?? '').split(/\s+/).filter(Boolean));
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.endsWith(':')) {
      items.push({ kind: 'label', label: token.slice(0, -1) });
    } else if (token === 'PUSH') {
      const operand = tokens[++i];
      if (operand === undefined) throw new Error('PUSH needs an operand');
      items.push(
        operand.startsWith('@')
          ? { kind: 'pushLabel', label: operand.slice(1) }
          : { kind: 'push', value: BigInt(operand) },
      );
    } else {
      const code = OPCODES.get(token);
      if (code === undefined) throw new Error(`unknown opcode ${token}`);
      items.push({ kind: 'op', code });
    }
  }
  return items;
}

function size(item: Item): number {
  if (item.kind === 'push') return pushBytes(item.value).length;
  return item.kind === 'pushLabel' ? 3 : 1;
}

function pushBytes(value: bigint): number[] {
  if (value < 0n || value >= 1n << 256n) throw new Error(`PUSH operand ${value} does not fit in a word`);
  if (value === 0n) return [NAMED_OPCODES.PUSH0];
  const hex = value.toString(16);
  const data = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  return [0x5f + data.length, ...data];
}
