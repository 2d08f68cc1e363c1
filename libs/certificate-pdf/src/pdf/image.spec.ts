import { inflateSync } from 'node:zlib';
import { renderCertificatePdf } from '../render';
import { makePng, sampleCertificate, TINY_JPEG } from '../testing/fixtures';
import { pixelAt } from '../testing/pdf-inspect';
import { prepareImage } from './image';

describe('prepareImage', () => {
  it('passes JPEG data through as DCTDecode with its size and colour space', () => {
    const image = prepareImage(TINY_JPEG, 'logo');
    expect(image).toMatchObject({ width: 48, height: 20 });
    expect(image.dict).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode');
    expect(Buffer.from(image.data).equals(TINY_JPEG)).toBe(true);
    expect(image.softMask).toBeUndefined();
  });

  it('passes RGB and gray PNG data through with PNG predictors', () => {
    const rgb = prepareImage(
      makePng(5, 3, 2, (x, y) => [x * 50, y * 80, 7]),
      'logo',
    );
    expect(rgb.dict).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode');
    expect(rgb.dict).toContain('/Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 5');
    // Still PNG-filtered rows: 3 rows of 1 filter byte + 15 samples.
    expect(inflateSync(rgb.data)).toHaveLength(3 * 16);
    const gray = prepareImage(
      makePng(4, 2, 0, (x) => [x * 60]),
      'logo',
    );
    expect(gray.dict).toContain('/ColorSpace /DeviceGray');
    expect(gray.dict).toContain('/Colors 1 /BitsPerComponent 8 /Columns 4');
  });

  it('maps palette PNGs (any bit depth) to an Indexed colour space', () => {
    const palette = [
      [255, 0, 0],
      [0, 0, 255],
    ];
    const image = prepareImage(
      makePng(9, 2, 3, (x) => [x % 2], { bitDepth: 1, palette }),
      'logo',
    );
    expect(image.dict).toContain('/ColorSpace [/Indexed /DeviceRGB 1 <ff00000000ff>]');
    expect(image.dict).toContain('/BitsPerComponent 1');
    expect(image.dict).toContain('/Colors 1 /BitsPerComponent 1 /Columns 9');
  });

  it('turns a tRNS colour key of an RGB PNG into a /Mask', () => {
    const png = makePng(2, 2, 2, () => [1, 2, 3], { transparency: [0, 255, 0, 255, 0, 255] });
    expect(prepareImage(png, 'logo').dict).toContain('/Mask [255 255 255 255 255 255]');
  });

  it('splits RGBA into colour and an 8-bit soft mask', () => {
    const pixel = (x: number, y: number) => [x * 10, y * 20, 200, x * 40 + y];
    const image = prepareImage(makePng(6, 4, 6, pixel), 'signature');
    const color = inflateSync(image.data);
    const alpha = inflateSync(image.softMask!.data);
    expect(image.dict).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8');
    expect(image.softMask!.dict).toContain('/ColorSpace /DeviceGray /BitsPerComponent 8');
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 6; x++) {
        const [r, g, b, a] = pixel(x, y);
        const i = y * 6 + x;
        expect([color[i * 3], color[i * 3 + 1], color[i * 3 + 2], alpha[i]]).toEqual([r, g, b, a]);
      }
    }
  });

  it('splits gray+alpha and palette+tRNS into colour and soft mask', () => {
    const grayAlpha = prepareImage(
      makePng(3, 2, 4, (x, y) => [x * 100, y * 255]),
      'logo',
    );
    expect(Array.from(inflateSync(grayAlpha.data))).toEqual([0, 100, 200, 0, 100, 200]);
    expect(Array.from(inflateSync(grayAlpha.softMask!.data))).toEqual([0, 0, 0, 255, 255, 255]);

    const palette = [
      [10, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
    ];
    const png = makePng(3, 1, 3, (x) => [x], { bitDepth: 4, palette, transparency: [0, 128] });
    const indexed = prepareImage(png, 'logo');
    expect(Array.from(inflateSync(indexed.data))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // Entries beyond the tRNS table are opaque.
    expect(Array.from(inflateSync(indexed.softMask!.data))).toEqual([0, 128, 255]);
  });

  it('rejects interlaced PNGs and unknown formats with clear errors', () => {
    const interlaced = makePng(2, 2, 2, () => [0, 0, 0], { interlaced: true });
    expect(() => prepareImage(interlaced, 'issuer.signatureImage')).toThrow(
      'issuer.signatureImage is an interlaced PNG, which is not supported',
    );
    expect(() => prepareImage(Buffer.from('<svg/>'), 'issuer.logoImage')).toThrow(
      'issuer.logoImage must be a PNG or JPEG image',
    );
    expect(() => prepareImage(TINY_JPEG.subarray(0, 20), 'issuer.logoImage')).toThrow(
      /not a readable JPEG/,
    );
  });
});

describe('images on the rendered page', () => {
  const issuer = sampleCertificate().issuer;

  it('draws a palette logo in its colours, fitted into the logo box', () => {
    // 2 x 1 logo (red | blue) fitted into the 76 x 64 pt box at (50, 44): 76 x 38 pt at y 57.
    const palette = [
      [255, 0, 0],
      [0, 0, 255],
    ];
    const logoImage = makePng(2, 1, 3, (x) => [x], { palette });
    const pdf = renderCertificatePdf(sampleCertificate({ issuer: { ...issuer, logoImage } }));
    expect(pixelAt(pdf, 60, 75)).toEqual([255, 0, 0]);
    expect(pixelAt(pdf, 115, 75)).toEqual([0, 0, 255]);
    expect(pixelAt(pdf, 88, 50)).toEqual([255, 255, 255]); // above the fitted image
  });

  it('lets the page show through transparent signature pixels', () => {
    // Left half opaque black, right half fully transparent; the signature box is 150 x 50 at
    // (623, 458), so a 150 x 50 px image maps 1:1.
    const signatureImage = makePng(150, 50, 6, (x) => (x < 75 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const pdf = renderCertificatePdf(sampleCertificate({ issuer: { ...issuer, signatureImage } }));
    expect(pixelAt(pdf, 650, 480)).toEqual([0, 0, 0]);
    expect(pixelAt(pdf, 740, 480)).toEqual([255, 255, 255]);
  });
});
