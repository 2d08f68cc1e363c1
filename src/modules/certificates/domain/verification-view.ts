import type { PublicStatus } from './certificate-status';
import type { CredentialSharingView } from './credential-sharing';

/** What the public verification page and JSON show: the printed fields plus the status. */
export interface VerificationView {
  code: string;
  number: string;
  version: number;
  status: Exclude<PublicStatus, 'pending' | 'failed'>;
  learnerName: string;
  learnerId: { kind: 'nik' | 'employee_id'; value: string } | null;
  courseTitle: { id: string; en: string };
  competencyCode: string;
  jpHours: number;
  completedAt: string;
  issuedAt: string;
  expiresAt: string | null;
  issuer: { organizationName: string; signerName: string; signerTitle: string };
  sha256: string;
  revoked: { at: string; reason: string } | null;
  superseded: {
    reason: 'reissue' | 'renewal';
    at: string | null;
    by: { number: string; version: number; verifyUrl: string } | null;
  } | null;
  /** Who signed the PDF (`pdfSignerName`); null when not recorded (older certificates). */
  signedBy: string | null;
  credential: CredentialSharingView;
}

export type Lang = 'id' | 'en';

export type StatusLabel =
  | Exclude<VerificationView['status'], 'superseded'>
  | 'supersededRenewal'
  | 'supersededReissue'
  | 'superseded';

/** Which status the page names: a superseded certificate says whether a renewal or a re-issue replaced it. */
export function statusLabelOf(view: Pick<VerificationView, 'status' | 'superseded'>): StatusLabel {
  if (view.status !== 'superseded' || !view.superseded) return view.status;
  return view.superseded.reason === 'renewal' ? 'supersededRenewal' : 'supersededReissue';
}

/** `?lang=` wins, then the best `Accept-Language` match, then the default. */
export function pickLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  fallback: Lang,
): Lang {
  if (query === 'id' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter(
      (entry): entry is { lang: Lang; q: number } =>
        (entry.lang === 'id' || entry.lang === 'en') && entry.q > 0,
    )
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? fallback;
}
