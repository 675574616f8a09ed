// A stand-in for Office.js in Outlook's meeting compose form, for tests. Plain script: the browser tests serve it in
// place of the Office.js CDN file, the unit tests evaluate it in Node. It reads globalThis.__officeStubConfig and
// exposes globalThis.__officeStub: the item's state, a log of every call the add-in made, and fire() to raise events.
// It behaves like Outlook where the add-in depends on it: callbacks always run later, dates are UTC Date objects,
// setting the start keeps the duration, and failures come back as { status: "failed", error }.
(function () {
  "use strict";
  var cfg = Object.assign(
    {
      start: "2026-12-03T15:00:00.000Z",
      end: "2026-12-03T16:00:00.000Z",
      required: [],
      optional: [],
      location: "",
      enhancedLocations: null,
      bodyType: "html",
      body: "",
      timeZone: "Eastern Standard Time",
      email: "sdr@example.com",
      displayName: "Sam Rivera",
      mailboxVersion: "1.14",
      hostName: "OutlookWebApp",
      officeTheme: undefined,
      customProperties: {},
      failOn: {},
      nestedAppAuth: "1.1", // false: an Outlook without nested app authentication (classic before 2409, Mac before 16.89)
      sessionData: {},
    },
    globalThis.__officeStubConfig || {}
  );

  var state = {
    start: new Date(cfg.start),
    end: new Date(cfg.end),
    required: cfg.required.slice(),
    optional: cfg.optional.slice(),
    location: cfg.location,
    bodyType: cfg.bodyType,
    body: cfg.body,
    custom: Object.assign({}, cfg.customProperties),
    notifications: {},
    session: Object.assign({}, cfg.sessionData),
  };
  var calls = [];
  var handlers = {};
  var associations = {};

  function later(cb, result) {
    if (typeof cb === "function") setTimeout(function () { cb(result); }, 0);
  }
  function succeed(cb, value) {
    later(cb, { status: "succeeded", value: value });
  }
  function fail(cb, message) {
    later(cb, { status: "failed", value: undefined, error: { name: "GenericError", message: message, code: 9000 } });
  }
  function lastArg(args) {
    return args[args.length - 1];
  }
  function record(name, args) {
    calls.push({ name: name, args: args });
    return cfg.failOn[name];
  }

  function time(key) {
    return {
      getAsync: function () {
        var cb = lastArg(arguments);
        if (record(key + ".getAsync", [])) return fail(cb, cfg.failOn[key + ".getAsync"]);
        succeed(cb, new Date(state[key].getTime()));
      },
      setAsync: function (value) {
        var cb = lastArg(arguments);
        if (record(key + ".setAsync", [value instanceof Date ? value.toISOString() : value])) return fail(cb, cfg.failOn[key + ".setAsync"]);
        if (!(value instanceof Date)) return fail(cb, "Expected a Date.");
        if (key === "start") {
          var duration = state.end - state.start;
          state.start = new Date(value.getTime());
          state.end = new Date(value.getTime() + duration);
        } else {
          state.end = new Date(value.getTime());
        }
        succeed(cb, undefined);
      },
    };
  }

  function recipients(key) {
    return {
      getAsync: function () {
        var cb = lastArg(arguments);
        record(key + "Attendees.getAsync", []);
        succeed(cb, state[key].map(function (r) { return { emailAddress: r.emailAddress, displayName: r.displayName, recipientType: "other" }; }));
      },
      addAsync: function (list) {
        var cb = lastArg(arguments);
        record(key + "Attendees.addAsync", [list]);
        list.forEach(function (r) { state[key].push(typeof r === "string" ? { emailAddress: r, displayName: r } : r); });
        succeed(cb, undefined);
      },
      setAsync: function (list) {
        var cb = lastArg(arguments);
        record(key + "Attendees.setAsync", [list]);
        state[key] = list.map(function (r) { return typeof r === "string" ? { emailAddress: r, displayName: r } : { emailAddress: r.emailAddress, displayName: r.displayName }; });
        succeed(cb, undefined);
      },
    };
  }

  var customProperties = {
    get: function (name) { return state.custom[name]; },
    set: function (name, value) { record("customProperties.set", [name, value]); state.custom[name] = value; },
    remove: function (name) { record("customProperties.remove", [name]); delete state.custom[name]; },
    saveAsync: function () { record("customProperties.saveAsync", []); succeed(lastArg(arguments), undefined); },
  };

  var item = {
    itemType: "appointment",
    start: time("start"),
    end: time("end"),
    requiredAttendees: recipients("required"),
    optionalAttendees: recipients("optional"),
    location: {
      getAsync: function () { record("location.getAsync", []); succeed(lastArg(arguments), state.location); },
      setAsync: function (value) { state.location = value; succeed(lastArg(arguments), undefined); },
    },
    enhancedLocation: {
      getAsync: function () {
        record("enhancedLocation.getAsync", []);
        var places = cfg.enhancedLocations || (state.location ? [{ displayName: state.location }] : []);
        succeed(lastArg(arguments), places.map(function (p) { return { displayName: p.displayName, locationIdentifier: { id: p.displayName, type: "custom" } }; }));
      },
    },
    body: {
      getTypeAsync: function () { record("body.getTypeAsync", []); succeed(lastArg(arguments), state.bodyType); },
      getAsync: function (coercionType) { record("body.getAsync", [coercionType]); succeed(lastArg(arguments), state.body); },
      prependAsync: function (data, options) {
        var cb = lastArg(arguments);
        if (record("body.prependAsync", [data, options && options.coercionType])) return fail(cb, cfg.failOn["body.prependAsync"]);
        state.body = data + state.body;
        succeed(cb, undefined);
      },
    },
    notificationMessages: {
      replaceAsync: function (key, message) { record("notificationMessages.replaceAsync", [key, message]); state.notifications[key] = message; succeed(lastArg(arguments), undefined); },
      removeAsync: function (key) { record("notificationMessages.removeAsync", [key]); delete state.notifications[key]; succeed(lastArg(arguments), undefined); },
    },
    sessionData: {
      getAsync: function (name) {
        record("sessionData.getAsync", [name]);
        if (!(name in state.session)) return fail(lastArg(arguments), "The specified key was not found.");
        succeed(lastArg(arguments), state.session[name]);
      },
      setAsync: function (name, value) { record("sessionData.setAsync", [name, value]); state.session[name] = String(value); succeed(lastArg(arguments), undefined); },
      removeAsync: function (name) { record("sessionData.removeAsync", [name]); delete state.session[name]; succeed(lastArg(arguments), undefined); },
    },
    loadCustomPropertiesAsync: function () { record("loadCustomPropertiesAsync", []); succeed(lastArg(arguments), customProperties); },
    addHandlerAsync: function (type, handler) {
      record("item.addHandlerAsync", [type]);
      (handlers[type] = handlers[type] || []).push(handler);
      succeed(lastArg(arguments), undefined);
    },
  };

  function versionAtMost(v, max) {
    var a = String(v || "1.1").split(".").map(Number), b = String(max).split(".").map(Number);
    return a[0] < b[0] || (a[0] === b[0] && (a[1] || 0) <= (b[1] || 0));
  }

  var mailbox = {
    item: item,
    userProfile: { timeZone: cfg.timeZone, emailAddress: cfg.email, displayName: cfg.displayName, accountType: "enterprise" },
    diagnostics: { hostName: cfg.hostName, hostVersion: "16.0" },
    addHandlerAsync: function (type, handler) {
      record("mailbox.addHandlerAsync", [type]);
      (handlers[type] = handlers[type] || []).push(handler);
      succeed(lastArg(arguments), undefined);
    },
  };

  globalThis.Office = {
    onReady: function (cb) {
      var info = { host: "Outlook", platform: "OfficeOnline" };
      var p = new Promise(function (resolve) { setTimeout(function () { resolve(info); }, 0); });
      if (cb) p.then(cb);
      return p;
    },
    context: {
      mailbox: mailbox,
      requirements: {
        isSetSupported: function (name, version) {
          if (name === "NestedAppAuth") return !!cfg.nestedAppAuth && versionAtMost(version, cfg.nestedAppAuth);
          return name === "Mailbox" && versionAtMost(version, cfg.mailboxVersion);
        },
      },
      officeTheme: cfg.officeTheme,
      displayLanguage: "en-US",
      // The Office dialog API as a real browser window: displayDialogAsync opens the page, and the page's
      // messageParent reaches the opener's dialog (as Outlook relays it), later, like every Office callback.
      ui: {
        displayDialogAsync: function (url, options) {
          var cb = lastArg(arguments);
          record("ui.displayDialogAsync", [url, options]);
          var win = typeof window !== "undefined" && window.open ? window.open(url, "handoff-office-dialog", "popup,width=420,height=640") : null;
          if (!win) return later(cb, { status: "failed", value: undefined, error: { name: "Blocked", message: "The dialog was blocked.", code: 12009 } });
          var listeners = {};
          globalThis.__officeDialogMessage = function (message) {
            (listeners.dialogMessageReceived || []).forEach(function (h) { setTimeout(function () { h({ message: message, origin: "" }); }, 0); });
          };
          succeed(cb, {
            close: function () { record("dialog.close", []); try { win.close(); } catch (e) { /* already closed */ } },
            addEventHandler: function (type, handler) { (listeners[type] = listeners[type] || []).push(handler); },
          });
        },
        messageParent: function (message) {
          record("ui.messageParent", [message]);
          var opener = typeof window !== "undefined" ? window.opener : null;
          if (opener && opener.__officeDialogMessage) opener.__officeDialogMessage(message);
        },
      },
    },
    EventType: {
      AppointmentTimeChanged: "olkAppointmentTimeChanged",
      RecipientsChanged: "olkRecipientsChanged",
      EnhancedLocationsChanged: "olkEnhancedLocationsChanged",
      OfficeThemeChanged: "officeThemeChanged",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    HostType: { Outlook: "Outlook" },
    MailboxEnums: { ItemNotificationMessageType: { InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage" } },
    actions: { associate: function (name, fn) { associations[name] = fn; } },
  };

  globalThis.__officeStub = {
    state: state,
    calls: calls,
    associations: associations,
    callsTo: function (name) { return calls.filter(function (c) { return c.name === name; }); },
    /** Raises an Outlook event to every handler the add-in registered for it. */
    fire: function (type, args) {
      (handlers[type] || []).forEach(function (h) { h(Object.assign({ type: type }, args || {})); });
      return (handlers[type] || []).length;
    },
    /** Changes the invite as the user would in Outlook (no event: call fire() for that). */
    set: function (change) {
      if (change.start) state.start = new Date(change.start);
      if (change.end) state.end = new Date(change.end);
      if (change.required) state.required = change.required.slice();
      if (change.optional) state.optional = change.optional.slice();
      if (change.location !== undefined) state.location = change.location;
    },
  };
})();
