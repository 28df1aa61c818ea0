// Guided runs: a runbook walked inside an incident. Variables are asked once per run (secret values stay in
// memory, never on disk, the timeline or evidence); each checklist item moves through pending → running →
// done | skipped (with a reason) | failed, and every move is a timeline event with who and when.
// Break-glass steps need the responder to type the target's name and a reason first.
import { HoldfastError, runItemKeySchema, substituteVariables, type RunbookRun, type RunItemState } from '../../contract';
import type { IncidentService } from '../incidents/incidentService';
import { newUlid } from '../store/identifiers';
import type { RunbookRunStore } from '../store/runbookRunStore';
import type { RunbookLibrary } from './runbookLibrary';

export interface BreakGlassConfirmation {
  typedTarget: string;
  reason: string;
}

export class RunbookRunService {
  /** Secret variable values by run: for the terminal hand-off and redaction; gone when the host stops. */
  private readonly secretValues = new Map<string, Record<string, string>>();

  constructor(
    private readonly incidents: IncidentService,
    private readonly runs: RunbookRunStore,
    private readonly library: RunbookLibrary,
  ) {}

  start(incidentRef: string, runbookId: string, values: Record<string, string>): RunbookRun {
    const runbook = this.library.require(runbookId);
    const declared = runbook.variables ?? [];
    const unknown = Object.keys(values).filter((name) => !declared.some((variable) => variable.name === name));
    if (unknown.length) throw new HoldfastError('invalid_params', `${runbook.title} has no variable ${unknown.join(', ')}.`, unknown.map((name) => ({ path: `params.variables.${name}`, message: 'not a variable of this runbook' })));
    const resolved = Object.fromEntries(declared.map((variable) => [variable.name, values[variable.name] ?? variable.default ?? '']));
    const missing = declared.filter((variable) => resolved[variable.name] === '');
    if (missing.length) {
      throw new HoldfastError('invalid_params', `Fill in ${missing.map((variable) => variable.name).join(', ')} to start ${runbook.title}.`, missing.map((variable) => ({ path: `params.variables.${variable.name}`, message: 'needs a value' })));
    }
    const secretNames = declared.filter((variable) => variable.secret).map((variable) => variable.name);
    const visible = Object.fromEntries(Object.entries(resolved).filter(([name]) => !secretNames.includes(name)));

    const run = this.incidents.record(incidentRef, (incident, at, author) => {
      const created: RunbookRun = { id: newUlid(), incidentId: incident.id, runbookId, runbook, variables: visible, startedAt: at, startedBy: author, items: {} };
      this.runs.insertRun(created);
      if (!incident.runbooks.includes(runbookId)) this.incidents.store.updateIncident({ ...incident, runbooks: [...incident.runbooks, runbookId], updatedAt: at });
      this.incidents.append(incident, 'runbook_started', { runId: created.id, runbookId, title: runbook.title, variables: visible, secretVariables: secretNames }, at, author);
      return created;
    });
    this.secretValues.set(run.id, Object.fromEntries(secretNames.map((name) => [name, resolved[name]!])));
    return run;
  }

  runsFor(incidentRef: string): RunbookRun[] {
    return this.runs.runsFor(this.incidents.require(incidentRef).id);
  }

  setItem(runId: string, key: string, state: RunItemState, reason?: string, confirmation?: BreakGlassConfirmation): RunbookRun {
    const run = this.runs.find(runId);
    if (!run) throw new HoldfastError('not_found', `No runbook run ${runId}.`);
    runItemKeySchema.parse(key);
    const item = describeItem(run, key);
    if (state === 'skipped' && !reason?.trim()) throw new HoldfastError('invalid_params', 'Say why the step is skipped.', [{ path: 'params.reason', message: 'a reason is required to skip' }]);
    const guard = item.step?.confirm;
    // The confirmation is asked before the step runs; finishing a step that was confirmed does not ask again.
    const alreadyConfirmed = state === 'done' && run.items[key]?.state === 'running';
    if (guard && (state === 'running' || state === 'done') && !alreadyConfirmed) {
      if (confirmation?.typedTarget.trim() !== guard.target || !confirmation.reason.trim()) {
        throw new HoldfastError('conflict', `Step ${item.label} is break-glass: type "${guard.target}" and give a reason before running it.`, [{ path: 'params.confirmation', message: `type "${guard.target}" and a reason` }]);
      }
    }
    return this.incidents.record(run.incidentId, (incident, at, author) => {
      this.runs.setItem(run.id, key, { state, ...(reason ? { reason } : {}), at, by: author });
      this.incidents.append(
        incident,
        'runbook_step',
        {
          runId: run.id,
          runbookId: run.runbookId,
          runbookTitle: run.runbook.title,
          key,
          step: item.label,
          title: item.title,
          state,
          ...(reason ? { reason } : {}),
          ...(guard && confirmation ? { confirmation: { target: guard.target, reason: confirmation.reason } } : {}),
          ...(item.step?.command ? { command: this.displayCommand(run, item.step.command) } : {}),
        },
        at,
        author,
      );
      return this.runs.find(run.id)!;
    });
  }

  /** A step's or a verification check's command and its run, for handing to a terminal. */
  itemCommand(runId: string, key: string): { run: RunbookRun; command: string; kind: 'step' | 'verify' } {
    const run = this.runs.find(runId);
    if (!run) throw new HoldfastError('not_found', `No runbook run ${runId}.`);
    const item = describeItem(run, key);
    if (!item.command) throw new HoldfastError('invalid_params', `${item.kind === 'step' ? `Step ${item.label}` : capitalised(item.label)} of ${run.runbook.title} has no command to run.`, [{ path: 'params.key', message: 'this item has no command' }]);
    const missing = Object.keys(this.secretValues.get(run.id) ?? {}).length === 0 && (run.runbook.variables ?? []).some((variable) => variable.secret && new RegExp(`\\$\\{?${variable.name}\\b`).test(item.command!));
    if (missing) throw new HoldfastError('conflict', `The secret values of this run are not in this console's memory (it was restarted); start the runbook again or run the command by hand.`);
    return { run, command: item.command, kind: item.kind };
  }

  /** Secret values of a run, by variable name (for redaction); empty once the host restarted. */
  secretsFor(runId: string): Record<string, string> {
    return { ...(this.secretValues.get(runId) ?? {}) };
  }

  /** The command as recorded and shown: variables substituted, secrets masked. */
  displayCommand(run: RunbookRun, command: string): string {
    const secrets = this.secretValues.get(run.id) ?? {};
    return substituteVariables(command, { ...run.variables, ...secrets }, { secretNames: Object.keys(secrets), maskSecrets: true });
  }

  /** The command as it will run (secrets included): only for handing to the terminal. */
  runnableCommand(run: RunbookRun, command: string): string {
    return substituteVariables(command, { ...run.variables, ...(this.secretValues.get(run.id) ?? {}) });
  }
}

function describeItem(run: RunbookRun, key: string) {
  const [kind, number] = key.split(':') as ['step' | 'verify' | 'exit', string];
  const index = Number(number);
  if (kind === 'step') {
    const step = run.runbook.steps.find((candidate) => candidate.order === index);
    if (!step) throw new HoldfastError('not_found', `${run.runbook.title} has no step ${index}.`);
    return { kind, label: String(index), title: step.description, step, command: step.command };
  }
  if (kind === 'verify') {
    const check = (run.runbook.verification ?? [])[index - 1];
    if (!check) throw new HoldfastError('not_found', `${run.runbook.title} has no verification ${index}.`);
    return { kind, label: `verification ${index}`, title: check.description, step: undefined, command: check.command };
  }
  const criterion = (run.runbook.exitCriteria ?? [])[index - 1];
  if (criterion === undefined) throw new HoldfastError('not_found', `${run.runbook.title} has no exit criterion ${index}.`);
  return { kind, label: `exit criterion ${index}`, title: criterion, step: undefined, command: undefined };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
