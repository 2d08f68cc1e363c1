/**
 * The web app's one door to the API. Types come from the client generated from the OpenAPI
 * document (web/src/api/generated); requests go through `request`, which adds the in-memory access
 * token and retries once after a silent refresh on 401. Regenerating the client changes only
 * this file.
 */
import type { EnrollmentView, LessonProgressView } from '../api/generated/types.gen';
import { accessToken, refreshSession } from './session';

export type { EnrollmentView, LessonProgressView };

// Not yet described by response schemas in the OpenAPI document (the contract work adds them).
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface LessonContentView {
  id: string;
  type: 'text' | 'video' | 'file' | 'quiz';
  titleId: string;
  titleEn: string;
  html?: string;
  videoUrl?: string;
  durationSeconds?: number;
  fileUrl?: string;
  quizId?: string | null;
}
export interface ProgressResultView {
  enrollmentId: string;
  lessonId: string;
  lessonStatus: 'in_progress' | 'completed';
  lessonTimeSpentSeconds: number;
  enrollmentStatus: string;
  percent: number;
  nextLessonId: string | null;
}
export interface HeartbeatResultView {
  accepted: boolean;
  creditedSeconds: number;
  lessonTimeSpentSeconds: number;
}
export interface CourseSummaryView {
  id: string;
  code: string;
  titleId: string;
  titleEn: string;
  competencyCode: string;
  jpHours: number;
  enrollmentMode: 'open' | 'assigned';
}
export interface ModuleView {
  id: string;
  position: number;
  titleId: string;
  titleEn: string;
}
export interface CourseView {
  id: string;
  code: string;
  published: {
    titleId: string;
    titleEn: string;
    descriptionId: string;
    descriptionEn: string;
    jpHours: number;
    enrollmentMode: 'open' | 'assigned';
    sequential: boolean;
    modules?: ModuleView[];
  } | null;
}
export interface MeView {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'instructor' | 'hr' | 'learner';
  locale: string;
  timeZone: string;
  organizationName: string | null;
}
export interface PasswordTokenView {
  purpose: 'invite' | 'reset';
  name: string;
  expiresAt: string;
}
export interface NotificationPreference {
  category: string;
  enabled: boolean;
}
export interface CertificateView {
  id: string;
  number: string;
  status: string;
  courseTitle: { id: string; en: string };
  jpHours: number;
  issuedAt: string | null;
  expiresAt: string | null;
  verificationCode: string;
  verifyUrl: string;
  courseId: string;
  renewable: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const token = accessToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK');
  }
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res = await send(path, init);
  if (res.status === 401 && (await refreshSession())) res = await send(path, init);
  if (!res.ok) {
    let body: { error?: string; details?: unknown } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not a JSON error body
    }
    throw new ApiError(res.status, body.error ?? 'UNKNOWN', body.details);
  }
  return res;
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await request(path, init);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const post = <T>(path: string) => json<T>(path, { method: 'POST' });
const sendJson = <T>(method: string, path: string, body: unknown) =>
  json<T>(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await request(path);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
    /filename="([^"]+)"/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  me: () => json<MeView>('/api/v1/me'),
  updateMe: (changes: { locale?: 'id' | 'en'; timeZone?: string }) =>
    sendJson<MeView>('PATCH', '/api/v1/me', changes),
  passwordToken: (token: string) =>
    json<PasswordTokenView>(`/api/v1/auth/password/token?token=${encodeURIComponent(token)}`),
  forgotPassword: (email: string) =>
    sendJson<{ message: string }>('POST', '/api/v1/auth/password/forgot', { email }),
  notificationPreferences: () =>
    json<{ items: NotificationPreference[] }>('/api/v1/me/notification-preferences'),
  setNotificationPreference: (category: string, enabled: boolean) =>
    sendJson<{ items: NotificationPreference[] }>('PUT', '/api/v1/me/notification-preferences', {
      preferences: [{ category, enabled }],
    }),
  myCourses: () => json<Page<EnrollmentView>>('/api/v1/me/courses?limit=100'),
  catalogue: () => json<Page<CourseSummaryView>>('/api/v1/courses?limit=100'),
  course: (courseId: string) => json<CourseView>(`/api/v1/courses/${courseId}`),
  enroll: (courseId: string) => post<{ id: string }>(`/api/v1/courses/${courseId}/enroll`),
  enrollment: (id: string) => json<EnrollmentView>(`/api/v1/enrollments/${id}`),
  lesson: (enrollmentId: string, lessonId: string) =>
    json<LessonContentView>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}`),
  startLesson: (enrollmentId: string, lessonId: string) =>
    post<ProgressResultView>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/start`),
  heartbeat: (enrollmentId: string, lessonId: string) =>
    post<HeartbeatResultView>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/heartbeat`),
  completeLesson: (enrollmentId: string, lessonId: string) =>
    post<ProgressResultView>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`),
  lessonFile: (enrollmentId: string, lessonId: string) =>
    download(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/file`, 'materi'),
  certificates: () => json<Page<CertificateView>>('/api/v1/certificates?limit=100'),
  certificate: (id: string) => json<CertificateView>(`/api/v1/certificates/${id}`),
  renewCertificate: (id: string) =>
    sendJson<{ enrollmentId: string }>('POST', `/api/v1/certificates/${id}/renew`, {}),
  certificatePdf: (id: string, number: string) =>
    download(`/api/v1/certificates/${id}/pdf`, `${number}.pdf`),
};
