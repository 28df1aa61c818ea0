// The console's Content-Security-Policy, shared by both shells: only our own scripts, styles and sockets.
// No inline script, no eval, no remote origins; nothing may frame the console. Inline styles are allowed
// (and nothing else inline): the terminal's xterm.js writes its theme, cell metrics and scrollbar colours
// into <style> elements and style attributes it creates at run time, with no nonce support. Injected CSS
// could not send anything anywhere: images, fonts and connections stay limited to the console's origin.
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers ws:// on the same host and port (CSP level 3); the Electron shell uses IPC instead.
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every response that renders or feeds the console. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
