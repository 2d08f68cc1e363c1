/**
 * The web app's one door to the API. Types come from the client generated from the OpenAPI
 * document (web/src/api/generated); requests go through `request`, which adds the in-memory access
 * token and retries once after a silent refresh on 401. Regenerating the client changes only
 * this file.
 */
import type {
  AttemptQuestionView,
  AttemptView,
  CategoryListView,
  CategoryView,
  QuestionImportView,
  QuestionInputDto,
  QuestionPage,
  QuestionPreviewView,
  QuestionView,
  CertificatePage,
  CertificateView,
  ComplianceSummaryView,
  CourseSummaryPage,
  CourseReportView,
  CourseStaffMemberView,
  CourseSummaryView,
  CourseView,
  CreateCourseDto,
  EnrollmentPage,
  EnrollmentView,
  EnrollResultView,
  HeartbeatResultView,
  ItemAnalysisPageView,
  LearnerQuizView,
  LessonContentView,
  LessonProgressView,
  CreateLessonDto,
  LessonView,
  MarkdownPreviewView,
  ModuleDto,
  MoveLessonDto,
  ModuleSummaryView,
  UpdateLessonDto,
  MatrixPageView,
  MeView,
  ModuleView,
  PasswordTokenView,
  PinnedLearnersPageView,
  PreferencesResponse,
  PreferenceView,
  ProgressResultView,
  PublishPreviewView,
  QuestionReviewView,
  QuizView,
  RosterItemPage,
  SaveAnswerDto,
  UpdateCourseDto,
  VersionView,
  AssignmentPreviewView,
  AssignmentResultView,
  DueDateExtensionView,
  GradeAttemptDto,
  GradingQueuePageView,
  UpdateQuizDto,
  EmployeeTrainingView,
  ImportPreviewView,
  ImportResultView,
  InvitationView,
  UserPage,
  UserView,
  AuditEntryPage,
  AuditEntryView,
  CreateUserDto,
  OrganizationPage,
  OrganizationReportRowPage,
  OrganizationReportRowView,
  OrganizationView,
  OutboxPageDoc,
  OutboxRowDoc,
  SuppressionPage,
  SuppressionView,
} from '../api/generated/types.gen';
import { accessToken, refreshSession } from './session';

export type {
  CategoryListView,
  QuestionImportView,
  QuestionInputDto,
  QuestionPage,
  QuestionPreviewView,
  QuestionView,
  AttemptQuestionView,
  CourseReportView,
  RosterItemPage,
  ComplianceSummaryView,
  MatrixPageView,
  AttemptView,
  CertificateView,
  CourseSummaryView,
  CourseView,
  EnrollmentView,
  HeartbeatResultView,
  ItemAnalysisPageView,
  LearnerQuizView,
  LessonContentView,
  LessonProgressView,
  CreateLessonDto,
  LessonView,
  ModuleSummaryView,
  UpdateLessonDto,
  MeView,
  ModuleView,
  ProgressResultView,
  QuestionReviewView,
  QuizView,
  PasswordTokenView,
  PreferencesResponse,
  PreferenceView,
  SaveAnswerDto,
  AssignmentPreviewView,
  AssignmentResultView,
  DueDateExtensionView,
  EmployeeTrainingView,
  GradeAttemptDto,
  GradingQueuePageView,
  ImportPreviewView,
  ImportResultView,
  UpdateQuizDto,
  UserView,
  AuditEntryView,
  CertificatePage,
  CourseStaffMemberView,
  CreateUserDto,
  OrganizationReportRowView,
  OrganizationView,
  OutboxRowDoc,
  SuppressionView,
  CreateCourseDto,
  PinnedLearnersPageView,
  PublishPreviewView,
  UpdateCourseDto,
  VersionView,
};

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

function fileNameOf(res: Response, fallbackName: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
    /filename="([^"]+)"/i.exec(disposition)?.[1];
  return name ? decodeURIComponent(name) : fallbackName;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await request(path);
  saveBlob(await res.blob(), fileNameOf(res, fallbackName));
}

/** Bytes of a download so far; `total` when the server sent a Content-Length. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/**
 * Like `download`, reading the body chunk by chunk so the page can show the bytes as they
 * arrive (streamed exports have no Content-Length: then only the running count is known).
 */
export async function downloadWithProgress(
  path: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await request(path, { signal });
  const length = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = res.body?.getReader();
  if (!reader) throw new ApiError(0, 'NETWORK');
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ApiError(0, signal?.aborted ? 'ABORTED' : 'NETWORK');
    }
    if (chunk.done) break;
    chunks.push(chunk.value);
    received += chunk.value.byteLength;
    onProgress({ received, total });
  }
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  saveBlob(new Blob(chunks, { type }), fileNameOf(res, fallbackName));
}

/** Bytes of an upload sent so far (XMLHttpRequest reports them; fetch cannot). */
export interface UploadProgress {
  sent: number;
  total: number;
}

function postWithProgress(
  path: string,
  body: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    const token = accessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ sent: e.loaded, total: e.total });
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** A multipart upload of `file` with upload progress; the same error handling as `request`. */
export async function uploadWithProgress<T>(
  path: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  let res = await postWithProgress(path, formWith(file), onProgress, signal);
  if (res.status === 401 && (await refreshSession())) {
    res = await postWithProgress(path, formWith(file), onProgress, signal);
  }
  let body: { error?: string; details?: unknown } = {};
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    // not a JSON body
  }
  if (res.status < 200 || res.status >= 300) {
    throw new ApiError(res.status, body.error ?? 'UNKNOWN', body.details);
  }
  return body as T;
}

export const api = {
  me: () => json<MeView>('/api/v1/me'),
  updateMe: (changes: { locale?: 'id' | 'en'; timeZone?: string }) =>
    sendJson<MeView>('PATCH', '/api/v1/me', changes),
  passwordToken: (token: string) =>
    json<PasswordTokenView>(`/api/v1/auth/password/token?token=${encodeURIComponent(token)}`),
  forgotPassword: (email: string) =>
    sendJson<{ message: string }>('POST', '/api/v1/auth/password/forgot', { email }),
  notificationPreferences: () => json<PreferencesResponse>('/api/v1/me/notification-preferences'),
  setNotificationPreference: (category: string, enabled: boolean) =>
    sendJson<PreferencesResponse>('PUT', '/api/v1/me/notification-preferences', {
      preferences: [{ category, enabled }],
    }),
  myCourses: () => json<EnrollmentPage>('/api/v1/me/courses?limit=100'),
  catalogue: () => json<CourseSummaryPage>('/api/v1/courses?limit=100'),
  course: (courseId: string) => json<CourseView>(`/api/v1/courses/${courseId}`),
  enroll: (courseId: string) => post<EnrollResultView>(`/api/v1/courses/${courseId}/enroll`),
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
  certificates: () => json<CertificatePage>('/api/v1/certificates?limit=100'),
  certificate: (id: string) => json<CertificateView>(`/api/v1/certificates/${id}`),
  learnerQuiz: (quizId: string) => json<LearnerQuizView>(`/api/v1/quizzes/${quizId}`),
  startAttempt: (quizId: string) => post<AttemptView>(`/api/v1/quizzes/${quizId}/attempts`),
  attempt: (attemptId: string) => json<AttemptView>(`/api/v1/attempts/${attemptId}`),
  submitAttempt: (attemptId: string) => post<AttemptView>(`/api/v1/attempts/${attemptId}/submit`),
  /** Sends one request of the offline outbox (answers, heartbeats). */
  sendQueued: (method: 'PUT' | 'POST', path: string, body?: unknown) =>
    json<unknown>(
      path,
      body === undefined
        ? { method }
        : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    ),
  renewCertificate: (id: string) =>
    sendJson<{ enrollmentId: string }>('POST', `/api/v1/certificates/${id}/renew`, {}),
  certificatePdf: (id: string, fallbackName: string) =>
    download(`/api/v1/certificates/${id}/pdf`, `${fallbackName}.pdf`),
  /** The Open Badges 3.0 credential (VC-JWT); the server names the file. */
  certificateCredential: (id: string, fallbackName: string) =>
    download(`/api/v1/certificates/${id}/credential`, `${fallbackName}.jwt`),
  complianceSummary: () => json<ComplianceSummaryView>('/api/v1/compliance/summary'),
  /** `filters` are the matrix page's URL search params (competency, state, search, cursor). */
  complianceMatrix: (filters: URLSearchParams) =>
    json<MatrixPageView>(`/api/v1/compliance/matrix?${filters.toString()}`),
  // HR: employees and assignments
  employees: (query: { search?: string; cursor?: string | null; limit?: number }) => {
    const q = new URLSearchParams({ limit: String(query.limit ?? 20) });
    if (query.search) q.set('search', query.search);
    if (query.cursor) q.set('cursor', query.cursor);
    return json<UserPage>(`/api/v1/employees?${q.toString()}`);
  },
  employee: (id: string) => json<UserView>(`/api/v1/employees/${id}`),
  createEmployee: (body: { name: string; email: string; employeeId: string; nik?: string }) =>
    sendJson<UserView>('POST', '/api/v1/employees', body),
  deactivateEmployee: (id: string) => post<UserView>(`/api/v1/employees/${id}/deactivate`),
  reactivateEmployee: (id: string) => post<UserView>(`/api/v1/employees/${id}/reactivate`),
  resendInvitation: (id: string) => post<InvitationView>(`/api/v1/employees/${id}/invitation`),
  previewEmployeeImport: (file: File) =>
    json<ImportPreviewView>('/api/v1/employees/import?dryRun=true', {
      method: 'POST',
      body: formWith(file),
    }),
  importEmployees: (file: File) =>
    json<ImportResultView>('/api/v1/employees/import', { method: 'POST', body: formWith(file) }),
  employeeTraining: (id: string, cursor?: string | null) =>
    json<EmployeeTrainingView>(
      `/api/v1/employees/${id}/enrollments?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  employeeCertificates: (id: string, cursor?: string | null) =>
    json<CertificatePage>(
      `/api/v1/certificates?limit=20&userId=${id}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  hrCourses: (search: string) =>
    json<CourseSummaryPage>(`/api/v1/courses?limit=50&search=${encodeURIComponent(search)}`),
  previewAssignment: (courseId: string, userIds: string[]) =>
    sendJson<AssignmentPreviewView>('POST', `/api/v1/courses/${courseId}/assignments/preview`, {
      userIds,
    }),
  assign: (courseId: string, userIds: string[], dueAt: string | null) =>
    sendJson<AssignmentResultView>('POST', `/api/v1/courses/${courseId}/assignments`, {
      userIds,
      dueAt,
    }),
  previewAssignmentCsv: (courseId: string, file: File) =>
    json<AssignmentPreviewView>(`/api/v1/courses/${courseId}/assignments/import?dryRun=true`, {
      method: 'POST',
      body: formWith(file),
    }),
  assignByCsv: (courseId: string, file: File, dueAt: string | null) => {
    const form = new FormData();
    if (dueAt) form.append('dueAt', dueAt); // before the file, as the route reads fields in order
    form.append('file', file);
    return json<AssignmentResultView>(`/api/v1/courses/${courseId}/assignments/import`, {
      method: 'POST',
      body: form,
    });
  },
  extendDueDates: (courseId: string, userIds: string[], dueAt: string) =>
    sendJson<DueDateExtensionView>('POST', `/api/v1/courses/${courseId}/assignments/due-date`, {
      userIds,
      dueAt,
    }),
  /** The author's view of a quiz (settings and options). */
  authorQuiz: (quizId: string) => json<QuizView>(`/api/v1/quizzes/${quizId}`),
  /** `params` are the page's URL search params (attempts, cursor). */
  itemAnalysis: (quizId: string, params: URLSearchParams) =>
    json<ItemAnalysisPageView>(`/api/v1/quizzes/${quizId}/item-analysis?${params.toString()}`),
  courseReport: (courseId: string) => json<CourseReportView>(`/api/v1/reports/courses/${courseId}`),
  /** `params` are the reports page's URL search params (status, cursor). */
  courseRoster: (courseId: string, params: URLSearchParams) =>
    json<RosterItemPage>(`/api/v1/courses/${courseId}/roster?${params.toString()}`),
  /** HR certificates page: `filters` are its URL search params (course, status, dates, employee). */
  hrCertificates: (filters: URLSearchParams) =>
    json<CertificatePage>(`/api/v1/certificates?${filters.toString()}`),
  employeeSearch: (search: string) =>
    json<UserPage>(`/api/v1/employees?limit=20&search=${encodeURIComponent(search)}`),
  // HR reports: the organization's progress (one row per employee x course)
  organizationReport: (cursor?: string | null) =>
    json<OrganizationReportRowPage>(
      `/api/v1/reports/organization?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  // Admin: each list takes the page's URL search params (filters and cursor)
  organizations: (params: URLSearchParams) =>
    json<OrganizationPage>(`/api/v1/admin/organizations?${params.toString()}`),
  organization: (id: string) =>
    json<OrganizationView>(`/api/v1/admin/organizations/${encodeURIComponent(id)}`),
  createOrganization: (body: { code: string; name: string }) =>
    sendJson<OrganizationView>('POST', '/api/v1/admin/organizations', body),
  setOrganizationActive: (id: string, isActive: boolean) =>
    sendJson<OrganizationView>('PATCH', `/api/v1/admin/organizations/${id}`, { isActive }),
  adminUsers: (params: URLSearchParams) =>
    json<UserPage>(`/api/v1/admin/users?${params.toString()}`),
  createUser: (body: CreateUserDto) => sendJson<UserView>('POST', '/api/v1/admin/users', body),
  setUserActive: (id: string, isActive: boolean) =>
    sendJson<UserView>('PATCH', `/api/v1/admin/users/${id}`, { isActive }),
  resendUserInvitation: (id: string) =>
    post<InvitationView>(`/api/v1/admin/users/${id}/invitation`),
  adminCourses: (search: string) =>
    json<CourseSummaryPage>(`/api/v1/courses?limit=50&search=${encodeURIComponent(search)}`),
  courseStaff: (courseId: string) =>
    json<CourseStaffMemberView[]>(`/api/v1/courses/${courseId}/staff`),
  addCourseStaff: (courseId: string, email: string) =>
    sendJson<CourseStaffMemberView[]>('POST', `/api/v1/courses/${courseId}/staff`, { email }),
  removeCourseStaff: (courseId: string, userId: string) =>
    json<void>(`/api/v1/courses/${courseId}/staff/${userId}`, { method: 'DELETE' }),
  failedCertificates: (params: URLSearchParams) =>
    json<CertificatePage>(`/api/v1/admin/certificates/failed?${params.toString()}`),
  retryCertificate: (id: string) => post<CertificateView>(`/api/v1/admin/certificates/${id}/retry`),
  emailOutbox: (params: URLSearchParams) =>
    json<OutboxPageDoc>(`/api/v1/admin/email-outbox?${params.toString()}`),
  retryEmail: (id: string) => post<OutboxRowDoc>(`/api/v1/admin/email-outbox/${id}/retry`),
  emailSuppressions: (params: URLSearchParams) =>
    json<SuppressionPage>(`/api/v1/admin/email-suppressions?${params.toString()}`),
  removeEmailSuppression: (email: string) =>
    json<void>(`/api/v1/admin/email-suppressions/${encodeURIComponent(email)}`, {
      method: 'DELETE',
    }),
  auditLog: (params: URLSearchParams) =>
    json<AuditEntryPage>(`/api/v1/admin/audit-log?${params.toString()}`),
  /** Sets the cookie that lets this browser open /admin/queues (bull-board) for a while. */
  openQueueDashboardSession: () => post<void>('/api/v1/admin/queue-dashboard-session'),
  // Instructor: quiz settings and the grading queue
  updateQuiz: (quizId: string, changes: UpdateQuizDto) =>
    sendJson<QuizView>('PATCH', `/api/v1/quizzes/${quizId}`, changes),
  /** `params` are the grading page's URL search params (state, courseId, cursor). */
  gradingQueue: (params: URLSearchParams) =>
    json<GradingQueuePageView>(`/api/v1/grading/queue?${params.toString()}`),
  gradeAttempt: (attemptId: string, body: GradeAttemptDto) =>
    sendJson<AttemptView>('POST', `/api/v1/attempts/${attemptId}/grades`, body),
  // Instructor: a course's question bank
  bankCategories: (courseId: string) =>
    json<CategoryListView>(`/api/v1/courses/${courseId}/question-bank/categories`),
  createBankCategory: (courseId: string, name: string) =>
    sendJson<CategoryView>('POST', `/api/v1/courses/${courseId}/question-bank/categories`, {
      name,
    }),
  /** `filters` are the bank page's list params (categoryId, type, search, cursor, limit). */
  bankQuestions: (courseId: string, filters: URLSearchParams) =>
    json<QuestionPage>(`/api/v1/courses/${courseId}/question-bank/questions?${filters.toString()}`),
  bankQuestion: (id: string) => json<QuestionView>(`/api/v1/questions/${id}`),
  createBankQuestion: (courseId: string, body: QuestionInputDto) =>
    sendJson<QuestionView>('POST', `/api/v1/courses/${courseId}/question-bank/questions`, body),
  updateBankQuestion: (id: string, body: QuestionInputDto) =>
    sendJson<QuestionView>('PUT', `/api/v1/questions/${id}`, body),
  deleteBankQuestion: (id: string) => json<void>(`/api/v1/questions/${id}`, { method: 'DELETE' }),
  /** The question as a learner sees it in an attempt (no answer key). */
  bankQuestionPreview: (id: string) => json<QuestionPreviewView>(`/api/v1/questions/${id}/preview`),
  importBankQuestions: (courseId: string, format: string, text: string, dryRun: boolean) =>
    json<QuestionImportView>(
      `/api/v1/courses/${courseId}/question-bank/import?format=${format}&dryRun=${dryRun}`,
      { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text },
    ),
  // Instructor: a course's structure (modules and lessons of its draft version)
  structureCreateDraft: (courseId: string) =>
    post<CourseView>(`/api/v1/courses/${courseId}/versions`),
  structureSetSequential: (courseId: string, sequential: boolean) =>
    sendJson<CourseView>('PATCH', `/api/v1/courses/${courseId}`, { sequential }),
  addModule: (courseId: string, body: ModuleDto) =>
    sendJson<ModuleSummaryView>('POST', `/api/v1/courses/${courseId}/modules`, body),
  updateModule: (courseId: string, moduleId: string, body: ModuleDto) =>
    sendJson<ModuleSummaryView>('PATCH', `/api/v1/courses/${courseId}/modules/${moduleId}`, body),
  deleteModule: (courseId: string, moduleId: string) =>
    json<void>(`/api/v1/courses/${courseId}/modules/${moduleId}`, { method: 'DELETE' }),
  reorderModules: (courseId: string, ids: string[]) =>
    sendJson<void>('POST', `/api/v1/courses/${courseId}/modules/reorder`, { ids }),
  addLesson: (courseId: string, moduleId: string, body: CreateLessonDto) =>
    sendJson<LessonView>('POST', `/api/v1/courses/${courseId}/modules/${moduleId}/lessons`, body),
  updateLesson: (courseId: string, lessonId: string, body: UpdateLessonDto) =>
    sendJson<LessonView>('PATCH', `/api/v1/courses/${courseId}/lessons/${lessonId}`, body),
  deleteLesson: (courseId: string, lessonId: string) =>
    json<void>(`/api/v1/courses/${courseId}/lessons/${lessonId}`, { method: 'DELETE' }),
  moveLesson: (courseId: string, lessonId: string, body: MoveLessonDto) =>
    sendJson<LessonView>('POST', `/api/v1/courses/${courseId}/lessons/${lessonId}/move`, body),
  reorderLessons: (courseId: string, moduleId: string, ids: string[]) =>
    sendJson<void>('POST', `/api/v1/courses/${courseId}/modules/${moduleId}/lessons/reorder`, {
      ids,
    }),
  uploadLessonFile: (
    courseId: string,
    lessonId: string,
    file: File,
    onProgress: (progress: UploadProgress) => void,
    signal?: AbortSignal,
  ) =>
    uploadWithProgress<LessonView>(
      `/api/v1/courses/${courseId}/lessons/${lessonId}/file`,
      file,
      onProgress,
      signal,
    ),
  /** The learners' sanitised HTML for `markdown`, rendered by the server. */
  markdownPreview: (markdown: string, signal?: AbortSignal) =>
    json<MarkdownPreviewView>('/api/v1/markdown/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown }),
      signal,
    }),
};

/** Instructor area: courses the instructor staffs, their details, staff, versions, publishing. */
export const courseAuthoringApi = {
  staffedCourses: (cursor?: string | null) =>
    json<CourseSummaryPage>(
      `/api/v1/courses?staffed=true&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  createCourse: (body: CreateCourseDto) => sendJson<CourseView>('POST', '/api/v1/courses', body),
  updateCourse: (courseId: string, body: UpdateCourseDto) =>
    sendJson<CourseView>('PATCH', `/api/v1/courses/${courseId}`, body),
  versions: (courseId: string) => json<VersionView[]>(`/api/v1/courses/${courseId}/versions`),
  newDraft: (courseId: string) => post<CourseView>(`/api/v1/courses/${courseId}/versions`),
  publishPreview: (courseId: string) =>
    json<PublishPreviewView>(`/api/v1/courses/${courseId}/publish-preview`),
  pinnedLearners: (courseId: string, cursor?: string | null) =>
    json<PinnedLearnersPageView>(
      `/api/v1/courses/${courseId}/pinned-learners?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  publish: (courseId: string) => post<CourseView>(`/api/v1/courses/${courseId}/publish`),
  archive: (courseId: string) => post<CourseView>(`/api/v1/courses/${courseId}/archive`),
  staff: (courseId: string) => json<CourseStaffMemberView[]>(`/api/v1/courses/${courseId}/staff`),
  addStaff: (courseId: string, email: string) =>
    sendJson<CourseStaffMemberView[]>('POST', `/api/v1/courses/${courseId}/staff`, { email }),
  removeStaff: (courseId: string, userId: string) =>
    json<void>(`/api/v1/courses/${courseId}/staff/${userId}`, { method: 'DELETE' }),
};

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}
