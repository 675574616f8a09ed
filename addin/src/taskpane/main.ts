import "@fluentui/web-components/button.js";
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/spinner.js";
import "@fluentui/web-components/textarea.js";
import "./taskpane.css";

import type { MailboxLike, RequirementsLike } from "../shared/mailbox";
import { ensureHandoffKey } from "../shared/handoff-record";
import { announcePane } from "../shared/pane-presence";
import { BatonPanel } from "./baton/baton-panel";
import { PaneController } from "./controller";
import { SimulatedMailbox } from "./simulated/sim-item";
import { mountSimulatorForm } from "./simulated/sim-form";
import { nextDemoSlot } from "./simulated/zoned";
import { followTheme } from "./theme";
import { createView } from "./view/view";

interface Host {
  mailbox: MailboxLike;
  requirements: RequirementsLike;
  officeTheme: (() => { bodyBackgroundColor?: string } | undefined) | null;
  simulated: SimulatedMailbox | null;
}

/** Outlook when Office.js is loaded inside Outlook with an item open; otherwise the simulated invite. */
async function detectHost(): Promise<Host> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.onReady) {
    // Outside Office, onReady resolves with no host; if the CDN script half-loaded, don't wait forever.
    await Promise.race([office.onReady(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    const mailbox = office.context?.mailbox as unknown as MailboxLike | undefined;
    if (mailbox?.item) {
      return { mailbox, requirements: office.context.requirements, officeTheme: () => office.context.officeTheme, simulated: null };
    }
  }
  const zone = "Eastern Standard Time";
  const slot = nextDemoSlot(new Date(), "America/New_York");
  const sim = new SimulatedMailbox({
    ...slot,
    required: [{ displayName: "Dana Ruiz", emailAddress: "rsm.west@example.com" }, { displayName: "Pat Morgan (Acme Metals)", emailAddress: "cfo@acme-metals.example" }],
    optional: [],
    location: "Acme Metals, Fresno, CA 93706",
    bodyHtml: "",
    timeZone: zone,
    email: "sdr@example.com",
    displayName: "Sam Rivera",
  });
  return { mailbox: sim, requirements: sim.requirements, officeTheme: null, simulated: sim };
}

async function boot(): Promise<void> {
  const host = await detectHost();
  followTheme(host.officeTheme, host.simulated ? null : host.mailbox, host.requirements);

  const app = document.getElementById("app")!;
  if (host.simulated) {
    app.classList.add("simulated");
    const panel = document.getElementById("simulator")!;
    panel.hidden = false;
    mountSimulatorForm(panel, host.simulated);
  }

  let controller: PaneController | undefined;
  const render = createView(document.getElementById("pane")!, {
    retry: () => void controller?.checkNow(),
    signIn: (token) => void controller?.signIn(token),
    useSuggestion: (s) => void controller?.useSuggestion(s),
    insertBrief: () => void controller?.insertBrief(),
    findMoreTimes: () => void controller?.findMoreTimes(),
    dismissNotice: () => controller?.dismissNotice(),
    undoReplace: () => void controller?.undoReplace(),
    setProspectZone: (zone) => void controller?.setProspectZone(zone),
  });

  const baton = new BatonPanel(document.getElementById("baton")!, {
    mailbox: host.mailbox,
    requirements: host.requirements,
    notesChanged: () => controller?.scheduleCheck(),
  });

  controller = new PaneController({
    mailbox: host.mailbox,
    requirements: host.requirements,
    notes: () => baton.notes(),
    handoffKey: () => ensureHandoffKey(host.mailbox),
    onChecked: (draft, result, api) => baton.checked(draft, result, api),
    apiBase: window.location.origin,
    storage: window.sessionStorage,
    simulated: !!host.simulated,
    render,
  });
  (window as unknown as { handoffPane?: PaneController }).handoffPane = controller; // for diagnostics in DevTools
  // One check per change: while the pane is open, the LaunchEvent change handlers leave checking to it.
  const leave = announcePane(host.mailbox, host.requirements);
  window.addEventListener("pagehide", leave, { once: true });
  await controller.start();
}

void boot();
