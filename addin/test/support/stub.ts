import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MailboxLike, RequirementsLike } from "../../src/shared/mailbox";

export const STUB_SOURCE = readFileSync(fileURLToPath(new URL("./office-stub.js", import.meta.url)), "utf8");

export interface StubConfig {
  start?: string;
  end?: string;
  required?: Array<{ emailAddress: string; displayName?: string }>;
  optional?: Array<{ emailAddress: string; displayName?: string }>;
  location?: string;
  enhancedLocations?: Array<{ displayName: string }>;
  bodyType?: "html" | "text";
  body?: string;
  timeZone?: string;
  email?: string;
  displayName?: string;
  mailboxVersion?: string;
  officeTheme?: { bodyBackgroundColor: string };
  customProperties?: Record<string, unknown>;
  failOn?: Record<string, string>;
  /** The NestedAppAuth set's version, or false for an Outlook without nested app authentication. */
  nestedAppAuth?: string | false;
  sessionData?: Record<string, string>;
}

export interface OfficeStub {
  state: {
    start: Date; end: Date; body: string; bodyType: string; location: string;
    required: Array<{ emailAddress: string; displayName?: string }>;
    custom: Record<string, unknown>;
    notifications: Record<string, { type: string; message: string }>;
    session: Record<string, string>;
  };
  calls: Array<{ name: string; args: unknown[] }>;
  associations: Record<string, (event: unknown) => unknown>;
  callsTo(name: string): Array<{ name: string; args: unknown[] }>;
  fire(type: string, args?: object): number;
  set(change: Record<string, unknown>): void;
}

/** Installs a fresh Office stub on globalThis (as the CDN script would) and returns its handles. */
export function installOfficeStub(config: StubConfig = {}): { stub: OfficeStub; mailbox: MailboxLike; requirements: RequirementsLike } {
  const g = globalThis as Record<string, unknown>;
  g.__officeStubConfig = config;
  new Function(STUB_SOURCE)();
  const office = g.Office as typeof Office;
  return {
    stub: g.__officeStub as OfficeStub,
    mailbox: office.context.mailbox as unknown as MailboxLike,
    requirements: office.context.requirements,
  };
}

export function removeOfficeStub(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.__officeStub;
  delete g.__officeStubConfig;
}
