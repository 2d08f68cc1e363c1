import texts from 'virtual:basic-screen-texts';
import {
  basicScreenRetired,
  basicSignInStarted,
  earlyRefreshSession,
  type EarlySessionBody,
} from '../app/early-refresh';
import { looksLikeEmail } from '../app/email';
import { browserLanguage } from '../app/language';
import type { BasicScreenKey } from './texts';

/**
 * The basic first screen, for slow connections only (inlined into index.html by the build). On a
 * phone network the app's bundle takes seconds; when the early refresh answered slowly, this
 * ~3 KB script draws the first screen in plain
 * HTML meanwhile: the sign-in form (signed out) or the "My training" list with working links
 * (signed in). The app replaces it once loaded, adopting the session signed in to here; it waits
 * while the form is being filled in, so nothing typed is lost. On a fast connection the app
 * arrives first and this draws nothing.
 */

// How long after the navigation began the early refresh answered: the page and the refresh each
// cost a round trip, so on a slow phone network (400 ms RTT) it is well past this, on a local or
// broadband one far below. (Navigation Timing cannot tell: it leaves emulated latency out.)
const SLOW_ANSWER_MS = 700;
// Ahead of the app's queued downloads for one of the browser's six connections per host.
const URGENT = { priority: 'high' } as RequestInit;

const language = browserLanguage();
const text = (key: BasicScreenKey, values: Record<string, string | number> = {}) =>
  texts[language][key].replace(/\{\{(\w+)\}\}/g, (_: string, name: string) =>
    String(values[name] ?? ''),
  );

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const STYLE = `
.bs{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;line-height:1.55;
  max-width:30rem;margin:0 auto;padding:1.5rem 1rem}
.bs h1{font-size:1.6rem;margin:.25rem 0 .5rem}
.bs-brand{color:#1864ab;font-weight:700;margin:0}
.bs-card{border:1px solid #dee2e6;border-radius:.5rem;padding:1.25rem;background:#fff}
.bs label{display:block;font-weight:600;font-size:.9rem;margin:.75rem 0 .25rem}
.bs input{box-sizing:border-box;width:100%;min-height:2.75rem;padding:.5rem .75rem;font-size:1rem;
  border:1px solid #adb5bd;border-radius:.25rem}
.bs button{margin-top:1rem;width:100%;min-height:2.75rem;font-size:1rem;font-weight:600;color:#fff;
  background:#1864ab;border:0;border-radius:.25rem}
.bs button:disabled{background:#495057}
.bs a{color:#1864ab}
.bs-alert{background:#fff5f5;border:1px solid #c92a2a;color:#a61e1e;border-radius:.25rem;
  padding:.5rem .75rem;margin:.75rem 0 0}
.bs-note{color:#495057;font-size:.875rem;margin-top:1rem}
.bs ul{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.bs li{border:1px solid #dee2e6;border-radius:.5rem;padding:.75rem 1rem}
.bs li a{font-weight:600;font-size:1.05rem}
.bs li p{margin:.25rem 0 0;font-size:.9rem;color:#495057}
`;

function draw(content: HTMLElement): void {
  const root = document.getElementById('root');
  if (!root || basicScreenRetired()) return;
  if (!document.getElementById('bs-style')) {
    document.head.append(el('style', { id: 'bs-style', textContent: STYLE }));
  }
  root.replaceChildren(
    el(
      'main',
      { className: 'bs' },
      content,
      el('p', { className: 'bs-note' }, text('basicScreen.loading')),
    ),
  );
}

async function signIn(email: string, password: string): Promise<EarlySessionBody> {
  let res: Response;
  try {
    res = await fetch('/api/v1/auth/browser/login', {
      ...URGENT,
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new Error('NETWORK');
  }
  if (res.ok) return (await res.json()) as EarlySessionBody;
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  throw new Error(body.error ?? 'generic');
}

function drawSignIn(): void {
  const alert = el('p', { className: 'bs-alert', hidden: true });
  alert.setAttribute('role', 'alert');
  const email = el('input', {
    id: 'bs-email',
    type: 'email',
    autocomplete: 'username',
    required: true,
  });
  const password = el('input', {
    id: 'bs-password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = el('button', { type: 'submit' }, text('login.submit'));
  const form = el(
    'form',
    { noValidate: true },
    el('label', { htmlFor: 'bs-email' }, text('login.email')),
    email,
    el('label', { htmlFor: 'bs-password' }, text('login.password')),
    password,
    submit,
  );
  // From the first keystroke the app waits for this form's sign-in instead of replacing it.
  let settle: (session: EarlySessionBody) => void = () => undefined;
  form.addEventListener(
    'input',
    () => basicSignInStarted(new Promise((resolve) => (settle = resolve))),
    { once: true },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = email.value.trim();
    const fail = (code: string) => {
      const key = `errors.${code}` as BasicScreenKey;
      alert.textContent = text(key in texts[language] ? key : 'errors.generic');
      alert.hidden = false;
      submit.disabled = false;
      submit.textContent = text('login.submit');
    };
    if (!looksLikeEmail(address) || !password.value) return fail('VALIDATION_FAILED');
    submit.disabled = true;
    submit.textContent = text('login.submitting');
    signIn(address, password.value).then(
      (session) => {
        history.replaceState(null, '', '/');
        settle(session);
        void drawTraining(session);
      },
      (e: Error) => fail(e.message),
    );
  });
  history.replaceState(null, '', '/login');
  draw(
    el(
      'div',
      { className: 'bs-card' },
      el('p', { className: 'bs-brand' }, text('app.name')),
      el('h1', {}, text('login.title')),
      el('p', {}, text('login.intro')),
      alert,
      form,
      el('p', {}, el('a', { href: '/forgot-password' }, text('account.forgotLink'))),
    ),
  );
}

interface TrainingItem {
  courseId: string;
  titleId: string;
  titleEn: string;
  status: 'not_started' | 'in_progress' | 'completed' | 'overdue' | 'withdrawn';
  dueAt: string | null;
  percent: number;
}

async function drawTraining(session: EarlySessionBody): Promise<void> {
  const res = await fetch('/api/v1/me/courses?limit=100', {
    ...URGENT,
    headers: { Authorization: `Bearer ${session.accessToken}` },
  }).catch(() => null);
  if (!res?.ok) return;
  const { items } = (await res.json()) as { items: TrainingItem[] };
  const dateFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeZone: 'Asia/Jakarta',
  });
  const courses = items.filter((item) => item.status !== 'withdrawn');
  const title = el('h1', { id: 'bs-training' }, text('training.title'));
  const list = courses.length
    ? el(
        'ul',
        {},
        ...courses.map((item) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: `/courses/${item.courseId}` },
              language === 'en' ? item.titleEn || item.titleId : item.titleId || item.titleEn,
            ),
            el(
              'p',
              {},
              [
                text(`status.${item.status}` as BasicScreenKey),
                text('training.progressValue', { percent: item.percent }),
                item.dueAt
                  ? text('training.due', { date: dateFormat.format(new Date(item.dueAt)) })
                  : text('training.noDue'),
              ].join(' · '),
            ),
          ),
        ),
      )
    : el('p', {}, text('training.empty'));
  const section = el('section', {}, title, list);
  section.setAttribute('aria-labelledby', 'bs-training');
  draw(section);
}

async function start(): Promise<void> {
  const { pathname, search } = window.location;
  const next = new URLSearchParams(search).get('next');
  const opensMyTraining = pathname === '/' || (pathname === '/login' && (!next || next === '/'));
  if (!opensMyTraining) return;
  const session = await earlyRefreshSession();
  if (performance.now() < SLOW_ANSWER_MS || basicScreenRetired()) return;
  // #root comes before the stylesheet that holds the parser up; DOMContentLoaded would also wait
  // for the app's scripts.
  while (!document.getElementById('root') && document.readyState === 'loading') {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (session) await drawTraining(session);
  else drawSignIn();
}

void start();
