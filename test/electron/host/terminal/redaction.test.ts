// Redaction of terminal text before it is stored: the run's secret values and credential shapes go,
// ordinary text (prose, `env` output, URLs with ports, hashes) stays as it was. Every shape known by its
// prefix has a near miss beside it that must stay.
import { describe, expect, it } from 'vitest';
import { isSecretName, redact } from '../../../../electron/host/terminal/redaction';

const azureKey = 'uvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsGr7Cm==';
const sha256 = '84d8c4fa2815d2802827283e0ad84173581569969e58b081006f7e3dfc967a64';

describe('redact', () => {
  it('replaces secret values by their name, longest first, and counts each', () => {
    const result = redact('login hunter2 then hunter22 and hunter2', { SHORT: 'hunter2', LONG: 'hunter22', TINY: 'hu' });
    expect(result).toEqual({ text: 'login [REDACTED:SHORT] then [REDACTED:LONG] and [REDACTED:SHORT]', count: 3 });
  });

  it.each([
    ['curl -H "Authorization: Bearer abc.def-ghi" https://api', 'curl -H "Authorization: Bearer [REDACTED]" https://api'],
    ['authorization: Basic dXNlcjpwYXNz', 'authorization: Basic [REDACTED]'],
    ['Bearer abcdefghijklmnopqrstuvwxyz012345', 'Bearer [REDACTED]'],
    ['key AKIAIOSFODNN7EXAMPLE in use', 'key [REDACTED:AWS_ACCESS_KEY_ID] in use'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED]'],
    ['export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'export AWS_SECRET_ACCESS_KEY=[REDACTED]'],
    ['psql postgres://admin:s3cr3t@db.internal:5432/app', 'psql postgres://admin:[REDACTED]@db.internal:5432/app'],
    ['redis-cli -u redis://:pw@cache:6379', 'redis-cli -u redis://:[REDACTED]@cache:6379'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nqwerty\n-----END RSA PRIVATE KEY-----\nafter', '-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n-----END RSA PRIVATE KEY-----\nafter'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk (cut off)', '-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED]\n-----END OPENSSH PRIVATE KEY-----'],
    ['mysql --password=hunter2 -u root', 'mysql --password=[REDACTED] -u root'],
    ['export DB_PASSWORD="two words"; next', 'export DB_PASSWORD="[REDACTED]"; next'],
    ['password: hunter2', 'password: [REDACTED]'],
    ['  - api_key: abc123', '  - api_key: [REDACTED]'],
    ['{"token": "abc", "user": "me"}', '{"token": "[REDACTED]", "user": "me"}'],
    ['vault login --token s.abc123 now', 'vault login --token [REDACTED] now'],
    ['GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'GITHUB_TOKEN=[REDACTED]'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 used', 'token [REDACTED] used'],
  ])('redacts %j', (input, expected) => {
    const result = redact(input);
    expect(result.text).toBe(expected);
    expect(result.count).toBeGreaterThan(0);
  });

  it.each([
    'PWD=/home/me OLDPWD=/tmp SHELL=/bin/bash',
    'Error: invalid token: expired',
    'the password was reset by the on-call',
    'max_tokens=100 tokens=5',
    'Bearer authentication is configured',
    'open https://example.com:443/users/@me and http://host:8080/path@v2',
    'ls -la /etc; echo "done"; git log --oneline',
    'kubectl get secret db-credentials -n prod',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(redact(input)).toEqual({ text: input, count: 0 });
  });

  it('takes secret values as [name, value] pairs too, so one name can hold several values', () => {
    const result = redact('old s3cret-one, new s3cret-two', [
      ['DB_PASSWORD', 's3cret-one'],
      ['DB_PASSWORD', 's3cret-two'],
    ]);
    expect(result).toEqual({ text: 'old [REDACTED:DB_PASSWORD], new [REDACTED:DB_PASSWORD]', count: 2 });
  });

  it('does not redact twice what a secret value already replaced', () => {
    expect(redact('password=hunter2', { DB: 'hunter2' })).toEqual({ text: 'password=[REDACTED:DB]', count: 1 });
  });
});

describe('credentials known by their prefix', () => {
  it.each([
    ['Stripe secret key', 'echo sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'echo [REDACTED]'],
    ['Stripe restricted key', 'key=rk_live_z4FkQ1okTBGzvAmwufUxbvJD', 'key=[REDACTED]'],
    ['Stripe test key', 'stripe.api_key = "sk_test_CTbyvHNsG9eh6Yo4gfqrc5Xl"', 'stripe.api_key = "[REDACTED]"'],
    ['Stripe webhook secret', 'Ready! Your webhook signing secret is whsec_6PwZPf1Qh6yYTWmE4lBYOvfZ8UzDzV8f (^C to quit)', 'Ready! Your webhook signing secret is [REDACTED] (^C to quit)'],
    ['Slack webhook', 'curl -X POST https://hooks.slack.com/services/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 -d @msg.json', 'curl -X POST https://hooks.slack.com/services/[REDACTED] -d @msg.json'],
    ['Discord webhook', 'https://discord.com/api/webhooks/1234567890/ab-CDef_ghIJklMNopQRstuVWxyz0123', 'https://discord.com/api/webhooks/1234567890/[REDACTED]'],
    ['Google API key', 'maps?key=AIzaPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyV&q=x', 'maps?key=[REDACTED]&q=x'],
    ['npm token', '│ npm_gJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vUCs │ read-write │', '│ [REDACTED] │ read-write │'],
    ['PyPI token', 'twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmcjp1vRt-1fjORS_6ilI8ihN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwtDDb- dist/*', 'twine upload -u __token__ -p [REDACTED] dist/*'],
    ['SendGrid key', 'using 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 now', 'using [REDACTED] now'],
    ['Twilio API key', 'twilio api:core:keys:fetch --sid SKb7a767c76fb008f86bebb2737f6a6f0f', 'twilio api:core:keys:fetch --sid [REDACTED]'],
    ['Azure storage connection string', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${azureKey};EndpointSuffix=core.windows.net`, 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core.windows.net'],
    ['Azure Service Bus key', 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=AB1C2DeFGHIJ3KLmNOpQrst4uVWXYZaBCDefghijKlm=', 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=[REDACTED]'],
    ['Azure SAS URL', 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=zw%d1iaeOV4qBkdfQ1y3GQ%sMpSscDlkrCaqx9v%Jup%3D&se=2030', 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=[REDACTED]&se=2030'],
    ['S3 pre-signed URL', 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=[REDACTED]'],
    ['PagerDuty REST key', 'curl -H "Authorization: Token token=y_NbAkKc66ryYTWUXYEu" https://api.pagerduty.com/incidents', 'curl -H "Authorization: Token token=[REDACTED]" https://api.pagerduty.com/incidents'],
    ['PagerDuty routing key', '{"routing_key": "R0123456789abcdef0123456789abcdef", "event_action": "trigger"}', '{"routing_key": "[REDACTED]", "event_action": "trigger"}'],
    ['Datadog headers', 'curl -H "DD-API-KEY: 0123456789abcdef0123456789abcdef" -H "DD-APPLICATION-KEY: 0123456789abcdef0123456789abcdef01234567"', 'curl -H "DD-API-KEY: [REDACTED]" -H "DD-APPLICATION-KEY: [REDACTED]"'],
    ['Datadog app key variable', 'export DD_APP_KEY=0123456789abcdef0123456789abcdef01234567', 'export DD_APP_KEY=[REDACTED]'],
    ['secret key of any name', 'SECRET_KEY_BASE=9f8e7d6c5b4a3928 rails s', 'SECRET_KEY_BASE=[REDACTED] rails s'],
    ['basic auth variable', 'BASIC_AUTH=admin:hunter2 ./probe', 'BASIC_AUTH=[REDACTED] ./probe'],
    ['PKCS#8 private key', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END PRIVATE KEY-----'],
    ['EC private key', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----', '-----BEGIN EC PRIVATE KEY-----\n[REDACTED]\n-----END EC PRIVATE KEY-----'],
    ['encrypted private key', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkq\n-----END ENCRYPTED PRIVATE KEY-----', '-----BEGIN ENCRYPTED PRIVATE KEY-----\n[REDACTED]\n-----END ENCRYPTED PRIVATE KEY-----'],
    ['PGP private key block', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n[REDACTED]\n-----END PGP PRIVATE KEY BLOCK-----'],
  ])('redacts a %s', (_kind, input, expected) => {
    const result = redact(input);
    expect(result.text).toBe(expected);
    expect(result.count).toBeGreaterThan(0);
  });

  it.each([
    ['a sha256 digest', `sha256:${sha256}  evidence/sha256/84/${sha256}`],
    ['a git commit', 'commit 9d1c2ac4b6f1e0d3a2b5c7e8f9a0b1c2d3e4f5a6'],
    ['a Stripe publishable key (public by design)', 'pk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a word ending like a Stripe prefix', 'task_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a short Stripe-like word', 'sk_live_abc'],
    ['a short webhook secret', 'whsec_abc123'],
    ['the Slack webhook host alone', 'see https://hooks.slack.com/services/ for setup'],
    ['a Google-like key one character short', 'AIzaPtYgjmUhBel31iEl2hpChYgCfrL1spNxny'],
    ['npm configuration variables', 'npm_config_cache=/home/me/.npm npm_lifecycle_event=test'],
    ['an npm-like word one character short', 'npm_gJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vUC'],
    ['the pypi-server package', 'pip install pypi-server pypi-AgEshort'],
    ['a host name starting with SG.', 'ping SG.example.com'],
    ['SK and 31 hex digits', 'SKb7a767c76fb008f86bebb2737f6a6f0'],
    ['an Azure connection string without a key', 'SharedAccessKeyName=RootManageSharedAccessKey;AccountName=acct'],
    ['a short sig parameter', 'https://example.com/?sig=abc'],
    ['git log authors and names that point at secrets', 'Author: Jane Doe <jane@example.com>\nTOKEN_FILE=/var/run/secrets/token SECRET_NAME=db-creds'],
    ['a PagerDuty-style header without a value', 'Authorization: Token'],
  ])('leaves %s alone', (_kind, input) => {
    expect(redact(input)).toEqual({ text: input, count: 0 });
  });
});

describe('isSecretName', () => {
  it.each(['API_TOKEN', 'GITHUB_TOKEN', 'DB_PASSWORD', 'PGPASSWORD', 'MYSQL_PASSWD', 'client-secret', 'CLIENT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'SECRET_ID', 'api_key', 'STRIPE_API_KEY', 'SSH_PRIVATE_KEY', 'AZURE_CREDENTIALS', 'GOOGLE_CREDENTIAL', 'BASIC_AUTH', 'gh_auth', 'oauth', 'DD_APP_KEY', 'token', 'TOKEN_2', 'GPG_PASSPHRASE'])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['TOKEN_FILE', 'SECRET_NAME', 'max_tokens', 'AUTHOR', 'AUTH_PROVIDER', 'PWD', 'HOME', 'PASSWORD_PROMPT', 'KEY', 'SORT_KEY'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
