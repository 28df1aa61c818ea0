// Redaction before anything from a terminal is stored (timeline, evidence, search index, recordings): what
// is written there is hash-chained and exported, so a secret that slips in cannot be taken back.
// Two sources: secret values known by name (a runbook run's secrets, values the responder assigned in the
// terminal; replaced by their name), and the shapes credentials take in commands and their output. The
// shapes need a telling key or prefix (Authorization, AKIA, sk_live_, password=, scheme://user:pw@), so
// ordinary prose, hashes and `env` output stay readable.

/** Secret values by name: a record, or [name, value] pairs when one name may have held several values. */
export type SecretValues = Readonly<Record<string, string>> | ReadonlyArray<readonly [name: string, value: string]>;

export interface RedactionResult {
  text: string;
  /** How many replacements were made. */
  count: number;
}

/** Secret values shorter than this are not searched for: a one- or two-character "secret" would erase
 * every occurrence of that character in the output while protecting nothing. */
export const minSecretLength = 3;

const redacted = '[REDACTED]';

interface Shape {
  /** A cheap literal test: text without it cannot hold this shape, so the costly regex is skipped. A flood
   * of output is recorded through here; most of it holds no credential at all. */
  hint: RegExp;
  regex: RegExp;
  /** The match with the secret part replaced. */
  replace: (match: string, ...groups: string[]) => string;
}

/** Keeps what names the secret (key, header, user, host) and the value's quotes, and replaces the value,
 * unless a secret value already replaced it. */
function keepPrefix(match: string, prefix: string, value: string, suffix = ''): string {
  const quote = /^["']/.test(value) && value.endsWith(value[0]!) && value.length > 1 ? value[0]! : '';
  const inner = quote ? value.slice(1, -1) : value;
  return inner.startsWith('[REDACTED') ? match : `${prefix}${quote}${redacted}${quote}${suffix}`;
}

/**
 * Names whose value is a secret, by how they end: `password`, `PGPASSWORD`, `GITHUB_TOKEN`, `client-secret`,
 * `AWS_SECRET_ACCESS_KEY`, `api_key`, `DD_APP_KEY`, `BASIC_AUTH`, `AZURE_CREDENTIALS`, `TOKEN_2`. A name that
 * only points at a secret or counts something (`TOKEN_FILE`, `SECRET_NAME`, `max_tokens`, `AUTHOR`) does not.
 */
const secretKey = String.raw`[A-Za-z0-9_.-]*(?:passw(?:or)?d|passphrase|secret(?:[_-]?access)?(?:[_-]?key)?(?:[_-]?(?:base|id))?|token|auth|credentials?|(?:api|private|app(?:lication)?|routing|integration)[_-]?key)(?:[_-]?\d+)?`;
const secretName = new RegExp(`^${secretKey}$`, 'i');

/** True for a variable or option name whose value is a secret (see secretKey). */
export function isSecretName(name: string): boolean {
  return secretName.test(name);
}

/** A value: quoted (to its closing quote) or bare (to whitespace, a quote or a separator). */
const value = String.raw`(?:"[^"\n]*"|'[^'\n]*'|[^\s"'&;,]+)`;

const shapes: Shape[] = [
  {
    // A whole private key, or from BEGIN to the end of the text when the END was cut off (truncation).
    hint: /PRIVATE KEY/,
    regex: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY\2-----|$(?![\s\S]))/g,
    replace: (_match, kind = '', block = '') => `-----BEGIN ${kind}PRIVATE KEY${block}-----\n${redacted}\n-----END ${kind}PRIVATE KEY${block}-----`,
  },
  {
    // `Authorization: Basic|Bearer|Token <value>` (curl -H, logged request headers); PagerDuty's is
    // `Token token=<value>`.
    hint: /authorization/i,
    regex: /\b(Authorization\s*[:=]\s*["']?(?:Basic|Bearer|Token)\s+(?:token=)?)([A-Za-z0-9\-._~+/]+=*)/gi,
    replace: keepPrefix,
  },
  {
    // A bare `Bearer <value>`: only token-like values, so "Bearer authentication" in prose is left alone.
    hint: /Bearer/,
    regex: /\b(Bearer\s+)([A-Za-z0-9\-._~+/]{20,}=*)/g,
    replace: keepPrefix,
  },
  {
    hint: /AKIA|ASIA/,
    regex: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
    replace: () => '[REDACTED:AWS_ACCESS_KEY_ID]',
  },
  {
    // ~/.aws/credentials lines, env assignments, JSON keys.
    hint: /aws_secret_access_key/i,
    regex: /\b(aws_secret_access_key["']?\s*[=:]\s*["']?)([A-Za-z0-9/+=]{20,})/gi,
    replace: keepPrefix,
  },
  {
    // Tokens whose prefix says what they are, each with the length its issuer gives it, so that a word
    // merely starting like one (npm_config_cache, pk_live_ publishable keys, a hex digest) stays:
    // GitHub, GitLab, Slack, JWTs, Stripe secret and restricted keys and webhook secrets, Google API keys,
    // npm, PyPI (a macaroon: always "AgE" next), SendGrid (SG.<22>.<43>), Twilio API keys (SK + 32 hex).
    hint: /gh[pousr]_|github_pat_|glpat-|xox[abposr]-|eyJ|k_(?:live|test)_|whsec_|AIza|npm_|pypi-|SG\.|SK[0-9a-fA-F]/,
    regex:
      /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/]{24,}={0,2}|AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])|npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])|pypi-AgE[A-Za-z0-9_-]{50,}|SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])|SK[0-9a-fA-F]{32}\b)/g,
    replace: () => redacted,
  },
  {
    // Webhook URLs are their own credential: anyone holding one can post to the channel. The host stays.
    hint: /hooks\.slack\.com|\/api\/webhooks\//,
    regex: /\b((?:hooks\.slack\.com\/(?:services|workflows|triggers)|discord(?:app)?\.com\/api\/webhooks\/\d+)\/)([A-Za-z0-9_+/-]{20,})/g,
    replace: keepPrefix,
  },
  {
    // Azure storage and Service Bus connection strings: `…;AccountKey=<value>==;…`, `SharedAccessKey=<value>=`.
    hint: /AccountKey|SharedAccessKey/i,
    regex: /\b((?:AccountKey|SharedAccessKey)\s*=\s*)([A-Za-z0-9+/]{20,}={0,2})/gi,
    replace: keepPrefix,
  },
  {
    // Signed URLs (Azure SAS, S3 and GCS pre-signed): the signature or session token grants access.
    hint: /sig=|signature=|security-token=/i,
    regex: /([?&](?:sig|X-Amz-Signature|X-Amz-Security-Token|X-Goog-Signature)=)([^&\s"'#]{16,})/gi,
    replace: keepPrefix,
  },
  {
    // scheme://user:password@host keeps the user and host, which help the reader; the user may be empty
    // (redis://:password@host). The password stops at "/", so host:port/path@x is not taken for one.
    hint: /:\/\//,
    regex: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/?#]+)(@)/gi,
    replace: keepPrefix,
  },
  {
    // password=…, DB_PASSWORD=…, --token=…, "secret": "…", at a line's start `password: …` (YAML,
    // headers), and a quoted header `-H "DD-API-KEY: …"`. Elsewhere a key with ":" in the middle of a line
    // is prose ("invalid token: expired").
    hint: /passw|secret|token|key|auth|credential/i,
    regex: new RegExp(String.raw`(\b${secretKey}["']?[ \t]*=[ \t]*|^[ \t-]*${secretKey}[ \t]*:[ \t]*|["']${secretKey}["'][ \t]*:[ \t]*|["']${secretKey}[ \t]*:[ \t]*)(${value})`, 'gim'),
    replace: keepPrefix,
  },
  {
    // --password hunter2, --token abc (a flag and its value as two words).
    hint: /--/,
    regex: new RegExp(String.raw`(--${secretKey}\s+)(${value})`, 'gi'),
    replace: keepPrefix,
  },
];

/**
 * Replaces every secret value with `[REDACTED:NAME]`, then every credential shape. Longer values go first,
 * so a secret that contains another is replaced whole; of two names with the same value, the first given.
 */
export function redact(text: string, secrets: SecretValues = {}): RedactionResult {
  let count = 0;
  let result = text;
  const values = secretEntries(secrets)
    .filter(([, secret]) => typeof secret === 'string' && secret.length >= minSecretLength)
    .sort(([, a], [, b]) => b.length - a.length);
  for (const [name, secret] of values) {
    const parts = result.split(secret);
    if (parts.length > 1) {
      count += parts.length - 1;
      result = parts.join(`[REDACTED:${secretLabel(name)}]`);
    }
  }
  for (const shape of shapes) {
    if (!shape.hint.test(result)) continue;
    result = result.replace(shape.regex, (match: string, ...rest: unknown[]) => {
      // After the groups come the match's offset and the whole input (no shape has named groups).
      const groups = rest.slice(0, -2).map((part) => (typeof part === 'string' ? part : ''));
      const replacement = shape.replace(match, ...groups);
      if (replacement !== match) count++;
      return replacement;
    });
  }
  return { text: result, count };
}

function secretEntries(secrets: SecretValues): ReadonlyArray<readonly [string, string]> {
  return isEntryList(secrets) ? secrets : Object.entries(secrets);
}

function isEntryList(secrets: SecretValues): secrets is ReadonlyArray<readonly [string, string]> {
  return Array.isArray(secrets);
}

/** Variable names are shown in the marker; keep them to a safe alphabet. */
function secretLabel(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || 'SECRET';
}
