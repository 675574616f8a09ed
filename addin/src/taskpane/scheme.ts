// Light or dark: Outlook's theme colours when Outlook gives them, else the system preference.

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
