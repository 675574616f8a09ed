import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// manifest.xml against Microsoft's manifest XSDs (with event-based activation added from [MS-OWEMXML]; xsd/SOURCE.md).

const schema = fileURLToPath(new URL("./xsd/OfficeAppManifestV1_1.xsd", import.meta.url));
const manifest = readFileSync(fileURLToPath(new URL("../../../manifest.xml", import.meta.url)), "utf8");

function validate(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "manifest-xsd-")), "manifest.xml");
  writeFileSync(file, xml);
  try {
    return execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: "pipe" }).toString() || "validates";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

describe("manifest.xml against the manifest schemas", () => {
  it("validates", () => {
    expect(validate(manifest)).toMatch(/validates/);
  });

  it.each([
    ["a SendMode Outlook does not know", (x: string) => x.replace('SendMode="SoftBlock"', 'SendMode="Sometimes"'), /SendMode/],
    ["an unknown launch event", (x: string) => x.replace('Type="OnAppointmentSend"', 'Type="OnAppointmentSent"'), /Type/],
    ["elements out of order", (x: string) => x.replace(/(<Permissions>[^<]*<\/Permissions>)([\s\S]*?<\/Rule>)/, "$2$1"), /not expected/],
    ["Runtimes after DesktopFormFactor", (x: string) => x.replace(/(<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/, "$2$1"), /not expected/],
  ])("rejects %s", (_name, mutate, error) => {
    const broken = mutate(manifest);
    expect(broken).not.toBe(manifest);
    expect(validate(broken)).toMatch(error);
  });
});
