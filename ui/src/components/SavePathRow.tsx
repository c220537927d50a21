// The row every "save a file" action shares: the path (typed or picked with
// the save dialog), the action's button, and "Mở thư mục" once written.

import type { ComponentChildren } from "preact";
import { api, toIpcError } from "../api";

interface Props {
  /** Prefix of the element ids: `<id>-path`, `<id>-run`, `<id>-open-folder`. */
  id: string;
  label: string;
  path: string;
  setPath: (path: string) => void;
  /** The file type the save dialog offers (an Excel workbook by default). */
  kind?: { name: string; extensions: string[] };
  onRun: () => void;
  busy?: boolean;
  /** The file written, to open its folder; null until then. */
  written?: string | null;
  onError: (message: string) => void;
  children: ComponentChildren;
}

export function SavePathRow(p: Props) {
  const choose = async () => {
    try {
      const picked = await api.pickSavePath(p.path, p.kind);
      if (picked) p.setPath(picked);
    } catch (e) {
      p.onError(toIpcError(e).message);
    }
  };
  const written = p.written;
  return (
    <div class="row">
      <input id={`${p.id}-path`} aria-label={p.label} value={p.path} onInput={(e) => p.setPath(e.currentTarget.value)} />
      <button onClick={choose}>Chọn nơi lưu…</button>
      <button class="primary" id={`${p.id}-run`} onClick={p.onRun} disabled={p.busy}>
        {p.children}
      </button>
      {written && (
        <button id={`${p.id}-open-folder`} onClick={() => api.revealPath(written).catch((e) => p.onError(toIpcError(e).message))}>
          Mở thư mục
        </button>
      )}
    </div>
  );
}
