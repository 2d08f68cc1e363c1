import { gunzipSync } from 'node:zlib';
import {
  didWebFor,
  encodeStatusList,
  STATUS_LIST_SIZE,
  statusBitAt,
  statusListPosition,
} from './open-badge';

describe('open badge domain', () => {
  it('did:web percent-encodes the port colon and turns path segments into colons', () => {
    expect(didWebFor('https://lms.example.id')).toBe('did:web:lms.example.id');
    expect(didWebFor('http://localhost:3000')).toBe('did:web:localhost%3A3000');
    expect(didWebFor('https://example.id/k3/lms')).toBe('did:web:example.id:k3:lms');
  });

  it('status list: 16 KB gzip, multibase u, bit 0 is the high bit of the first byte', () => {
    const encoded = encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]);
    expect(encoded[0]).toBe('u');
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bits.length).toBe(16 * 1024);
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    expect(bits[bits.length - 1]).toBe(0x01);
    expect(statusBitAt(encoded, 9)).toBe(true);
    expect(statusBitAt(encoded, 8)).toBe(false);
  });

  it('indexes map to lists of 131,072 entries', () => {
    expect(statusListPosition(0)).toEqual({ list: 1, offset: 0 });
    expect(statusListPosition(STATUS_LIST_SIZE + 5)).toEqual({ list: 2, offset: 5 });
  });
});
