// Guided runs: a runbook walked inside an incident. Variables are given when the run starts or later, when
// a step that needs one comes (at 3 a.m. the pod's name is known at step 9, not before); values can be
// corrected while the run goes on. Secret values stay in memory, never on disk, the timeline or evidence.
// Each checklist item moves through pending → running →
// done | skipped (with a reason) | failed, and every move is a timeline event with who and when.
// Break-glass steps need the responder to type the target's name and a reason first.
import { HoldfastError, runItemKeySchema, substituteVariables, usesVariable, type RunbookRun, type RunItemState } from '../../contract';
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
    refuseUnknownVariables(runbook, values);
    // Left empty without a default: not set yet. A step that needs it says so and cannot run until it is.
    const resolved: Record<string, string> = {};
    for (const variable of declared) {
      const value = values[variable.name] || variable.default || '';
      if (value) resolved[variable.name] = value;
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
    this.secretValues.set(run.id, Object.fromEntries(secretNames.filter((name) => resolved[name]).map((name) => [name, resolved[name]!])));
    return run;
  }

  /** Sets or corrects variables of a run under way; each change is on the timeline (secrets by name only). */
  setVariables(runId: string, values: Record<string, string>): RunbookRun {
    const run = this.requireRun(runId);
    refuseUnknownVariables(run.runbook, values);
    const empty = Object.keys(values).filter((name) => values[name] === '');
    if (empty.length) throw new HoldfastError('invalid_params', `Give ${empty.join(', ')} a value.`, empty.map((name) => ({ path: `params.variables.${name}`, message: 'needs a value' })));
    const secretNames = new Set((run.runbook.variables ?? []).filter((variable) => variable.secret).map((variable) => variable.name));
    const visible = Object.fromEntries(Object.entries(values).filter(([name]) => !secretNames.has(name)));
    const secrets = Object.fromEntries(Object.entries(values).filter(([name]) => secretNames.has(name)));
    const changed = Object.fromEntries(Object.entries(visible).filter(([name, value]) => run.variables[name] !== value));
    const updated = this.incidents.record(run.incidentId, (incident, at, author) => {
      this.runs.setVariables(run.id, { ...run.variables, ...visible });
      const previous = Object.fromEntries(Object.keys(changed).filter((name) => name in run.variables).map((name) => [name, run.variables[name]!]));
      this.incidents.append(incident, 'runbook_variables', { runId: run.id, runbookId: run.runbookId, title: run.runbook.title, variables: changed, previous, secretVariables: Object.keys(secrets) }, at, author);
      return this.runs.find(run.id)!;
    });
    this.secretValues.set(run.id, { ...(this.secretValues.get(run.id) ?? {}), ...secrets });
    return updated;
  }

  runsFor(incidentRef: string): RunbookRun[] {
    return this.runs.runsFor(this.incidents.require(incidentRef).id);
  }

  setItem(runId: string, key: string, state: RunItemState, reason?: string, confirmation?: BreakGlassConfirmation): RunbookRun {
    const run = this.requireRun(runId);
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
    const run = this.requireRun(runId);
    const item = describeItem(run, key);
    const name = item.kind === 'step' ? `Step ${item.label}` : capitalised(item.label);
    if (!item.command) throw new HoldfastError('invalid_params', `${name} of ${run.runbook.title} has no command to run.`, [{ path: 'params.key', message: 'this item has no command' }]);
    const held = this.secretValues.get(run.id) ?? {};
    const unset = (run.runbook.variables ?? []).filter((variable) => !(variable.secret ? held[variable.name] : run.variables[variable.name]) && usesVariable(item.command!, variable.name));
    if (unset.length) {
      const names = unset.map((variable) => variable.name).join(', ');
      const lostSecret = unset.some((variable) => variable.secret) ? ' (secret values are held in memory only: a restarted console asks for them again)' : '';
      throw new HoldfastError('conflict', `${name} needs ${names}: set ${unset.length === 1 ? 'it' : 'them'} in the run's variables first${lostSecret}.`);
    }
    return { run, command: item.command, kind: item.kind };
  }

  private requireRun(runId: string): RunbookRun {
    const run = this.runs.find(runId);
    if (!run) throw new HoldfastError('not_found', `No runbook run ${runId}.`);
    return run;
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

function refuseUnknownVariables(runbook: RunbookRun['runbook'], values: Record<string, string>): void {
  const unknown = Object.keys(values).filter((name) => !(runbook.variables ?? []).some((variable) => variable.name === name));
  if (unknown.length) throw new HoldfastError('invalid_params', `${runbook.title} has no variable ${unknown.join(', ')}.`, unknown.map((name) => ({ path: `params.variables.${name}`, message: 'not a variable of this runbook' })));
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
