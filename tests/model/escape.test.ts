import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeXml } from '../../src/model';

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;');
    expect(escapeXml('a\u0000b\u0008c\ud800d')).toBe('abcd');
    expect(escapeXml('🏥 تحسين')).toBe('🏥 تحسين');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['**bold** and _em_ and `code`', '\\*\\*bold\\*\\* and \\_em\\_ and \\`code\\`'],
    ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
    ['a | b', 'a \\| b'],
    ['&amp;', '\\&amp;'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['two\nlines', 'two lines'],
  ])('%j stays literal', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('leaves ordinary punctuation alone, so the text stays readable', () => {
    expect(escapeMarkdown('Central-line infections fell 66% by 2026-11-27 (Pronovost et al.).')).toBe(
      'Central-line infections fell 66% by 2026-11-27 (Pronovost et al.).',
    );
  });
});
