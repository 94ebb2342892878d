import { describe, expect, it } from 'vitest';
import { codeSpans, codesNamed, textBlocks } from './text-blocks';

describe('textBlocks', () => {
  it('joins wrapped lines into paragraphs and reads `- ` lists, blank lines separating blocks', () => {
    const text = `Who insures this patient
on the visit date.

Exactly one of:

- by ЕНП: \`?enp=1\`
- by СНИЛС: \`?snils=2\`
  with the birth date
Each may add \`onDate\`.`;
    expect(textBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Who insures this patient on the visit date.' },
      { kind: 'paragraph', text: 'Exactly one of:' },
      {
        kind: 'list',
        items: ['by ЕНП: `?enp=1`', 'by СНИЛС: `?snils=2` with the birth date Each may add `onDate`.'],
      },
    ]);
  });

  it('ends a paragraph where a list starts without a blank line', () => {
    expect(textBlocks('Forms:\n- one\n- two\n\nAfter.')).toEqual([
      { kind: 'paragraph', text: 'Forms:' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(textBlocks('')).toEqual([]);
    expect(textBlocks('\n  \n')).toEqual([]);
  });
});

describe('codeSpans', () => {
  it('splits plain text and code, and leaves an unmatched backtick as text', () => {
    expect(codeSpans('Invalid query (`VALIDATION_FAILED`): `errors` names')).toEqual([
      { code: false, text: 'Invalid query (' },
      { code: true, text: 'VALIDATION_FAILED' },
      { code: false, text: '): ' },
      { code: true, text: 'errors' },
      { code: false, text: ' names' },
    ]);
    expect(codeSpans('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(codeSpans('`x`')).toEqual([{ code: true, text: 'x' }]);
  });
});

describe('codesNamed', () => {
  it('finds the upper-case codes in code spans, each once, and nothing else', () => {
    expect(
      codesNamed(
        'Out of scope (`FORBIDDEN`): (`reasonCode: MO_INACTIVE`), `nextStep`, again `FORBIDDEN`, `RATE_LIMITED`.',
      ),
    ).toEqual(['FORBIDDEN', 'RATE_LIMITED']);
    expect(codesNamed('No code spans: VALIDATION_FAILED')).toEqual([]);
  });
});
