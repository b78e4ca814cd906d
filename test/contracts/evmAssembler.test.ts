import { describe, expect, it } from 'vitest';
import { assemble } from './evmAssembler';

describe('assemble', () => {
  it('picks the narrowest PUSH, PUSH0 for zero', () => {
    expect(assemble(['PUSH 0 PUSH 1 PUSH 0x100 PUSH 0x0f28c97d'])).toBe('0x5f6001610100630f28c97d');
  });

  it('places a JUMPDEST at each label and resolves references as PUSH2, forwards and backwards', () => {
    expect(assemble(['start: PUSH @end JUMP', 'end: ; a comment', 'PUSH @start JUMP'])).toBe(
      '0x5b610005565b61000056',
    );
  });

  it('assembles DUPn and SWAPn', () => {
    expect(assemble(['DUP1 DUP16 SWAP1 SWAP16'])).toBe('0x808f909f');
  });

  it.each([
    [['FOO'], /unknown opcode FOO/],
    [['PUSH'], /PUSH needs an operand/],
    [['PUSH @nowhere'], /label nowhere is not defined/],
    [['a: a:'], /label a is defined twice/],
    [[`PUSH ${1n << 256n}`], /does not fit in a word/],
  ])('refuses %j', (source, message) => {
    expect(() => assemble(source)).toThrow(message);
  });
});
