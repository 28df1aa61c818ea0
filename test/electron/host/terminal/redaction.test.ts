// Redaction of terminal text before it is stored: the run's secret values and credential shapes go,
// ordinary text (prose, `env` output, URLs with ports) stays as it was.
import { describe, expect, it } from 'vitest';
import { redact } from '../../../../electron/host/terminal/redaction';

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

  it('does not redact twice what a secret value already replaced', () => {
    expect(redact('password=hunter2', { DB: 'hunter2' })).toEqual({ text: 'password=[REDACTED:DB]', count: 1 });
  });
});
