// Attaching files as evidence: each file is read in the page (FileReader → base64) and sent with
// evidence.add. Uploads are tracked here so the evidence panel shows them wherever they were started
// (file picker or a drop anywhere on the incident).
import { create } from 'zustand';
import { errorMessage, type Evidence, formatBytes, maxAttachmentBase64Chars } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';

export interface Upload {
  id: number;
  incidentId: string;
  name: string;
  size: number;
  stage: 'reading' | 'sending' | 'failed';
  /** 0–1 while reading. */
  readFraction?: number;
  error?: string;
}

interface UploadsState {
  uploads: Upload[];
  dismiss(id: number): void;
}

export const useUploads = create<UploadsState>((set, get) => ({
  uploads: [],
  dismiss: (id) => set({ uploads: get().uploads.filter((upload) => upload.id !== id) }),
}));

let nextId = 1;
const maxSendableBytes = Math.floor(maxAttachmentBase64Chars / 4) * 3;

function update(id: number, patch: Partial<Upload> | null): void {
  const uploads = useUploads.getState().uploads;
  useUploads.setState({ uploads: patch === null ? uploads.filter((upload) => upload.id !== id) : uploads.map((upload) => (upload.id === id ? { ...upload, ...patch } : upload)) });
}

export async function attachFiles(incidentId: string, files: Iterable<File>, onAttached?: (evidence: Evidence) => void): Promise<void> {
  await Promise.all([...files].map((file) => attachFile(incidentId, file, onAttached)));
}

async function attachFile(incidentId: string, file: File, onAttached?: (evidence: Evidence) => void): Promise<void> {
  const id = nextId++;
  useUploads.setState({ uploads: [...useUploads.getState().uploads, { id, incidentId, name: file.name, size: file.size, stage: 'reading', readFraction: 0 }] });
  if (file.size > maxSendableBytes) {
    update(id, { stage: 'failed', error: `${formatBytes(file.size)} is over the ${formatBytes(maxSendableBytes)} the console can send in one piece; attach it with \`holdfast evidence add\` instead.` });
    return;
  }
  try {
    const contentBase64 = await readAsBase64(file, (fraction) => update(id, { readFraction: fraction }));
    update(id, { stage: 'sending' });
    const evidence = await hostClient.call('evidence.add', { incidentId, name: file.name || 'attachment', contentBase64, ...(file.type && { mediaType: file.type }), source: 'file' });
    update(id, null);
    onAttached?.(evidence);
  } catch (error) {
    update(id, { stage: 'failed', error: errorMessage(error) });
  }
}

function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
