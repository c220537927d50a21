// After the browser has painted the page (a frame, then a task), as the
// dashboard does for its data: the bare window's start ends here.
requestAnimationFrame(() =>
  setTimeout(() => window.__TAURI_INTERNALS__.invoke("painted", { pageMs: performance.now() }), 0),
);
