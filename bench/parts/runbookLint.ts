// Linting a runbook library: 2,000 generated runbooks (5–30 steps, multi-line commands, variables,
// triggers, contacts), half native YAML and half Markdown, in a temp folder. One process, same files:
//
//   yaml       findRunbookFiles + loadRunbookFile (read, binary check, parse with positions, runbookSchema,
//              duplicate orders) on the YAML half, against readFileSync + YAML.parse of the same files
//   markdown   the same on the Markdown half (the importer), against readFileSync + a markdown-it parse
//   all        the whole library, against both baselines together; target ratio ≤ 2
//
// Rounds alternate ours and the baseline, after one warm-up of each; figures are medians.
// Run alone: `node --import tsx bench/parts/runbookLint.ts`.
import MarkdownIt from 'markdown-it';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import type { Runbook } from '../../electron/contract';
import { findRunbookFiles, loadRunbookFile } from '../../electron/host/runbooks/runbookFile';
import { formatYamlRunbook } from '../../electron/host/runbooks/yamlRunbook';
import { figure, median, type BenchPart, type Figure } from '../benchTypes';

const part = 'runbook-lint';
const runbookCount = 2000;
const rounds = 5;
const targetRatio = 2;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const verbs = ['Check', 'Restart', 'Drain', 'Scale', 'Verify', 'Roll back', 'Page', 'Inspect', 'Fail over', 'Pause'];
const things = ['the primary database', 'the payment workers', 'the ingress controller', 'the job queue', 'the cache cluster', 'the DNS records', 'the feature flags'];
const commands = [
  'kubectl -n payments get pods -o wide\nkubectl -n payments describe deploy/payments-worker | tail -40',
  'psql "$DATABASE_URL" -c "SELECT now() - pg_last_xact_replay_timestamp() AS lag"',
  'curl -fsS https://status.example.test/api/v2/status.json \\\n  | jq -r \'.status.indicator\'',
  'for host in db-1 db-2 db-3; do\n  ssh "$host" df -h /var/lib/postgresql\ndone',
  'aws ecs update-service --cluster prod --service api --desired-count 12\naws ecs wait services-stable --cluster prod --services api',
];

function generate(index: number, next: () => number): Runbook {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const stepCount = 5 + Math.floor(next() * 26);
  return {
    id: `runbook-${index}`,
    title: `${pick(things)} degraded (${index})`,
    scenario: 'Customers see errors or timeouts; dashboards show the error rate above the SLO burn threshold for ten minutes.',
    severity: pick(['P1', 'P2', 'SEV2']),
    tags: ['generated', pick(['db', 'payments', 'network'])],
    triggers: [{ id: `ALERT-${index}`, severity: 'SEV2', threshold: 'error rate > 5% for 10 minutes' }],
    variables: [{ name: 'DATABASE_URL', secret: true }, { name: 'REGION', default: 'eu-west-1' }],
    steps: Array.from({ length: stepCount }, (_, step) => ({
      order: step + 1,
      description: `${pick(verbs)} ${pick(things)}`,
      command: `# step ${step + 1}\n${pick(commands)}\n`,
      expectedOutcome: 'The service reports healthy and the error rate falls below 1%.',
      ...(next() < 0.3 ? { requires: ['network' as const, 'kubectl' as const], offlineAlternative: 'Phone the platform on-call and read them the command.' } : {}),
      ...(next() < 0.2 ? { rollbackCommand: 'kubectl -n payments rollout undo deploy/payments-worker' } : {}),
    })),
    verification: [{ description: 'Health checks pass', command: 'curl -fsS https://app.example.test/health', expected: 'HTTP 200' }],
    exitCriteria: ['Error rate below 1% for 30 minutes'],
    contacts: [{ role: 'Platform on-call', slack: '#platform-oncall', phone: '+61 400 000 000' }],
  };
}

function toMarkdown(runbook: Runbook): string {
  const lines = ['---', `id: ${runbook.id}`, `title: ${runbook.title}`, `severity: ${runbook.severity}`, '---', '', `# ${runbook.title}`, '', runbook.scenario ?? '', ''];
  for (const step of runbook.steps) {
    lines.push(`## ${step.order}. ${step.description}`, '', '```bash', step.command!.trimEnd(), '```', '', `Expected: ${step.expectedOutcome}`, '');
  }
  return `${lines.join('\n')}\n`;
}

function timeMs(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export const runbookLintPart: BenchPart = {
  name: part,
  async run(): Promise<Figure[]> {
    const root = mkdtempSync(join(tmpdir(), 'holdfast-bench-runbooks-'));
    try {
      const next = random(42);
      const folders = { yaml: join(root, 'yaml'), markdown: join(root, 'markdown') };
      mkdirSync(folders.yaml);
      mkdirSync(folders.markdown);
      let bytes = 0;
      for (let index = 0; index < runbookCount; index++) {
        const runbook = generate(index, next);
        const markdown = index % 2 === 1;
        const text = markdown ? toMarkdown(runbook) : formatYamlRunbook(runbook, { schemaPath: '../resources/schemas/runbook.schema.json' });
        writeFileSync(join(markdown ? folders.markdown : folders.yaml, `${runbook.id}.${markdown ? 'md' : 'yaml'}`), text);
        bytes += Buffer.byteLength(text);
      }

      let problems = 0;
      const ours = (folder: string) => () => {
        for (const path of findRunbookFiles([folder])) {
          const loaded = loadRunbookFile(path);
          if (!loaded.runbook) problems += loaded.problems.length;
        }
      };
      const markdownIt = new MarkdownIt();
      const plain = (folder: string, parse: (text: string) => unknown) => () => {
        for (const name of readdirSync(folder)) parse(readFileSync(join(folder, name), 'utf8'));
      };
      const measured = {
        yaml: { ours: ours(folders.yaml), raw: plain(folders.yaml, (text) => YAML.parse(text)) },
        markdown: { ours: ours(folders.markdown), raw: plain(folders.markdown, (text) => markdownIt.parse(text, {})) },
      };
      const times = { yaml: { ours: [] as number[], raw: [] as number[] }, markdown: { ours: [] as number[], raw: [] as number[] } };
      for (let round = -1; round < rounds; round++) {
        for (const kind of ['yaml', 'markdown'] as const) {
          const ourTime = timeMs(measured[kind].ours);
          const rawTime = timeMs(measured[kind].raw);
          if (round >= 0) times[kind].ours.push(ourTime), times[kind].raw.push(rawTime);
        }
      }
      if (problems) throw new Error(`generated runbooks should be clean; the linter found ${problems / (rounds + 1)} problems per pass`);

      const half = runbookCount / 2;
      const all = { ours: times.yaml.ours.map((time, index) => time + times.markdown.ours[index]!), raw: times.yaml.raw.map((time, index) => time + times.markdown.raw[index]!) };
      const verdict = (ratio: number) => `target ratio ≤ ${targetRatio}: ${ratio <= targetRatio ? 'met' : 'MISSED'}`;
      const yamlRatio = median(times.yaml.ours) / median(times.yaml.raw);
      const markdownRatio = median(times.markdown.ours) / median(times.markdown.raw);
      const allRatio = median(all.ours) / median(all.raw);
      const size = `${(bytes / 1024 / 1024).toFixed(1)} MiB, 5–30 steps each`;
      return [
        figure(part, `lint ${half} YAML runbooks (find, read, parse with positions, validate)`, 'ms', median(times.yaml.ours), 'readFileSync + YAML.parse of the same files', median(times.yaml.raw), verdict(yamlRatio)),
        figure(part, `lint ${half} Markdown runbooks (find, read, import, validate)`, 'ms', median(times.markdown.ours), 'readFileSync + markdown-it parse of the same files', median(times.markdown.raw), `${verdict(markdownRatio)}; nearly all of it is importMarkdownRunbook (front matter, outline, steps, tables, shell text), which does much more than one markdown-it pass`),
        figure(part, `lint the whole ${runbookCount}-runbook library (${size})`, 'ms', median(all.ours), 'YAML.parse + markdown-it parse of the same files', median(all.raw), `${verdict(allRatio)} (the YAML half dominates the time; see the Markdown figure for that half); medians of ${rounds} alternating rounds after a warm-up`),
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runbookLintPart
    .run()
    .then((figures) => {
      for (const f of figures) console.log(`${f.name}\n  ${f.value.toFixed(1)} ${f.unit}  vs  ${f.baseline.toFixed(1)} ${f.unit} (${f.baselineName})  ratio ${f.ratio.toFixed(2)}×${f.notes ? `\n  ${f.notes}` : ''}`);
    })
    .catch((error) => {
      console.error(`bench ${part} failed: ${error instanceof Error ? error.stack : error}`);
      process.exit(1);
    });
}
