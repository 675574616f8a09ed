// A tiny element builder: text always goes in as text, never as HTML.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * Replaces a section's content but keeps keyboard focus: an element marked data-focus-key that had focus gets it back
 * in the new content, so re-checks never throw a keyboard user back to the top.
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.closest<HTMLElement>("[data-focus-key]")?.dataset.focusKey : undefined;
  container.replaceChildren();
  append(container, children);
  if (key) container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}

const SVG = "http://www.w3.org/2000/svg";

/** Icons drawn on a 20×20 grid, Fluent-like. */
const ICONS: Record<string, string[]> = {
  ok: ["M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16z", "M6.5 10.2l2.4 2.4l4.6-5"],
  warning: ["M10 2.5l8 14.5H2z", "M10 8v4.2", "M10 14.6v.3"],
  blocked: ["M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16z", "M7 7l6 6", "M13 7l-6 6"],
  info: ["M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16z", "M10 9v5", "M10 6.2v.3"],
  person: ["M10 3a3 3 0 1 1 0 6a3 3 0 0 1 0-6z", "M4 17c0-3.3 2.7-5 6-5s6 1.7 6 5"],
  clock: ["M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16z", "M10 5.5V10l3 2"],
  empty: ["M4 5h12v11H4z", "M4 8h12", "M7 3v3", "M13 3v3", "M10 10.5v3", "M8.5 12h3"],
};

export function icon(name: keyof typeof ICONS | string, size = 20, label?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("class", `icon icon-${name}`);
  svg.setAttribute("fill", "none");
  svg.setAttribute("stroke", "currentColor");
  svg.setAttribute("stroke-width", "1.6");
  svg.setAttribute("stroke-linecap", "round");
  svg.setAttribute("stroke-linejoin", "round");
  if (label) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
  } else {
    svg.setAttribute("aria-hidden", "true");
  }
  for (const d of ICONS[name] ?? ICONS.info!) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}
