import { setTheme } from "@fluentui/web-components";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { MailboxLike, RequirementsLike } from "../shared/mailbox";
import { eventType } from "../shared/mailbox";
import { schemeFrom, type Scheme } from "./scheme";

// Follows Outlook's theme when Outlook tells it (officeTheme colours; isDarkTheme is not supported in Outlook),
// else the system's prefers-color-scheme.

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
