import type { AsyncCallback } from "./office-async";

// The narrow slice of Office.js the add-in uses, so that the real Outlook mailbox, the plain-browser simulation
// and the test stubs all satisfy one type-checked shape. Names and signatures follow Office.js.

export interface EmailAddressLike {
  emailAddress: string;
  displayName?: string;
}

export interface TimeProperty {
  getAsync(callback: AsyncCallback<Date>): void;
  setAsync(value: Date, callback: AsyncCallback<void>): void;
}

export interface RecipientsProperty {
  getAsync(callback: AsyncCallback<EmailAddressLike[]>): void;
  addAsync(recipients: EmailAddressLike[], callback: AsyncCallback<void>): void;
  /** Overwrites the whole list (Mailbox 1.1; Recipients has no removeAsync, so a removal is get, filter, set). */
  setAsync(recipients: EmailAddressLike[], callback: AsyncCallback<void>): void;
}

export interface LocationProperty {
  getAsync(callback: AsyncCallback<string>): void;
}

export interface EnhancedLocationProperty {
  getAsync(callback: AsyncCallback<Array<{ displayName: string }>>): void;
}

export interface BodyProperty {
  getTypeAsync(callback: AsyncCallback<string>): void;
  getAsync(coercionType: string, callback: AsyncCallback<string>): void;
  prependAsync(data: string, options: { coercionType: string }, callback: AsyncCallback<void>): void;
}

export interface CustomPropertiesLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: AsyncCallback<void>): void;
}

export interface NotificationMessagesLike {
  replaceAsync(key: string, message: { type: string; message: string; icon?: string; persistent?: boolean }, callback: AsyncCallback<void>): void;
  removeAsync(key: string, callback: AsyncCallback<void>): void;
}

/** item.sessionData (Mailbox 1.11): per item, shared by the add-in's task pane and its event handlers. */
export interface SessionDataLike {
  getAsync(name: string, callback: AsyncCallback<string>): void;
  setAsync(name: string, value: string, callback: AsyncCallback<void>): void;
  removeAsync(name: string, callback: AsyncCallback<void>): void;
}

export interface ComposeItemLike {
  start: TimeProperty;
  end: TimeProperty;
  requiredAttendees: RecipientsProperty;
  optionalAttendees: RecipientsProperty;
  location: LocationProperty;
  enhancedLocation?: EnhancedLocationProperty;
  body: BodyProperty;
  notificationMessages?: NotificationMessagesLike;
  sessionData?: SessionDataLike;
  loadCustomPropertiesAsync(callback: AsyncCallback<CustomPropertiesLike>): void;
  addHandlerAsync?(eventType: string, handler: (args: unknown) => void, callback: AsyncCallback<void>): void;
}

export interface UserProfileLike {
  timeZone: string;
  emailAddress: string;
  displayName: string;
}

export interface MailboxLike {
  item: ComposeItemLike | null | undefined;
  userProfile: UserProfileLike;
  diagnostics?: { hostName: string };
  addHandlerAsync?(eventType: string, handler: (args: unknown) => void, callback: AsyncCallback<void>): void;
}

export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Event type names as Office.EventType defines them (used when Office.js is not loaded: the simulation). */
export const EventTypes = {
  AppointmentTimeChanged: "olkAppointmentTimeChanged",
  RecipientsChanged: "olkRecipientsChanged",
  EnhancedLocationsChanged: "olkEnhancedLocationsChanged",
  OfficeThemeChanged: "officeThemeChanged",
} as const;

/** Office.EventType when Office.js is loaded, else the same names. */
export function eventType(name: keyof typeof EventTypes): string {
  const fromOffice = (globalThis as unknown as { Office?: { EventType?: Record<string, string> } }).Office?.EventType?.[name];
  return fromOffice ?? EventTypes[name];
}
