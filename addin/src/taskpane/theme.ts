import { setTheme } from "@fluentui/web-components";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { MailboxLike, RequirementsLike } from "../shared/mailbox";
import { eventType } from "../shared/mailbox";

// Follows Outlook's theme when Outlook tells it (officeTheme colours; isDarkTheme is not supported in Outlook),
// else the system's prefers-color-scheme.

export type Scheme = "light" | "dark";

export function isDarkColor(hex: string): boolean | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return luminance < 0.4;
}

export function schemeFrom(officeTheme: { bodyBackgroundColor?: string } | undefined, prefersDark: boolean): Scheme {
  const dark = officeTheme?.bodyBackgroundColor ? isDarkColor(officeTheme.bodyBackgroundColor) : null;
  return (dark ?? prefersDark) ? "dark" : "light";
}

export function applyScheme(scheme: Scheme): void {
  setTheme(scheme === "dark" ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = scheme;
  document.documentElement.style.colorScheme = scheme;
}

export function followTheme(officeTheme: (() => { bodyBackgroundColor?: string } | undefined) | null, mailbox: MailboxLike | null, requirements: RequirementsLike | null): void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const update = () => applyScheme(schemeFrom(officeTheme?.() ?? undefined, media.matches));
  update();
  media.addEventListener("change", update);
  if (mailbox?.addHandlerAsync && requirements?.isSetSupported("Mailbox", "1.14")) {
    mailbox.addHandlerAsync(eventType("OfficeThemeChanged"), update, () => undefined);
  }
}
