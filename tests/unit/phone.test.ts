import { describe, expect, it } from 'vitest';
import { parseSwedishPhone } from '../../src/lib/core/phone.ts';

describe('parseSwedishPhone', () => {
  it.each([
    ['010-2247339', '+46102247339', '010-224 73 39'],
    ['076-848 15 72', '+46768481572', '076-848 15 72'],
    ['010-224 87 58', '+46102248758', '010-224 87 58'],
    ['+46 10 224 73 39', '+46102247339', '010-224 73 39'],
    ['08-123 456 78', '+46812345678', '08-123 456 78'],
  ])('%s becomes %s, shown as %s', (raw, e164, display) => {
    expect(parseSwedishPhone(raw)).toEqual({ e164, display, href: `tel:${e164}` });
  });

  it.each(['123', 'ring oss', '', '010-22'])('rejects "%s"', (raw) => {
    expect(parseSwedishPhone(raw)).toBeUndefined();
  });
});
