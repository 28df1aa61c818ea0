// Terminal settings: font size (also changed with Ctrl+= / Ctrl+- in a terminal) and how much of each
// command's output is kept as evidence.
import type { Settings } from '../../../../electron/contract';
import { NumberSetting } from './NumberSetting';

export function TerminalSettingsPanel({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<Settings> }) {
  return (
    <section className="panel" aria-labelledby="terminal-settings-heading">
      <h2 id="terminal-settings-heading">Terminal</h2>
      <NumberSetting settings={settings} name="terminalFontSize" label="Font size (px)" min={8} max={32} saveLabel="Save font size" save={save} />
      <NumberSetting
        settings={settings}
        name="commandOutputKiB"
        label="Output kept per command (KiB)"
        min={4}
        max={65_536}
        saveLabel="Save output limit"
        help="Beyond this, the start and the end of a command's output are kept and the cut is marked in the evidence."
        save={save}
      />
    </section>
  );
}
