// The terminal benchmark's client, injected into a Chromium page served by `holdfast serve` (after the bundled
// xterm.js): its own WebSocket to /api/ws (the launch cookie authenticates it), terminals opened and attached
// over the contract, every output frame written to a real xterm.js Terminal (made with the console's own
// options and Unicode version, handed over by terminalPage.ts), and the parsed bytes acknowledged from xterm's
// write callback, as a renderer does. React is not in this loop.
// Plain browser JavaScript on purpose: the bench runs under tsx, whose helpers do not exist in the page.
(() => {
  const outputFrameVersion = 1;
  /** @type {WebSocket} */
  let socket;
  let ackEveryBytes = 5000;
  /** The console's terminal settings (renderer/src/screens/terminal/terminalOptions.ts), set by connect(). */
  let terminalSetup;
  let nextRequestId = 1;
  const waiting = new Map();
  const terminals = new Map();
  /** Errors the host answered to requests nobody awaited (keystrokes sent without waiting). */
  const unexpectedErrors = [];

  function decodeOutputFrame(frame) {
    if (frame.length < 2 || frame[0] !== outputFrameVersion) return undefined;
    const idLength = frame[1];
    if (frame.length < 2 + idLength) return undefined;
    let terminalId = '';
    for (let i = 0; i < idLength; i++) terminalId += String.fromCharCode(frame[2 + i]);
    return { terminalId, data: frame.subarray(2 + idLength) };
  }

  function sendStream(message) {
    socket.send(JSON.stringify({ kind: 'stream', message }));
  }

  function request(method, params) {
    const id = nextRequestId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { method, resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Sends a request whose answer nobody waits for (a keystroke); a refusal is still recorded. */
  function fire(method, params) {
    request(method, params).catch((error) => unexpectedErrors.push(error.message));
  }

  function receive(event) {
    if (typeof event.data !== 'string') {
      const frame = decodeOutputFrame(new Uint8Array(event.data));
      if (frame) terminals.get(frame.terminalId)?.output(frame.data);
      return;
    }
    const message = JSON.parse(event.data);
    if (message.kind !== 'response') return;
    const pending = waiting.get(message.id);
    if (!pending) {
      if (!message.ok) unexpectedErrors.push(message.error.message);
      return;
    }
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(`${pending.method}: ${message.error.message}`));
  }

  class BenchTerminal {
    constructor(id, cols, rows, visible) {
      this.id = id;
      this.receivedBytes = 0;
      this.parsedBytes = 0;
      this.unackedBytes = 0;
      this.frames = 0;
      this.lastParsedAt = performance.now();
      this.watchers = new Set();
      this.xterm = consoleTerminal(cols, rows);
      // A background tab: the console keeps the terminal but takes its element out of the page, and xterm.js
      // stops drawing (it sees the element leave the viewport) while it goes on parsing.
      if (!visible) this.xterm.element.parentElement.remove();
    }

    output(data) {
      this.frames++;
      this.receivedBytes += data.length;
      this.xterm.write(data, () => this.parsed(data.length));
    }

    parsed(bytes) {
      this.parsedBytes += bytes;
      this.unackedBytes += bytes;
      this.lastParsedAt = performance.now();
      if (this.unackedBytes >= ackEveryBytes) {
        sendStream({ type: 'ack', terminalId: this.id, bytes: this.unackedBytes });
        this.unackedBytes = 0;
      }
      for (const watcher of [...this.watchers]) watcher();
    }

    /** Resolves once `condition` holds, checked after every parsed chunk. */
    until(condition) {
      return new Promise((resolve) => {
        const check = () => {
          if (!condition()) return;
          this.watchers.delete(check);
          resolve();
        };
        this.watchers.add(check);
        check();
      });
    }

    /** Resolves when nothing has been parsed for `quietMs` and nothing received is left unparsed. */
    quiet(quietMs) {
      return new Promise((resolve) => {
        const tick = () => {
          const idle = performance.now() - this.lastParsedAt;
          if (idle >= quietMs && this.receivedBytes === this.parsedBytes) resolve();
          else setTimeout(tick, Math.max(10, quietMs - idle));
        };
        tick();
      });
    }
  }

  /** An xterm.js Terminal as the console makes one, shown in the page (so it renders as it parses). */
  function consoleTerminal(cols, rows) {
    const element = document.createElement('div');
    document.body.append(element);
    const xterm = new Terminal({ ...terminalSetup.options, cols, rows, fontSize: terminalSetup.fontSize });
    xterm.loadAddon(new Unicode11Addon.Unicode11Addon());
    xterm.unicode.activeVersion = terminalSetup.unicodeVersion;
    xterm.open(element);
    return xterm;
  }

  function within(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  function terminal(id) {
    const found = terminals.get(id);
    if (!found) throw new Error(`no bench terminal ${id}`);
    return found;
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  window.holdfastBench = {
    connect(options) {
      ackEveryBytes = options.ackEveryBytes;
      terminalSetup = options.terminal;
      return new Promise((resolve, reject) => {
        socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
        socket.binaryType = 'arraybuffer';
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error('the WebSocket to /api/ws failed'));
        socket.onmessage = receive;
      });
    },

    /** Opens a terminal (shown, or as in a background tab), attaches to it, and waits for its prompt to settle. */
    async open(cols, rows, settleMs, visible) {
      const info = await request('terminals.open', { cols, rows });
      if (info.state !== 'running') throw new Error(`the terminal did not start: ${info.problem}`);
      const bench = new BenchTerminal(info.id, cols, rows, visible);
      terminals.set(info.id, bench);
      sendStream({ type: 'attach', terminalId: info.id });
      await within(bench.until(() => bench.parsedBytes > 0), 15_000, 'the first prompt');
      await within(bench.quiet(settleMs), 15_000, 'the prompt settling');
      return info.id;
    },

    input(id, data) {
      return request('terminals.input', { terminalId: id, data });
    },

    /** Types `command` + Enter; ms from sending it until the parsed total since then reaches `bytes`. */
    async flood(id, command, bytes, timeoutMs) {
      const bench = terminal(id);
      const parsedBefore = bench.parsedBytes;
      const framesBefore = bench.frames;
      const sentAt = performance.now();
      fire('terminals.input', { terminalId: id, data: `${command}\r` });
      await within(bench.until(() => bench.parsedBytes - parsedBefore >= bytes), timeoutMs, 'the flood');
      return { ms: performance.now() - sentAt, frames: bench.frames - framesBefore };
    },

    /** Starts a command without waiting for it, then waits until `bytes` of its output are parsed. */
    async start(id, command, bytes) {
      const bench = terminal(id);
      const parsedBefore = bench.parsedBytes;
      fire('terminals.input', { terminalId: id, data: `${command}\r` });
      await within(bench.until(() => bench.parsedBytes - parsedBefore >= bytes), 15_000, 'the command starting');
    },

    /**
     * Types `count` single characters, one at most every `spacingMs`; per keystroke, ms from sending it until
     * the terminal's next parsed output (the echo). Also how many bytes `watchId` parsed meanwhile.
     */
    async type(id, character, count, spacingMs, watchId) {
      const bench = terminal(id);
      const watched = watchId ? terminal(watchId) : undefined;
      const watchedBefore = watched?.parsedBytes ?? 0;
      const startedAt = performance.now();
      const latencies = [];
      for (let i = 0; i < count; i++) {
        const parsedBefore = bench.parsedBytes;
        const sentAt = performance.now();
        fire('terminals.input', { terminalId: id, data: character });
        await within(bench.until(() => bench.parsedBytes > parsedBefore), 10_000, 'a keystroke echo');
        const latency = performance.now() - sentAt;
        latencies.push(latency);
        if (latency < spacingMs) await sleep(spacingMs - latency);
      }
      await bench.quiet(100);
      return { latencies, watchedBytes: (watched?.parsedBytes ?? 0) - watchedBefore, ms: performance.now() - startedAt };
    },

    /** Sends Ctrl+C; ms from sending it to the last output parsed before `quietMs` of silence. */
    async interrupt(id, quietMs) {
      const bench = terminal(id);
      const parsedBefore = bench.parsedBytes;
      const sentAt = performance.now();
      fire('terminals.input', { terminalId: id, data: '\x03' });
      await within(bench.quiet(quietMs), 30_000, 'the flood stopping');
      return { ms: Math.max(0, bench.lastParsedAt - sentAt), bytesAfter: bench.parsedBytes - parsedBefore };
    },

    quiet(id, quietMs) {
      return within(terminal(id).quiet(quietMs), 30_000, 'the terminal going quiet');
    },

    async close(id) {
      await request('terminals.close', { terminalId: id });
      terminals.get(id)?.xterm.dispose();
      terminals.delete(id);
    },

    errors() {
      return [...unexpectedErrors];
    },

    /**
     * xterm.js alone: `totalBytes` of `text` repeated, written from page memory in `chunkBytes` pieces with at
     * most `windowBytes` unparsed (as flow control allows the host), into a terminal made like the others.
     * No host, no socket; ms until the last byte is parsed.
     */
    async parseFromMemory(text, totalBytes, chunkBytes, windowBytes, cols, rows) {
      let repeated = text;
      while (repeated.length < chunkBytes) repeated += text;
      const chunk = new TextEncoder().encode(repeated).subarray(0, chunkBytes);
      const xterm = consoleTerminal(cols, rows);
      let written = 0;
      let parsed = 0;
      const startedAt = performance.now();
      await new Promise((resolve) => {
        const pump = () => {
          while (written - parsed < windowBytes && written < totalBytes) {
            const piece = chunk.subarray(0, Math.min(chunkBytes, totalBytes - written));
            written += piece.length;
            xterm.write(piece, () => {
              parsed += piece.length;
              if (parsed >= totalBytes) resolve();
              else pump();
            });
          }
        };
        pump();
      });
      const ms = performance.now() - startedAt;
      xterm.element?.parentElement?.remove();
      xterm.dispose();
      return { ms };
    },
  };
})();
