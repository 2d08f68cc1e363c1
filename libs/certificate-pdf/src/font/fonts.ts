import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ShapingFont } from './shaped-text';
import { TrueTypeFont } from './truetype';

export interface CertificateFonts {
  readonly regular: ShapingFont;
  readonly bold: ShapingFont;
}

const FONT_DIR = join('libs', 'certificate-pdf', 'assets', 'fonts');
let fonts: CertificateFonts | undefined;

/** The shipped DejaVu fonts, read and parsed once per process. */
export function certificateFonts(): CertificateFonts {
  if (!fonts) {
    const dir = findFontDir();
    fonts = {
      regular: new ShapingFont(new TrueTypeFont(readFileSync(join(dir, 'DejaVuSans.ttf')))),
      bold: new ShapingFont(new TrueTypeFont(readFileSync(join(dir, 'DejaVuSans-Bold.ttf')))),
    };
  }
  return fonts;
}

/**
 * Next to the sources (ts-node, jest) the fonts are at ../../assets/fonts; from a compiled
 * dist/ tree (which does not copy assets) they are found in the repository root above it.
 */
function findFontDir(): string {
  const candidates = [resolve(__dirname, '..', '..', 'assets', 'fonts')];
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    candidates.push(join(dir, FONT_DIR));
  }
  candidates.push(join(process.cwd(), FONT_DIR));
  const found = candidates.find((dir) => existsSync(join(dir, 'DejaVuSans.ttf')));
  if (!found) {
    throw new Error(`certificate-pdf: fonts not found; looked in ${candidates.join(', ')}`);
  }
  return found;
}
