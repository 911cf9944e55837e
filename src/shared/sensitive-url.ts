/**
 * Sensitive page detection for the content script: login, sign-up, OAuth,
 * password reset, checkout and payment pages are never measured, whatever
 * their site. Dependency-free on purpose (the content bundle must stay tiny);
 * the content script calls this on location.pathname/search/host and sends
 * nothing at all for a match. Only a yes/no leaves this function.
 */

/**
 * The word lists are built at the first check (the content script's first flush), not when the module is
 * evaluated: the content script's evaluation is on every page's load path (docs/privacy.md).
 */
let lists: { segments: Set<string>; params: Set<string>; hostLabels: Set<string> } | undefined;
const sensitiveLists = () => (lists ??= {
  /** Path segments that mark an authentication, account-security or payment page. */
  segments: new Set([
    'login', 'log-in', 'logon', 'signin', 'sign-in', 'sign_in', 'signup', 'sign-up', 'sign_up', 'register',
    'logout', 'signout', 'sign-out', 'auth', 'authorize', 'authorise', 'oauth', 'oauth2', 'openid', 'sso', 'saml',
    'callback', 'mfa', '2fa', 'otp', 'verify', 'password', 'reset-password', 'forgot-password', 'passwordreset',
    'account', 'accounts', 'myaccount', 'my-account', 'security', 'checkout', 'payment', 'payments', 'pay', 'billing',
    'cart', 'basket', 'order', 'orders', 'wallet', 'card', 'cards', 'bank', 'invoice', 'subscribe',
  ]),
  /** Query parameters that carry credentials or OAuth state: their presence alone marks the page sensitive. */
  params: new Set([
    'code', 'state', 'token', 'access_token', 'id_token', 'refresh_token', 'client_id', 'redirect_uri', 'response_type',
    'session', 'sessionid', 'sid', 'password', 'passwd', 'otp', 'ticket', 'saml', 'samlrequest', 'samlresponse',
  ]),
  /** Hosts whose leftmost label says the whole host is about auth or payment (login.example.com, pay.example.jp). */
  hostLabels: new Set(['login', 'auth', 'accounts', 'account', 'signin', 'sso', 'id', 'pay', 'payment', 'checkout', 'secure', 'idp', 'oauth']),
});

/**
 * True when the page must not be measured. `search` may include the leading
 * '?'; `hash` is checked too because implicit OAuth flows put tokens there.
 */
export function isSensitivePage(host: string, pathname: string, search = '', hash = ''): boolean {
  const { segments: sensitiveSegments, hostLabels } = sensitiveLists();
  const first = host.toLowerCase().split('.')[0];
  if (hostLabels.has(first)) return true;
  const segments = pathname.toLowerCase().split(/[/;]+/);
  for (const seg of segments) {
    if (seg === '') continue;
    const bare = seg.replace(/\.(html?|php|aspx?|jsp)$/, '');
    if (sensitiveSegments.has(bare)) return true;
  }
  return hasSensitiveParam(search) || hasSensitiveParam(hash);
}

function hasSensitiveParam(part: string): boolean {
  const text = part.replace(/^[?#]/, '');
  if (text === '') return false;
  for (const pair of text.split('&')) {
    const key = pair.split('=')[0].toLowerCase();
    if (sensitiveLists().params.has(key)) return true;
  }
  return false;
}
