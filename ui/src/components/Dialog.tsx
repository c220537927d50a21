// A modal dialog: focus moves in on open, Esc closes, Enter in a single-line
// field submits, focus returns where it was on close.

import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface Props {
  title: string;
  onClose: () => void;
  onSubmit?: () => void;
  children: ComponentChildren;
  footer: ComponentChildren;
  wide?: boolean;
}

export function Dialog({ title, onClose, onSubmit, children, footer, wide }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first =
      ref.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      ref.current?.querySelector<HTMLElement>("input, select, textarea, button");
    first?.focus();
    return () => before?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "Enter" && onSubmit && (e.target as HTMLElement).tagName === "INPUT" && !e.isComposing) {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <div class="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class={wide ? "dialog wide" : "dialog"}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={ref}
        onKeyDown={onKeyDown}
      >
        <h2>{title}</h2>
        <div class="dialog-body">{children}</div>
        <div class="dialog-footer">{footer}</div>
      </div>
    </div>
  );
}

/** Asks once, in words, before a destructive action. */
export function Confirm(props: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      footer={
        <>
          <button class="danger" onClick={props.onConfirm} id="confirm-yes">
            {props.confirmLabel}
          </button>
          <button onClick={props.onCancel} data-autofocus>
            Hủy
          </button>
        </>
      }
    >
      <p>{props.message}</p>
    </Dialog>
  );
}
