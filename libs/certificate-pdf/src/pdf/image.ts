import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PdfWriter } from './writer';

/**
 * Image XObjects for the signature and logo.
 * - JPEG (baseline or progressive; gray, RGB or CMYK): embedded as is (DCTDecode).
 * - PNG, non-interlaced: gray, RGB and palette images pass their IDAT data through
 *   (FlateDecode + PNG predictors); a tRNS colour key becomes a /Mask. Images with an alpha
 *   channel (gray+alpha, RGBA, palette with tRNS alpha) are decoded and split into colour
 *   + /SMask. Bit depths 1-16 as PNG allows.
 * Anything else (interlaced PNG, GIF, WebP, SVG, ...) throws.
 * Prepared images are cached by content hash: an issuer's logo repeats on every certificate.
 */
export interface PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly dict: string;
  readonly data: Uint8Array;
  readonly softMask?: { readonly dict: string; readonly data: Uint8Array };
}

const CACHE_LIMIT = 32;
const cache = new Map<string, PreparedImage>();

export function prepareImage(bytes: Uint8Array, label: string): PreparedImage {
  const key = createHash('sha1').update(bytes).digest('base64');
  let image = cache.get(key);
  if (!image) {
    image = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, image);
  }
  return image;
}

export function writeImage(writer: PdfWriter, id: number, image: PreparedImage): void {
  let dict = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} ${image.dict}`;
  if (image.softMask) {
    const maskId = writer.allocate();
    writer.rawStream(
      maskId,
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} ${image.softMask.dict}`,
      image.softMask.data,
    );
    dict += ` /SMask ${maskId} 0 R`;
  }
  writer.rawStream(id, dict, image.data);
}

function decode(bytes: Buffer, label: string): PreparedImage {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return decodeJpeg(bytes, label);
  }
  if (
    bytes.length > 8 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.readUInt32BE(4) === 0x0d0a1a0a
  ) {
    return decodePng(bytes, label);
  }
  throw new Error(`certificate-pdf: ${label} must be a PNG or JPEG image`);
}

function decodeJpeg(bytes: Buffer, label: string): PreparedImage {
  let at = 2;
  let adobe = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xee && bytes.toString('latin1', at + 4, at + 9) === 'Adobe') adobe = true;
    const isSof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isSof) {
      const bitsPerComponent = bytes[at + 4];
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      const components = bytes[at + 9];
      const colorSpace = { 1: '/DeviceGray', 3: '/DeviceRGB', 4: '/DeviceCMYK' }[components];
      if (!colorSpace || !width || !height) {
        throw new Error(
          `certificate-pdf: ${label} JPEG with ${components} components is unsupported`,
        );
      }
      // Adobe (Photoshop) CMYK JPEGs store inverted values.
      const decodeArray = components === 4 && adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
      return {
        width,
        height,
        dict: `/ColorSpace ${colorSpace} /BitsPerComponent ${bitsPerComponent} /Filter /DCTDecode${decodeArray}`,
        data: bytes,
      };
    }
    at += 2 + length;
  }
  throw new Error(`certificate-pdf: ${label} is not a readable JPEG (no frame header)`);
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  palette?: Buffer;
  transparency?: Buffer;
  idat: Buffer;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function decodePng(bytes: Buffer, label: string): PreparedImage {
  const png = readPngChunks(bytes, label);
  const { width, height, bitDepth, colorType } = png;
  const channels = CHANNELS[colorType];
  const colorParams = (colors: number, bits: number) =>
    `/DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent ${bits} /Columns ${width} >>`;

  if (colorType === 0 || colorType === 2 || (colorType === 3 && !png.transparency)) {
    let colorSpace = colorType === 2 ? '/DeviceRGB' : '/DeviceGray';
    if (colorType === 3) {
      if (!png.palette) throw new Error(`certificate-pdf: ${label} PNG palette is missing`);
      const entries = png.palette.length / 3 - 1;
      colorSpace = `[/Indexed /DeviceRGB ${entries} <${png.palette.toString('hex')}>]`;
    }
    let mask = '';
    if (png.transparency && colorType !== 3) {
      const key: number[] = [];
      for (let i = 0; i + 1 < png.transparency.length; i += 2) {
        const value = png.transparency.readUInt16BE(i);
        key.push(value, value);
      }
      mask = ` /Mask [${key.join(' ')}]`;
    }
    return {
      width,
      height,
      dict:
        `/ColorSpace ${colorSpace} /BitsPerComponent ${bitDepth} /Filter /FlateDecode ` +
        `${colorParams(channels, bitDepth)}${mask}`,
      data: png.idat,
    };
  }

  // Alpha: decode the pixels and split colour and alpha into two 8-bit images.
  const rows = unfilter(inflateSync(png.idat), width, height, channels, bitDepth, label);
  const colorChannels = colorType === 4 ? 1 : 3;
  const color = Buffer.alloc(width * height * colorChannels);
  const alpha = Buffer.alloc(width * height);
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const sampleBytes = bitDepth === 16 ? 2 : 1;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      if (colorType === 3) {
        const index = paletteIndex(rows, row, x, bitDepth);
        color[pixel * 3] = png.palette![index * 3];
        color[pixel * 3 + 1] = png.palette![index * 3 + 1];
        color[pixel * 3 + 2] = png.palette![index * 3 + 2];
        alpha[pixel] = index < png.transparency!.length ? png.transparency![index] : 255;
      } else {
        const at = row + x * channels * sampleBytes;
        for (let c = 0; c < colorChannels; c++) {
          color[pixel * colorChannels + c] = rows[at + c * sampleBytes];
        }
        alpha[pixel] = rows[at + colorChannels * sampleBytes];
      }
    }
  }
  const colorSpace = colorChannels === 1 ? '/DeviceGray' : '/DeviceRGB';
  return {
    width,
    height,
    dict: `/ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /FlateDecode`,
    data: deflateSync(color),
    softMask: {
      dict: '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      data: deflateSync(alpha),
    },
  };
}

function readPngChunks(bytes: Buffer, label: string): PngInfo {
  let at = 8;
  let info: Omit<PngInfo, 'idat'> | undefined;
  const idat: Buffer[] = [];
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      if (data[10] !== 0) throw new Error(`certificate-pdf: ${label} PNG uses an unknown filter`);
      if (data[12] !== 0) {
        throw new Error(`certificate-pdf: ${label} is an interlaced PNG, which is not supported`);
      }
      info = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
      };
      if (CHANNELS[info.colorType] === undefined || ![1, 2, 4, 8, 16].includes(info.bitDepth)) {
        throw new Error(`certificate-pdf: ${label} PNG colour type ${info.colorType} is invalid`);
      }
    } else if (type === 'PLTE' && info) {
      info.palette = data;
    } else if (type === 'tRNS' && info) {
      info.transparency = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!info || !idat.length || !info.width || !info.height) {
    throw new Error(`certificate-pdf: ${label} is not a complete PNG image`);
  }
  if (info.colorType === 3 && !info.palette) {
    throw new Error(`certificate-pdf: ${label} PNG palette is missing`);
  }
  return { ...info, idat: Buffer.concat(idat) };
}

function paletteIndex(rows: Buffer, row: number, x: number, bitDepth: number): number {
  if (bitDepth === 8) return rows[row + x];
  const bit = x * bitDepth;
  const shift = 8 - bitDepth - (bit & 7);
  return (rows[row + (bit >> 3)] >> shift) & ((1 << bitDepth) - 1);
}

/** Reverses PNG scanline filters; returns the rows without their filter-type bytes. */
function unfilter(
  raw: Buffer,
  width: number,
  height: number,
  channels: number,
  bitDepth: number,
  label: string,
): Buffer {
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const bpp = Math.max(1, Math.ceil((channels * bitDepth) / 8));
  if (raw.length < (stride + 1) * height) {
    throw new Error(`certificate-pdf: ${label} PNG pixel data is truncated`);
  }
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    const prev = dst - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[dst + i - bpp] : 0;
      const b = y > 0 ? out[prev + i] : 0;
      const c = y > 0 && i >= bpp ? out[prev + i - bpp] : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`certificate-pdf: ${label} PNG has an invalid filter type ${filter}`);
      }
      out[dst + i] = (raw[src + i] + predicted) & 0xff;
    }
  }
  return out;
}
