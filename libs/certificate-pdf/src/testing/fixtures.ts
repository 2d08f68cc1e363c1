import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { CertificatePdfData } from '../types';

export function sampleCertificate(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
  return {
    number: 'K3/AK3U/2026/000123',
    learnerName: 'Đặng Thị Ngọc Ánh Łukasz Żółć Şükrü',
    learnerIdLabel: { kind: 'nik', value: '3201234567890001' },
    courseTitle: {
      id: 'Pembinaan dan Sertifikasi Ahli K3 Umum',
      en: 'General Occupational Safety and Health Expert Training and Certification',
    },
    competencyCode: 'AK3U',
    competencyName: 'Ahli Keselamatan dan Kesehatan Kerja Umum',
    jpHours: 96,
    completedAt: new Date('2026-08-20T09:00:00Z'),
    issuedAt: new Date('2026-11-27T03:00:00Z'),
    expiresAt: new Date('2029-11-27T03:00:00Z'),
    verifyUrl: 'https://lms.k3-academy.co.id/verify/7KQ2-M9XD-4TPA',
    issuer: {
      organizationName: 'PT Mitra Keselamatan Nusantara',
      signerName: 'Ir. Budi Santoso, M.K3',
      signerTitle: 'Direktur Pelatihan / Training Director',
    },
    ...overrides,
  };
}

/** 48 x 20 baseline RGB JPEG (882 bytes). */
export const TINY_JPEG = readFileSync(join(__dirname, 'tiny-rgb.jpg'));

export interface PngOptions {
  bitDepth?: number;
  palette?: number[][];
  transparency?: number[];
  interlaced?: boolean;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Encodes a PNG (filter type 1 "Sub" on odd rows, 0 on even rows so both paths are used).
 * `pixel` returns the samples of one pixel (palette images: [index]); 8-bit only except
 * palette images, which may use 1, 2 or 4 bits.
 */
export function makePng(
  width: number,
  height: number,
  colorType: number,
  pixel: (x: number, y: number) => number[],
  options: PngOptions = {},
): Buffer {
  const bitDepth = options.bitDepth ?? 8;
  const channels = CHANNELS[colorType];
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const bpp = Math.max(1, (channels * bitDepth) / 8);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(stride);
    for (let x = 0; x < width; x++) {
      const samples = pixel(x, y);
      if (bitDepth === 8) {
        samples.forEach((value, c) => (row[x * channels + c] = value));
      } else {
        const bit = x * bitDepth;
        row[bit >> 3] |= samples[0] << (8 - bitDepth - (bit & 7));
      }
    }
    const filter = y % 2;
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const left = filter === 1 && i >= bpp ? row[i - bpp] : 0;
      raw[y * (stride + 1) + 1 + i] = (row[i] - left) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  header[12] = options.interlaced ? 1 : 0;
  const chunks = [chunk('IHDR', header)];
  if (options.palette) chunks.push(chunk('PLTE', Buffer.from(options.palette.flat())));
  if (options.transparency) chunks.push(chunk('tRNS', Buffer.from(options.transparency)));
  chunks.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
