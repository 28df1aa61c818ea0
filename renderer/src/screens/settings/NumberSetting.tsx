// One numeric setting: a number field, a Save button and the host's verdict beside it (the host checks the
// range; its message names the field).
import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../../electron/contract';
import { errorMessage } from '../../../../electron/contract';

type NumericKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

export interface NumberSettingProps {
  settings: Settings;
  name: NumericKey;
  label: string;
  min: number;
  max: number;
  saveLabel: string;
  help?: string;
  save: (patch: Partial<Settings>) => Promise<Settings>;
}

export function NumberSetting({ settings, name, label, min, max, saveLabel, help, save }: NumberSettingProps) {
  const id = useId();
  const [value, setValue] = useState(String(settings[name]));
  const [status, setStatus] = useState('');
  useEffect(() => setValue(String(settings[name])), [settings, name]);

  const submit = async () => {
    try {
      await save({ [name]: Number(value) });
      setStatus('Saved');
    } catch (error) {
      setStatus(`Not saved: ${errorMessage(error)}`);
    }
  };

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="form-actions">
        <input id={id} className="text-input" type="number" min={min} max={max} value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="button" className="button" onClick={() => void submit()}>
          {saveLabel}
        </button>
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
      {help && <p className="field-help">{help}</p>}
    </>
  );
}
