// Zones the SDR can pick for the prospect, by the names people use. IANA ids: what the API takes as prospectTimeZone.

export interface ZoneChoice {
  id: string;
  label: string;
}

export const PROSPECT_ZONES: readonly ZoneChoice[] = [
  { id: "America/New_York", label: "Eastern Time (New York)" },
  { id: "America/Chicago", label: "Central Time (Chicago)" },
  { id: "America/Denver", label: "Mountain Time (Denver)" },
  { id: "America/Phoenix", label: "Arizona (Phoenix)" },
  { id: "America/Los_Angeles", label: "Pacific Time (Los Angeles)" },
  { id: "America/Anchorage", label: "Alaska (Anchorage)" },
  { id: "Pacific/Honolulu", label: "Hawaii (Honolulu)" },
  { id: "America/Halifax", label: "Atlantic Time (Halifax)" },
  { id: "America/St_Johns", label: "Newfoundland (St. John's)" },
  { id: "America/Toronto", label: "Eastern Time (Toronto)" },
  { id: "America/Vancouver", label: "Pacific Time (Vancouver)" },
  { id: "America/Mexico_City", label: "Mexico City" },
  { id: "America/Sao_Paulo", label: "Brasília (São Paulo)" },
  { id: "Europe/London", label: "UK (London)" },
  { id: "Europe/Berlin", label: "Central Europe (Berlin, Paris)" },
  { id: "Europe/Helsinki", label: "Eastern Europe (Helsinki)" },
  { id: "Asia/Kolkata", label: "India (Kolkata)" },
  { id: "Asia/Singapore", label: "Singapore" },
  { id: "Asia/Tokyo", label: "Japan (Tokyo)" },
  { id: "Australia/Sydney", label: "Australia East (Sydney)" },
  { id: "Etc/UTC", label: "UTC" },
];

/** Windows zone ids as Outlook's userProfile.timeZone reports them, with the IANA zone each maps to. */
export const ORGANIZER_ZONES: ReadonlyArray<{ windowsId: string; iana: string; label: string }> = [
  { windowsId: "Eastern Standard Time", iana: "America/New_York", label: "Eastern Time (New York)" },
  { windowsId: "Central Standard Time", iana: "America/Chicago", label: "Central Time (Chicago)" },
  { windowsId: "Mountain Standard Time", iana: "America/Denver", label: "Mountain Time (Denver)" },
  { windowsId: "US Mountain Standard Time", iana: "America/Phoenix", label: "Arizona (Phoenix)" },
  { windowsId: "Pacific Standard Time", iana: "America/Los_Angeles", label: "Pacific Time (Los Angeles)" },
  { windowsId: "GMT Standard Time", iana: "Europe/London", label: "UK (London)" },
  { windowsId: "W. Europe Standard Time", iana: "Europe/Berlin", label: "Central Europe (Berlin)" },
  { windowsId: "India Standard Time", iana: "Asia/Kolkata", label: "India (Kolkata)" },
  { windowsId: "UTC", iana: "Etc/UTC", label: "UTC" },
];

export function prospectZoneLabel(id: string): string {
  return PROSPECT_ZONES.find((z) => z.id === id)?.label ?? id.replace(/_/g, " ");
}
