// Entry point: fonts, styles, and the app inside an error boundary, so a bug
// shows a Vietnamese message instead of a blank window.
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "./styles.css";
import { render } from "preact";
import { App } from "./app";
import { ErrorBoundary } from "./components/ErrorBoundary";

// The start's steps in the page, read by the measurement (e2e/measure.mjs).
performance.mark("cchc:script");
const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(
    <ErrorBoundary>
      <App />
    </ErrorBoundary>,
    root,
  );
}
