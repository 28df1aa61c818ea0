// The runbook library shipped in runbooks/: every file is a valid Holdfast runbook, and the library keeps the
// rules of a runbook you can run at 3 a.m. (break-glass on production changes, requirements on network steps,
// declared and masked variables) and the facts of the playbooks it was written from (seed 000 triggers).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { knownTriggers, severitySchemes } from '../../electron/contract/incidents';
import { runbookSchema, type Runbook, type RunbookStep } from '../../electron/contract/runbooks';
import { loadRunbookFile } from '../../electron/host/runbooks/runbookFile';

const libraryDir = fileURLToPath(new URL('../../runbooks', import.meta.url));
const schemaComment = '# yaml-language-server: $schema=../resources/schemas/runbook.schema.json';

const expectedFiles = [
  // seed 000
  'inc-flag-outage.yaml',
  'inc-deny-spike.yaml',
  'inc-tracking-payment-pattern.yaml',
  // seed 001
  'database-outage.yaml',
  'payment-failure.yaml',
  // seed 002
  'sev0-funds-ledger.yaml',
  'sev1-blocking-operations.yaml',
  'duplicate-ledger-entries.yaml',
  'timer-not-visible.yaml',
  'admin-cannot-resolve-dispute.yaml',
  'deal-stuck-in-state.yaml',
  // seed 003
  'service-outage.yaml',
  'high-error-rate.yaml',
  'database-issues.yaml',
  'performance-issues.yaml',
];

interface Shipped {
  file: string;
  text: string;
  raw: unknown;
  runbook: Runbook;
}

/** Reads, parses and validates one file; throws with every YAML problem or schema issue in the message. */
function load(file: string): Shipped {
  const text = readFileSync(join(libraryDir, file), 'utf8');
  const document = parseDocument(text, { uniqueKeys: true });
  const problems = [...document.errors, ...document.warnings].map((problem) => problem.message);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  const raw: unknown = document.toJS();
  const parsed = runbookSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file} does not pass runbookSchema:\n${issues.join('\n')}`);
  }
  return { file, text, raw, runbook: parsed.data };
}

const files = readdirSync(libraryDir)
  .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
  .sort();

/** The command's lines without shell comments, so "# Deploy later" in a comment does not count. */
function commandLines(command: string | undefined): string[] {
  return (command ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** Commands that change production and so must sit behind a break-glass confirmation. */
const productionChange =
  /\bdeploy\b|\benv add\b|\bset env\b|\brollout (?:undo|restart)\b|\bdelete pod\b|FLUSHDB|flushdb|pg_terminate_backend|reset --hard|\bscale\b|\bpatch\b/;

function changesProduction(command: string | undefined): boolean {
  // `kubectl set env … --list` only prints the environment.
  return commandLines(command).some((line) => productionChange.test(line) && !/\bset env\b.*--list\b/.test(line));
}

const needsNetwork = /\b(?:curl|kubectl|psql|vercel)\b|\bgit push\b/;

/** Variables a shell provides on its own; runbooks may use them without declaring them. */
const standardEnv = new Set(['HOME', 'PATH', 'USER', 'PWD', 'SHELL', 'TMPDIR', 'LANG', 'HOSTNAME', 'EDITOR']);

function referencedVariables(command: string | undefined): string[] {
  const names = new Set<string>();
  for (const match of (command ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) names.add(match[1]!);
  return [...names];
}

function allCommands(runbook: Runbook): string[] {
  return [
    ...runbook.steps.flatMap((step) => [step.command, step.rollbackCommand]),
    ...(runbook.verification ?? []).map((check) => check.command),
  ].filter((command): command is string => Boolean(command));
}

const looksSecret = /TOKEN|SECRET|PASSWORD|KEY|WEBHOOK|DATABASE(?:_[A-Z]+)?_URL/;

const severityIds = new Set(severitySchemes.flatMap((scheme) => scheme.levels.map((level) => level.id)));

describe('shipped runbook library', () => {
  it('holds the runbooks written from the playbooks, and only runbook files and the README', () => {
    expect(files).toEqual([...expectedFiles].sort());
    const others = readdirSync(libraryDir).filter((name) => !files.includes(name));
    expect(others).toEqual(['README.md']);
  });

  it('has a README index that lists every runbook', () => {
    const readme = readFileSync(join(libraryDir, 'README.md'), 'utf8');
    for (const file of files) expect(readme, `README.md does not list ${file}`).toContain(file);
  });

  describe.each(files)('%s', (file) => {
    let loaded: Shipped | Error;
    try {
      loaded = load(file);
    } catch (error) {
      loaded = error as Error;
    }

    it('parses and passes runbookSchema', () => {
      if (loaded instanceof Error) throw loaded;
      expect(runbookSchema.safeParse(loaded.raw).success).toBe(true);
    });

    // The loader `holdfast runbook lint` and the console use: it also warns where YAML drops text, e.g.
    // `description: Post in #incident-response` (a comment after " #") loads as "Post in".
    it('has no problems for the linter or the console, and loses no text to a YAML comment', () => {
      const problems = loadRunbookFile(join(libraryDir, file)).problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`);
      expect(problems).toEqual([]);
    });

    // The remaining checks need a valid runbook; a broken file fails the test above and skips these.
    if (loaded instanceof Error) return;
    const shipped = loaded;
    const { runbook } = shipped;
    const steps = runbook.steps;

    it('starts with the schema comment', () => {
      expect(shipped.text.split(/\r?\n/, 1)[0]).toBe(schemaComment);
    });

    it('has an id equal to its file name', () => {
      expect(runbook.id).toBe(basename(file).replace(/\.ya?ml$/, ''));
      expect(runbook.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    });

    it('numbers its steps uniquely, in order', () => {
      const orders = steps.map((step) => step.order);
      expect(new Set(orders).size).toBe(orders.length);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    });

    it('uses severities from the playbooks’ severity schemes', () => {
      expect(runbook.severity, 'runbook severity').toBeDefined();
      expect(severityIds.has(runbook.severity!), `unknown severity ${runbook.severity}`).toBe(true);
      for (const trigger of runbook.triggers ?? []) {
        if (trigger.severity) expect(severityIds.has(trigger.severity), `trigger ${trigger.id}: unknown severity ${trigger.severity}`).toBe(true);
      }
    });

    it('puts every production-changing command behind a confirmation', () => {
      const unguarded = steps.filter((step) => changesProduction(step.command) && !step.confirm).map((step) => step.order);
      expect(unguarded, 'steps that change production without confirm').toEqual([]);
      for (const step of steps.filter((candidate) => candidate.confirm)) {
        expect(step.confirm!.warning, `step ${step.order}: confirm needs a warning`).toBeTruthy();
      }
    });

    it('marks every step that reaches the network with its requirements', () => {
      const check = (step: RunbookStep) => {
        const command = commandLines(step.command).join('\n');
        if (!needsNetwork.test(command)) return;
        expect(step.requires, `step ${step.order} runs a network command without requires`).toBeDefined();
        expect(step.requires, `step ${step.order}`).toContain('network');
        if (/\bkubectl\b/.test(command)) expect(step.requires, `step ${step.order} runs kubectl`).toContain('kubectl');
        if (/\bvercel\b/.test(command)) expect(step.requires, `step ${step.order} runs the Vercel CLI`).toContain('cloud-cli');
        if (/\bpsql\b/.test(command) && !/\bkubectl exec\b/.test(command)) expect(step.requires, `step ${step.order} runs psql locally`).toContain('psql');
      };
      steps.forEach(check);
    });

    it('declares every variable its commands use, and uses every variable it declares', () => {
      const declared = new Set((runbook.variables ?? []).map((variable) => variable.name));
      const used = new Set(allCommands(runbook).flatMap(referencedVariables));
      const undeclared = [...used].filter((name) => !declared.has(name) && !standardEnv.has(name));
      expect(undeclared, 'variables used in commands but not declared').toEqual([]);
      const unused = [...declared].filter((name) => !used.has(name));
      expect(unused, 'variables declared but never used in a command').toEqual([]);
      expect(declared.size, 'duplicate variable names').toBe((runbook.variables ?? []).length);
    });

    it('marks tokens, keys, passwords and connection strings secret', () => {
      for (const variable of runbook.variables ?? []) {
        if (looksSecret.test(variable.name)) expect(variable.secret, `${variable.name} must be secret`).toBe(true);
      }
    });

    it('hard-codes no credentials', () => {
      for (const command of allCommands(runbook)) {
        expect(command).not.toMatch(/Bearer (?!\$)/);
        expect(command).not.toMatch(/\bsk_(?:live|test)_[A-Za-z0-9]/);
        expect(command).not.toMatch(/hooks\.slack\.com\/services\//);
        expect(command).not.toMatch(/postgres(?:ql)?:\/\/[^\s$]+:[^\s@$]+@/);
      }
    });

    it('gives kubectl commands the namespace variable, never a hard-coded namespace', () => {
      for (const command of allCommands(runbook)) {
        if (/\bkubectl\b/.test(command)) expect(command).not.toContain('web3-marketplace-prod');
      }
      const namespace = (runbook.variables ?? []).find((variable) => variable.name === 'NAMESPACE');
      if (namespace) expect(namespace.default).toBe('web3-marketplace-prod');
    });

    it('has escalation levels numbered 1, 2, 3, …', () => {
      const levels = (runbook.escalation ?? []).map((level) => level.level);
      expect(levels).toEqual(levels.map((_, index) => index + 1));
    });
  });
});

describe('seed 000 triggers (WP07 gate-critical failures)', () => {
  const byId = new Map<string, Runbook>();
  for (const file of files) {
    try {
      byId.set(file, load(file).runbook);
    } catch {
      // Reported by the per-file "parses and passes runbookSchema" test.
    }
  }

  const cases = [
    {
      file: 'inc-flag-outage.yaml',
      incident: 'INC-FLAG-OUTAGE',
      alert: 'ALERT-GATE-FLAG-DENY-SPIKE',
      severity: 'SEV-1',
      threshold: [/> 80%/, /5 minutes/, /marketplace_disabled/, /flag_unavailable/],
      exit: [/below 20% for 10 consecutive minutes/, /gate verification evidence/],
    },
    {
      file: 'inc-deny-spike.yaml',
      incident: 'INC-DENY-SPIKE',
      alert: 'ALERT-GATE-DENY-REASON-SPIKE',
      severity: 'SEV-2',
      threshold: [/> 40%/, /10 minutes/, /3x/, /60-minute baseline/],
      exit: [/below 25% for 15 minutes/, /No unresolved High\/Critical findings/],
    },
    {
      file: 'inc-tracking-payment-pattern.yaml',
      incident: 'INC-TRACKING-PAYMENT-PATTERN',
      alert: 'ALERT-TRACKING-PAYMENT-FAILURE',
      severity: 'SEV-2',
      threshold: [/5xx rate > 5% for 10 minutes/, /conflict\/validation failures > 15% for\s+10 minutes with user impact/],
      exit: [/for 15 minutes/, /no false-success state/],
    },
  ];

  it.each(cases)('$file carries $alert and $incident', ({ file, incident, alert, severity, threshold, exit }) => {
    const runbook = byId.get(file);
    expect(runbook, `${file} loads`).toBeDefined();
    if (!runbook) return;
    expect(runbook.severity).toBe(severity);
    const alertTrigger = runbook.triggers?.find((trigger) => trigger.id === alert);
    expect(alertTrigger, `trigger ${alert}`).toBeDefined();
    expect(alertTrigger!.severity).toBe(severity);
    for (const pattern of threshold) expect(alertTrigger!.threshold).toMatch(pattern);
    const incidentTrigger = runbook.triggers?.find((trigger) => trigger.id === incident);
    expect(incidentTrigger, `trigger ${incident}`).toBeDefined();
    expect(incidentTrigger!.severity).toBe(severity);
    const exitCriteria = (runbook.exitCriteria ?? []).join('\n');
    for (const pattern of exit) expect(exitCriteria).toMatch(pattern);
  });

  it.each(cases)('$file starts with the common response protocol', ({ file }) => {
    const runbook = byId.get(file);
    expect(runbook, `${file} loads`).toBeDefined();
    const text = (runbook?.steps ?? [])
      .slice(0, 4)
      .map((step) => `${step.description} ${step.expectedOutcome ?? ''}`)
      .join('\n');
    expect(text).toMatch(/incident_commander/);
    expect(text).toMatch(/within 5 minutes/);
    expect(text).toMatch(/`rejected`/);
    expect(text).toMatch(/evidence bundle entry/);
    expect(text).toMatch(/tenant, by endpoint class and by deny reason|tenant, endpoint class and failure type/);
  });

  it('matches the trigger ids the incident log offers when declaring an incident', () => {
    const triggers = [...byId.values()].flatMap((runbook) => (runbook.triggers ?? []).map((trigger) => ({ ...trigger, runbook: runbook.id })));
    for (const known of knownTriggers) {
      const forIncident = triggers.find((trigger) => trigger.id === known.id);
      const forAlert = triggers.find((trigger) => trigger.id === known.alertId);
      expect(forIncident?.severity, known.id).toBe(known.defaultSeverity);
      expect(forAlert?.severity, known.alertId).toBe(known.defaultSeverity);
      expect(forAlert?.runbook).toBe(forIncident?.runbook);
    }
  });
});

describe('seed 003 communication channel', () => {
  // The playbook's war room is Slack #incident-response; each Severity 1–3 runbook written from it says so.
  const seed003 = ['service-outage.yaml', 'high-error-rate.yaml', 'database-issues.yaml', 'performance-issues.yaml'];

  it.each(seed003)('%s names #incident-response wherever it sends the responder to Slack', (file) => {
    const { runbook } = load(file);
    const webhook = runbook.variables?.find((variable) => variable.name === 'SLACK_WEBHOOK_URL');
    expect(webhook?.description).toBe('Incoming webhook of the #incident-response Slack channel.');
    const announce = runbook.steps.find((step) => step.command?.includes('$SLACK_WEBHOOK_URL'));
    expect(announce?.description).toMatch(/^Announce the incident in the #incident-response Slack channel\b/);
    expect(announce?.expectedOutcome).toBe('Message posted in #incident-response.');
  });
});
