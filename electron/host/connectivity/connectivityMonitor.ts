// Keeps a current online/offline verdict, re-probing on a timer and on demand, and announces changes.
import type { Connectivity } from '../../contract';
import { probeHub, probeInterfaces, type ProbeVerdict } from './probes';

export interface ConnectivityMonitorOptions {
  hubUrl: () => string;
  onChange: (connectivity: Connectivity) => void;
  intervalMs?: number;
  timeoutMs?: number;
  probe?: (hubUrl: string) => Promise<ProbeVerdict>;
  now?: () => Date;
}

export class ConnectivityMonitor {
  private latest: Connectivity;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<Connectivity> | undefined;
  private readonly probe: (hubUrl: string) => Promise<ProbeVerdict>;
  private readonly now: () => Date;

  constructor(private readonly options: ConnectivityMonitorOptions) {
    const timeoutMs = options.timeoutMs ?? 3000;
    this.probe = options.probe ?? ((hubUrl) => (hubUrl ? probeHub(hubUrl, timeoutMs) : Promise.resolve(probeInterfaces())));
    this.now = options.now ?? (() => new Date());
    this.latest = { state: 'unknown', reason: 'Not checked yet', checkedAt: this.now().toISOString() };
  }

  start(): void {
    void this.recheck();
    this.timer = setInterval(() => void this.recheck(), this.options.intervalMs ?? 15_000);
    this.timer.unref();
  }

  current(): Connectivity {
    return this.latest;
  }

  /** Probes now; concurrent callers share one probe. */
  recheck(): Promise<Connectivity> {
    this.inFlight ??= this.probe(this.options.hubUrl())
      .then((verdict) => this.record(verdict))
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private record(verdict: ProbeVerdict): Connectivity {
    const changed = verdict.state !== this.latest.state || verdict.reason !== this.latest.reason;
    this.latest = { ...verdict, checkedAt: this.now().toISOString() };
    if (changed) this.options.onChange(this.latest);
    return this.latest;
  }
}
