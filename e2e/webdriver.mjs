// A small W3C WebDriver client over fetch: just what the end-to-end test uses
// (sessions, finding, clicking, typing, scripts), no dependencies.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class Driver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  static async start(base, application) {
    const res = await send(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    });
    return new Driver(base, res.sessionId);
  }

  cmd(method, path, body) {
    return send(this.base, method, `/session/${this.sessionId}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return el[ELEMENT];
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches an element (and `pred(text)` holds, if given). */
  async waitFor(css, pred = () => true, timeoutMs = 15000, what = css) {
    const end = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < end) {
      try {
        const id = await this.find(css);
        last = await this.text(id);
        if (pred(last)) return id;
      } catch {
        // not there yet
      }
      await sleep(100);
    }
    const page = await this.script("return location.href + ' ' + document.body.innerText.slice(0, 300)").catch((e) => String(e));
    throw new Error(`timed out waiting for ${what} (last text: ${JSON.stringify(last)}; page: ${page})`);
  }

  async text(id) {
    return this.cmd("GET", `/element/${id}/text`);
  }

  async click(css) {
    const id = await this.waitFor(css);
    await this.cmd("POST", `/element/${id}/click`, {});
  }

  /** Replaces a field's content with `value`, as typed keys (input events fire). */
  async type(css, value) {
    const id = await this.waitFor(css);
    await this.cmd("POST", `/element/${id}/click`, {});
    await this.script(
      `const el = document.querySelector(arguments[0]); el.select && el.select();`,
      [css],
    );
    await this.cmd("POST", `/element/${id}/value`, { text: "\uE003" });
    if (value) await this.cmd("POST", `/element/${id}/value`, { text: value });
  }

  /** Sends keys to a field as they are, e.g. "\uE00C" (Esc) or "\uE007" (Enter). */
  async press(css, keys) {
    const id = await this.waitFor(css);
    await this.cmd("POST", `/element/${id}/value`, { text: keys });
  }

  /** Picks an option of a <select> and fires its change event. */
  async select(css, value) {
    await this.waitFor(css);
    await this.script(
      `const el = document.querySelector(arguments[0]); el.value = arguments[1];
       el.dispatchEvent(new Event("change", { bubbles: true }));`,
      [css, value],
    );
  }

  async script(source, args = []) {
    return this.cmd("POST", "/execute/sync", { script: source, args });
  }

  async exists(css) {
    return (await this.findAll(css)).length > 0;
  }

}

async function send(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error} ${json.value?.message}`);
  return json.value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
