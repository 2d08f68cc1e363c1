import { DEFAULT_TIME_ZONE } from '@app/calendar';
import { bilingualDate, jpHoursText } from '../dates';
import { LABELS } from '../labels';
import { ShapingFont } from '../font/shaped-text';
import { QrCode } from '../qr';
import { CertificatePdfData } from '../types';
import { Canvas, drawBlock, drawLine, drawRuns, shapingFont } from './draw';
import { fitText } from './text-fit';
import { COLORS, PAGE } from './theme';

export interface PlacedImage {
  /** XObject resource name. */
  readonly name: string;
  /** Pixel size, for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

export interface PageImages {
  readonly logo?: PlacedImage;
  readonly signature?: PlacedImage;
}

const CENTER_X = PAGE.width / 2;
const BODY = { x: 80, width: PAGE.width - 160 };
/** Bottom zone: QR code left, details table centre, issuer/signature right. */
const BOTTOM_TOP = 414;
const QR = { x: 62, top: BOTTOM_TOP + 4, size: 86, textWidth: 170 };
const DETAILS = { x: 244, top: BOTTOM_TOP + 8, width: 352, labelWidth: 158, row: 18 };
const ISSUER = { x: 612, width: 172 };

/**
 * Lays out the certificate in top-down page coordinates. Every variable text has a fixed box
 * and is shrunk or wrapped inside it, so long values never overlap the next block.
 */
export function drawCertificatePage(
  canvas: Canvas,
  data: CertificatePdfData,
  qr: QrCode,
  images: PageImages,
): void {
  const timeZone = data.timeZone ?? DEFAULT_TIME_ZONE;
  drawFrame(canvas);
  drawHeader(canvas, data, images.logo);
  drawRecipient(canvas, data);
  drawCourse(canvas, data);
  drawQr(canvas, data, qr);
  drawDetails(canvas, data, timeZone);
  drawIssuer(canvas, data, images.signature);
}

function drawFrame({ content }: Canvas): void {
  const { width, height } = PAGE;
  content.strokeRect(18, 18, width - 36, height - 36, 2.6, COLORS.green);
  content.strokeRect(25, 25, width - 50, height - 50, 0.7, COLORS.gold);
  // Gold corner brackets inside the inner frame.
  const inset = 31;
  const arm = 34;
  for (const [x, y, dx, dy] of [
    [inset, inset, 1, 1],
    [width - inset, inset, -1, 1],
    [inset, height - inset, 1, -1],
    [width - inset, height - inset, -1, -1],
  ]) {
    content.line(x, y + dy * arm, x, y, 1.6, COLORS.gold);
    content.line(x, y, x + dx * arm, y, 1.6, COLORS.gold);
  }
}

function drawHeader(canvas: Canvas, data: CertificatePdfData, logo?: PlacedImage): void {
  if (logo) placeImage(canvas, logo, { x: 50, top: 44, width: 76, height: 64 });
  const orgBox = { x: 150, top: 46, width: PAGE.width - 300, height: 24, align: 'center' as const };
  const org = fitText(shapingFont(canvas.bold), data.issuer.organizationName, {
    ...orgBox,
    maxSize: 11,
    minSize: 7.5,
    leading: 1.15,
  });
  drawBlock(canvas, canvas.bold, org, orgBox, COLORS.green);
  drawLine(
    canvas,
    canvas.bold,
    LABELS.title,
    30,
    { x: 150, width: PAGE.width - 300, baseline: 103, align: 'center' },
    COLORS.green,
    1.5,
  );
  drawLine(
    canvas,
    canvas.regular,
    LABELS.subtitle,
    12.5,
    { x: 150, width: PAGE.width - 300, baseline: 123, align: 'center' },
    COLORS.muted,
    1, // wider letter spacing makes text extraction split the word into letters
  );
  // Ornament: two gold rules either side of a small diamond.
  const y = 136;
  canvas.content.line(CENTER_X - 70, y, CENTER_X - 8, y, 0.9, COLORS.gold);
  canvas.content.line(CENTER_X + 8, y, CENTER_X + 70, y, 0.9, COLORS.gold);
  canvas.content.polygon(
    [
      [CENTER_X, y - 3.5],
      [CENTER_X + 3.5, y],
      [CENTER_X, y + 3.5],
      [CENTER_X - 3.5, y],
    ],
    COLORS.gold,
  );
  drawRuns(
    canvas,
    [
      { font: canvas.regular, text: LABELS.number, color: COLORS.muted },
      { font: canvas.bold, text: data.number, color: COLORS.ink },
    ],
    10.5,
    { ...BODY, baseline: 156, align: 'center' },
  );
}

function drawRecipient(canvas: Canvas, data: CertificatePdfData): void {
  drawLine(
    canvas,
    canvas.regular,
    LABELS.awardedTo,
    11,
    { ...BODY, baseline: 183, align: 'center' },
    COLORS.muted,
  );
  const nameBox = { x: BODY.x, top: 189, width: BODY.width, height: 60, align: 'center' as const };
  const name = fitName(shapingFont(canvas.bold), data.learnerName, nameBox);
  drawBlock(canvas, canvas.bold, name, nameBox, COLORS.ink);
  const widest = Math.max(...name.lines.map((line) => (line.width * name.size) / 1000));
  const ruleHalf = Math.min(BODY.width, Math.max(300, widest + 60)) / 2;
  canvas.content.line(CENTER_X - ruleHalf, 256, CENTER_X + ruleHalf, 256, 0.8, COLORS.gold);

  if (data.learnerIdLabel) {
    const label = data.learnerIdLabel.kind === 'nik' ? LABELS.nik : LABELS.employeeId;
    drawRuns(
      canvas,
      [
        { font: canvas.regular, text: `${label}:`, color: COLORS.muted },
        { font: canvas.bold, text: data.learnerIdLabel.value, color: COLORS.ink },
      ],
      10,
      { ...BODY, baseline: 272, align: 'center' },
    );
  }
}

/** One line down to 20 pt if possible, otherwise wrapped onto as many lines as needed. */
function fitName(font: ShapingFont, name: string, box: { width: number; height: number }) {
  const single = fitText(font, name, { ...box, maxSize: 30, minSize: 20, maxLines: 1 });
  if (single.lines.length === 1 && single.size >= 20) return single;
  return fitText(font, name, { ...box, maxSize: 22, minSize: 9, leading: 1.15 });
}

function drawCourse(canvas: Canvas, data: CertificatePdfData): void {
  drawLine(
    canvas,
    canvas.regular,
    LABELS.completedTraining,
    10.5,
    { ...BODY, baseline: 294, align: 'center' },
    COLORS.muted,
  );
  // Indonesian title over English title, the pair centred vertically in its band.
  const band = { top: 300, height: 76 };
  const titleId = fitText(shapingFont(canvas.bold), data.courseTitle.id, {
    width: BODY.width,
    height: 40,
    maxSize: 17,
    minSize: 8,
    leading: 1.15,
  });
  const titleEn = fitText(shapingFont(canvas.regular), data.courseTitle.en, {
    width: BODY.width,
    height: 30,
    maxSize: 12,
    minSize: 7,
    leading: 1.15,
  });
  const gap = 6;
  const idHeight = titleId.lines.length * titleId.lineHeight;
  const enHeight = titleEn.lines.length * titleEn.lineHeight;
  const top = band.top + Math.max(0, (band.height - idHeight - gap - enHeight) / 2);
  const idBox = { ...BODY, top, height: idHeight, align: 'center' as const };
  drawBlock(canvas, canvas.bold, titleId, idBox, COLORS.green);
  const enBox = { ...BODY, top: top + idHeight + gap, height: enHeight, align: 'center' as const };
  drawBlock(canvas, canvas.regular, titleEn, enBox, COLORS.muted);

  const competency = data.competencyName
    ? `${data.competencyCode} \u2013 ${data.competencyName}`
    : data.competencyCode;
  drawRuns(
    canvas,
    [
      { font: canvas.regular, text: `${LABELS.competency}:`, color: COLORS.muted },
      { font: canvas.bold, text: competency, color: COLORS.ink },
    ],
    11,
    { ...BODY, baseline: 390, align: 'center' },
  );
}

function drawQr(canvas: Canvas, data: CertificatePdfData, qr: QrCode): void {
  canvas.content.fillGridRuns(QR.x, QR.top, QR.size / qr.size, qr.size, qr.runs, COLORS.ink);
  const textBox = { x: QR.x, width: QR.textWidth, align: 'left' as const };
  drawLine(
    canvas,
    canvas.bold,
    LABELS.scanToVerify,
    7,
    { ...textBox, baseline: QR.top + QR.size + 11 },
    COLORS.ink,
  );
  const urlBox = { ...textBox, top: QR.top + QR.size + 14, height: 30 };
  const url = fitText(shapingFont(canvas.regular), data.verifyUrl, {
    ...urlBox,
    maxSize: 7,
    minSize: 5,
    leading: 1.2,
    breakAfter: '/?&=',
  });
  drawBlockTop(canvas, url, urlBox);
}

function drawBlockTop(
  canvas: Canvas,
  fitted: ReturnType<typeof fitText>,
  box: { x: number; top: number },
): void {
  let baseline = box.top + fitted.size;
  for (const line of fitted.lines) {
    canvas.content.text(canvas.regular, fitted.size, box.x, baseline, line, COLORS.muted);
    baseline += fitted.lineHeight;
  }
}

function drawDetails(canvas: Canvas, data: CertificatePdfData, timeZone: string): void {
  const rows: [string, string][] = [
    [LABELS.jpHours, jpHoursText(data.jpHours)],
    [LABELS.completedOn, bilingualDate(data.completedAt, timeZone, 'completedAt')],
    [LABELS.issuedOn, bilingualDate(data.issuedAt, timeZone, 'issuedAt')],
    [
      LABELS.validUntil,
      // undefined (e.g. from an optional column) is read as "no expiry", like null.
      data.expiresAt ? bilingualDate(data.expiresAt, timeZone, 'expiresAt') : LABELS.noExpiry,
    ],
  ];
  const { x, top, width, labelWidth, row } = DETAILS;
  const valueX = x + labelWidth + 8;
  const valueWidth = width - labelWidth - 8;
  canvas.content.fillRect(x - 8, top, width + 16, row * rows.length + 4, COLORS.tint);
  rows.forEach(([label, value], i) => {
    const baseline = top + 2 + i * row + 12.5;
    drawLine(
      canvas,
      canvas.regular,
      label,
      8,
      { x, width: labelWidth, baseline, align: 'left' },
      COLORS.muted,
    );
    drawLine(
      canvas,
      canvas.bold,
      value,
      9.5,
      { x: valueX, width: valueWidth, baseline, align: 'left' },
      COLORS.ink,
    );
    if (i > 0) {
      const y = top + 2 + i * row;
      canvas.content.line(x, y, x + width, y, 0.4, COLORS.hairline);
    }
  });
  drawBlock(
    canvas,
    canvas.regular,
    fitText(shapingFont(canvas.regular), LABELS.verificationNote, {
      width,
      height: 22,
      maxSize: 7,
      minSize: 6,
    }),
    { x, top: top + row * rows.length + 16, width, height: 22, align: 'center' },
    COLORS.muted,
  );
}

function drawIssuer(canvas: Canvas, data: CertificatePdfData, signature?: PlacedImage): void {
  const { x, width } = ISSUER;
  const center = { x, width, align: 'center' as const };
  drawLine(canvas, canvas.regular, LABELS.issuedBy, 8, { ...center, baseline: 426 }, COLORS.muted);
  const orgBox = { ...center, top: 430, height: 24 };
  const org = fitText(shapingFont(canvas.bold), data.issuer.organizationName, {
    ...orgBox,
    maxSize: 9.5,
    minSize: 6,
    leading: 1.15,
  });
  drawBlock(canvas, canvas.bold, org, orgBox, COLORS.ink);
  if (signature)
    placeImage(canvas, signature, { x: x + 11, top: 458, width: width - 22, height: 50 });
  canvas.content.line(x + 6, 512, x + width - 6, 512, 0.6, COLORS.muted);
  drawLine(
    canvas,
    canvas.bold,
    data.issuer.signerName,
    10,
    { ...center, baseline: 525 },
    COLORS.ink,
  );
  const titleBox = { ...center, top: 529, height: 22 };
  const title = fitText(shapingFont(canvas.regular), data.issuer.signerTitle, {
    ...titleBox,
    maxSize: 8,
    minSize: 5.5,
    leading: 1.2,
  });
  drawBlock(canvas, canvas.regular, title, titleBox, COLORS.muted);
}

/** Scales an image to fit the box, keeping its aspect ratio, centred. */
function placeImage(
  canvas: Canvas,
  image: PlacedImage,
  box: { x: number; top: number; width: number; height: number },
): void {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  canvas.content.image(
    image.name,
    box.x + (box.width - width) / 2,
    box.top + (box.height - height) / 2,
    width,
    height,
  );
}
