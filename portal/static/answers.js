/* The checklist pages, better with JavaScript: autosave while typing, conditional questions shown
   live, reference rows and entries added (and reference rows removed) in place, conflicts resolved
   without leaving the page.
   Without this file every page still works: the Save button posts the whole page. */
(function () {
  "use strict";

  var form = document.getElementById("answers-form");
  if (!form || !window.fetch) {
    return;
  }
  // From here on answers are saved as they are typed: the page says so (see .with-autosave).
  document.documentElement.classList.add("has-autosave");
  var DEBOUNCE_MS = 1500;
  var RETRY_FIRST_MS = 3000;
  var RETRY_MAX_MS = 60000;
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";
  var statusBox = form.querySelector("[data-status]");
  var locale = document.documentElement.lang || undefined;

  var dirty = new Map(); // field name -> edit number of its latest change
  var known = new Map(); // field name -> the value the server holds, as JSON (no request for an unchanged value)
  var problems = new Map(); // field name -> "error" | "conflict"
  var edits = 0;
  var timer = null;
  var inFlight = false;
  var retryDelay = 0;
  var submitting = false;
  var lastFailure = null;
  var signedOut = false;

  function message(key, values) {
    var text = form.dataset["msg" + key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function questionFor(element) {
    return element && element.closest ? element.closest("[data-name][data-question]") : null;
  }

  function question(name) {
    return form.querySelector('[data-name="' + CSS.escape(name) + '"][data-question]');
  }

  function revisionInput(q) {
    var inputs = q.querySelectorAll("input[data-revision]");
    return inputs[inputs.length - 1];
  }

  function inputs(q) {
    return q.querySelectorAll('[name="' + CSS.escape(q.dataset.name) + '"]');
  }

  function referenceRows(q) {
    var rows = [];
    q.querySelectorAll("tbody[data-references] tr[data-row]").forEach(function (row) {
      var reference = {};
      var filled = false;
      row.querySelectorAll("input[data-part]").forEach(function (input) {
        reference[input.dataset.part] = input.value;
        filled = filled || input.value.trim() !== "";
      });
      if (filled) {
        rows.push(reference);
      }
    });
    return rows;
  }

  /* The entries as drawn, empty rows kept (a problem names its row) up to the last filled one:
     an empty row added at the end changes nothing to save. */
  function entryRows(q) {
    var rows = Array.prototype.map.call(q.querySelectorAll("textarea[data-entry]"), function (area) {
      return area.value;
    });
    while (rows.length && rows[rows.length - 1].trim() === "") {
      rows.pop();
    }
    return rows;
  }

  function valueOf(q) {
    var type = q.dataset.type;
    var list = inputs(q);
    if (type === "single_choice" || type === "yes_no") {
      var chosen = Array.prototype.find.call(list, function (input) { return input.checked; });
      return chosen ? chosen.value : "";
    }
    if (type === "multiple_choice") {
      return Array.prototype.filter.call(list, function (input) { return input.checked; })
        .map(function (input) { return input.value; });
    }
    if (type === "unchanged") {
      return list[0] && list[0].checked ? "yes" : "";
    }
    if (type === "references") {
      return referenceRows(q);
    }
    if (type === "entries") {
      return entryRows(q);
    }
    return list[0] ? list[0].value : "";
  }

  function chosenCodes(q) {
    var value = valueOf(q);
    return Array.isArray(value) ? value : (value ? [value] : []);
  }

  /* Conditional questions: shown when the question they depend on is shown and has one of the answers. */
  function updateConditions() {
    form.querySelectorAll("[data-when-field]").forEach(function (q) {
      var controller = question(q.dataset.whenField);
      var wanted = q.dataset.whenIn.split(" ");
      var shown = !!controller && !controller.hidden && chosenCodes(controller).some(function (code) {
        return wanted.indexOf(code) !== -1;
      });
      q.hidden = !shown;
    });
  }

  function setStatus(text, kind) {
    if (!statusBox) {
      return;
    }
    statusBox.textContent = text;
    statusBox.classList.toggle("is-error", kind === "error");
    statusBox.classList.toggle("is-saved", kind === "saved");
  }

  // The time of a save as every page of the portal gives times: in UTC, saying so.
  function timeOf(iso) {
    var moment = iso ? new Date(iso) : new Date();
    return moment.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }) + " UTC";
  }

  function showOutcome(savedAt) {
    var kinds = Array.from(problems.values());
    if (lastFailure) {
      setStatus(lastFailure, "error");
    } else if (kinds.indexOf("conflict") !== -1) {
      setStatus(message("Conflict"), "error");
    } else if (kinds.length) {
      setStatus(message("Invalid"), "error");
    } else if (savedAt !== undefined) {
      setStatus(message("Saved", { time: timeOf(savedAt) }), "saved");
    }
  }

  function markEdited(q) {
    var name = q.dataset.name;
    if (!inFlight && !problems.has(name) && JSON.stringify(valueOf(q)) === known.get(name)) {
      dirty.delete(name); // back to what is saved (or a change event after the input events): nothing to send
      return;
    }
    dirty.set(name, ++edits);
    schedule(DEBOUNCE_MS);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { flush(false); }, delay);
  }

  function fieldElement(q) {
    return document.getElementById(q.dataset.name);
  }

  function describe(q, element, id, add) {
    var target = element || fieldElement(q);
    if (!target) {
      return;
    }
    var ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids = ids.filter(function (existing) { return existing !== id; });
    if (add) {
      ids.push(id);
    }
    if (ids.length) {
      target.setAttribute("aria-describedby", ids.join(" "));
    } else {
      target.removeAttribute("aria-describedby");
    }
  }

  function setInvalid(q, invalid) {
    q.classList.toggle("field-error", invalid);
    q.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (input) {
      if (invalid) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  }

  function clearProblems(q) {
    var name = q.dataset.name;
    ["-error", "-missing", "-live-error", "-conflict", "-live-conflict"].forEach(function (suffix) {
      var element = document.getElementById(name + suffix);
      if (element) {
        element.remove();
      }
      describe(q, null, name + suffix, false);
    });
    problems.delete(name);
    setInvalid(q, false);
  }

  function showError(q, text) {
    var name = q.dataset.name;
    clearProblems(q);
    var error = document.createElement("p");
    error.className = "error";
    error.id = name + "-live-error";
    error.textContent = text;
    (q.querySelector(".question-field") || q).appendChild(error);
    describe(q, null, error.id, true);
    setInvalid(q, true);
    problems.set(name, "error");
  }

  function lines(q, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
      return [];
    }
    var type = q.dataset.type;
    if (type === "references") {
      return value.map(function (reference) {
        return ["title", "citation", "date", "link"].map(function (part) { return reference[part]; })
          .filter(Boolean).join(", ");
      });
    }
    if (type === "entries") {
      return (Array.isArray(value) ? value : [value]).filter(function (entry) {
        return typeof entry === "string" && entry.trim() !== "";
      });
    }
    if (type === "single_choice" || type === "yes_no" || type === "multiple_choice") {
      return (Array.isArray(value) ? value : [value]).map(function (code) {
        var input = q.querySelector('input[value="' + CSS.escape(code) + '"]');
        var label = input && input.closest("label");
        return label ? label.textContent.trim() : code;
      });
    }
    return [String(value)];
  }

  function versionBox(title, textLines) {
    var section = document.createElement("section");
    var heading = document.createElement("h4");
    heading.textContent = title;
    var body = document.createElement("div");
    body.className = "answer-text";
    (textLines.length ? textLines : [message("None")]).forEach(function (line) {
      var paragraph = document.createElement("p");
      paragraph.textContent = line;
      body.appendChild(paragraph);
    });
    section.append(heading, body);
    return section;
  }

  function showConflict(q, conflict) {
    var name = q.dataset.name;
    clearProblems(q);
    var who = conflict.their_author || message("Someone");
    var when = timeOf(conflict.their_time);
    var box = document.createElement("div");
    box.className = "conflict";
    box.id = name + "-live-conflict";
    var intro = document.createElement("p");
    intro.className = "error";
    intro.textContent = message("ConflictDetail", { name: who, time: when });
    var versions = document.createElement("div");
    versions.className = "conflict-versions";
    versions.append(versionBox(message("Theirs", { name: who, time: when }), lines(q, conflict.theirs)),
      versionBox(message("Yours"), lines(q, conflict.yours)));
    var actions = document.createElement("p");
    actions.className = "conflict-actions";
    var keep = document.createElement("button");
    keep.type = "button";
    keep.className = "button primary";
    keep.textContent = message("Keep");
    var take = document.createElement("button");
    take.type = "button";
    take.className = "button";
    take.textContent = message("Take");
    actions.append(keep, take);
    box.append(intro, versions, actions);
    (q.querySelector(".question-field") || q).appendChild(box);
    describe(q, null, box.id, true);
    setInvalid(q, true);
    problems.set(name, "conflict");

    keep.addEventListener("click", function () {
      revisionInput(q).value = conflict.their_revision;
      clearProblems(q);
      dirty.set(name, ++edits);
      schedule(0);
      fieldElement(q).focus();
    });
    take.addEventListener("click", function () {
      setValue(q, conflict.theirs);
      revisionInput(q).value = conflict.their_revision;
      known.set(name, JSON.stringify(valueOf(q)));
      clearProblems(q);
      dirty.delete(name);
      updateConditions();
      showOutcome(conflict.their_time);
      fieldElement(q).focus();
    });
  }

  function setValue(q, value) {
    var type = q.dataset.type;
    if (type === "entries") {
      var entries = Array.isArray(value) ? value : (value ? [value] : []);
      for (var more = q.querySelectorAll("textarea[data-entry]").length; more < entries.length + 1; more++) {
        addEntry(q, false);
      }
      q.querySelectorAll("textarea[data-entry]").forEach(function (area, index) {
        area.value = entries[index] || "";
      });
      return;
    }
    if (type === "references") {
      var body = q.querySelector("tbody[data-references]");
      var rows = body.querySelectorAll("tr[data-row]");
      for (var extra = rows.length; extra < (value || []).length + 1; extra++) {
        addRow(q, false);
      }
      body.querySelectorAll("tr[data-row]").forEach(function (row, index) {
        var reference = (value || [])[index] || {};
        row.querySelectorAll("input[data-part]").forEach(function (input) {
          input.value = reference[input.dataset.part] || "";
        });
      });
      return;
    }
    var codes = Array.isArray(value) ? value : [value];
    inputs(q).forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = codes.indexOf(input.value) !== -1;
      } else {
        input.value = value || "";
      }
    });
  }

  function updateProgress(progress) {
    if (!progress) {
      return;
    }
    function write(element, pair) {
      if (element && pair) {
        element.textContent = message("Progress", { done: pair[0], required: pair[1] });
      }
    }
    document.querySelectorAll("[data-progress-overall]").forEach(function (element) {
      write(element, progress.overall);
    });
    document.querySelectorAll("[data-progress-bar]").forEach(function (bar) {
      bar.max = progress.overall[1] || 1;
      bar.value = progress.overall[0];
    });
    Object.keys(progress.items || {}).forEach(function (code) {
      var key = code === "_general" ? "general" : code;
      write(document.querySelector('[data-progress-item="' + CSS.escape(key) + '"]'), progress.items[code]);
    });
    Object.keys(progress.themes || {}).forEach(function (code) {
      write(document.querySelector('[data-progress-theme="' + CSS.escape(code) + '"]'), progress.themes[code]);
    });
  }

  function retryLater(text) {
    lastFailure = text;
    setStatus(text, "error");
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : RETRY_FIRST_MS, RETRY_MAX_MS);
    schedule(retryDelay);
  }

  function handleResult(data, sent, sentValues) {
    lastFailure = null;
    signedOut = false;
    retryDelay = 0;
    (data.saved || []).forEach(function (saved) {
      var q = question(saved.field);
      if (!q) {
        return;
      }
      known.set(saved.field, sentValues[saved.field]);
      revisionInput(q).value = saved.revision;
      // A saved change makes a copied answer the State's own: it is no longer "carried forward".
      q.querySelectorAll("[data-carried]").forEach(function (note) {
        describe(q, null, note.id, false);
        note.remove();
      });
      if (dirty.get(saved.field) === sent[saved.field]) {
        dirty.delete(saved.field);
      }
      clearProblems(q);
    });
    (data.errors || []).forEach(function (error) {
      var q = question(error.field);
      if (q) {
        if (dirty.get(error.field) === sent[error.field]) {
          dirty.delete(error.field); // sent again once the person changes it
        }
        showError(q, error.message);
      }
    });
    (data.conflicts || []).forEach(function (conflict) {
      var q = question(conflict.field);
      if (q) {
        if (dirty.get(conflict.field) === sent[conflict.field]) {
          dirty.delete(conflict.field); // waits for the person to choose a version
        }
        showConflict(q, conflict);
      }
    });
    Object.keys(sent).forEach(function (name) {
      var q = question(name);
      if (problems.has(name) || !q) {
        return;
      }
      if (dirty.get(name) === sent[name]) {
        known.set(name, sentValues[name]); // saved, or the server held that value already
        dirty.delete(name);
      } else if (JSON.stringify(valueOf(q)) !== known.get(name)) {
        dirty.set(name, ++edits); // changed while the request ran: send again
      }
    });
    updateProgress(data.progress);
    showOutcome(data.saved_at || null);
  }

  // A request sent as the page goes away must be small enough for the browser to finish it afterwards
  // (keepalive requests may carry 64 KiB in all).
  var KEEPALIVE_LIMIT = 60000;

  // Send the answers changed since the last save. ``leaving``: the page is going away (closed, or left
  // by a link); the request is sent even while another is on its way, and outlives the page. Returns
  // whether everything changed was sent.
  function flush(leaving) {
    window.clearTimeout(timer);
    if (submitting || (inFlight && !leaving) || !dirty.size) {
      return !dirty.size;
    }
    var changes = [];
    var sent = {};
    var sentValues = {};
    dirty.forEach(function (edit, name) {
      var q = question(name);
      if (!q) {
        dirty.delete(name);
        return;
      }
      var value = valueOf(q);
      sent[name] = edit;
      sentValues[name] = JSON.stringify(value);
      changes.push({
        item: q.dataset.item === "general" ? null : q.dataset.item,
        question: q.dataset.question,
        value: value,
        base_revision: parseInt(revisionInput(q).value, 10) || 0,
      });
    });
    if (!changes.length) {
      return true;
    }
    var body = JSON.stringify({ changes: changes });
    if (leaving && body.length > KEEPALIVE_LIMIT) {
      return false;
    }
    inFlight = true;
    setStatus(message("Saving"), "");
    fetch(form.dataset.saveUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: Boolean(leaving),
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token },
      body: body,
    }).then(function (response) {
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
      if (response.ok && isJson) {
        return response.json().then(function (data) { handleResult(data, sent, sentValues); });
      }
      if (response.status === 401 || (!isJson && (response.redirected || response.url.indexOf("/login") !== -1))) {
        // Signed out (signed out elsewhere, or the session ended for inactivity): keep the text, try again on return.
        lastFailure = message("SignedOut");
        signedOut = true;
        setStatus(lastFailure, "error");
        return null;
      }
      if (isJson && response.status < 500) {
        return response.json().then(function (data) {
          lastFailure = message("Refused", { reason: data.error || response.statusText });
          setStatus(lastFailure, "error");
        });
      }
      retryLater(message("Refused", { reason: response.status + " " + response.statusText }));
      return null;
    }).catch(function () {
      retryLater(message("Offline"));
    }).finally(function () {
      inFlight = false;
      if (dirty.size && !lastFailure) {
        schedule(DEBOUNCE_MS);
      }
    });
    return true;
  }

  /* Reference rows, added and removed in place (without JavaScript the buttons post the page). */
  function renumber(q) {
    var name = q.dataset.name;
    var rows = q.querySelectorAll("tbody[data-references] tr[data-row]");
    rows.forEach(function (row, index) {
      row.querySelectorAll("input[data-part]").forEach(function (input) {
        var id = name + "-" + index + "-" + input.dataset.part;
        var label = row.querySelector('label[for="' + CSS.escape(input.id) + '"]');
        input.id = id;
        input.name = id;
        if (label) {
          label.htmlFor = id;
          label.textContent = message("RowLabel", { part: label.dataset.label, number: index + 1 });
        }
      });
      var remove = row.querySelector("[data-remove-row]");
      remove.value = "remove-row:" + name + ":" + index;
      var hidden = remove.querySelector("[data-row-number]");
      if (hidden) {
        hidden.textContent = " " + message("RowNumber", { number: index + 1 });
      }
    });
    q.querySelector("input[data-row-count]").value = rows.length;
  }

  /* Entries: a row added in place (without JavaScript the button saves the page and draws one more). */
  function addEntry(q, focus) {
    var list = q.querySelector("[data-entries]");
    var rows = list.querySelectorAll("[data-row]");
    var copy = rows[rows.length - 1].cloneNode(true);
    var area = copy.querySelector("textarea[data-entry]");
    var id = q.dataset.name + "-" + rows.length;
    area.value = "";
    area.id = id;
    area.name = id;
    var label = copy.querySelector("label[data-entry-label]");
    label.htmlFor = id;
    label.textContent = message("EntryLabel", { number: rows.length + 1 });
    list.appendChild(copy);
    q.querySelector("input[data-row-count]").value = rows.length + 1;
    if (focus) {
      area.focus();
    }
  }

  function addRow(q, focus) {
    var body = q.querySelector("tbody[data-references]");
    var rows = body.querySelectorAll("tr[data-row]");
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll("input[data-part]").forEach(function (input) { input.value = ""; });
    body.appendChild(copy);
    renumber(q);
    if (focus) {
      copy.querySelector("input[data-part]").focus();
    }
  }

  function removeRow(q, row) {
    var body = q.querySelector("tbody[data-references]");
    var rows = Array.from(body.querySelectorAll("tr[data-row]"));
    var index = rows.indexOf(row);
    if (rows.length === 1) {
      row.querySelectorAll("input[data-part]").forEach(function (input) { input.value = ""; });
    } else {
      row.remove();
    }
    renumber(q);
    var remaining = body.querySelectorAll("tr[data-row]");
    var next = remaining[Math.min(index, remaining.length - 1)];
    next.querySelector("input[data-part]").focus();
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) {
      return;
    }
    var q = questionFor(button);
    if (button.hasAttribute("data-add-row") && q) {
      event.preventDefault();
      addRow(q, true);
    } else if (button.hasAttribute("data-add-entry") && q) {
      event.preventDefault();
      addEntry(q, true);
    } else if (button.hasAttribute("data-remove-row") && q) {
      event.preventDefault();
      removeRow(q, button.closest("tr"));
      markEdited(q);
    }
  });

  function onEdit(event) {
    var q = questionFor(event.target);
    if (!q || event.target.type === "hidden") {
      return;
    }
    lastFailure = null;
    markEdited(q);
    if (event.type === "change") {
      updateConditions();
    }
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("submit", function () {
    // The page posts everything with its base revisions: no autosave may run after it.
    window.clearTimeout(timer);
    submitting = true;
  });
  window.addEventListener("online", function () {
    if (dirty.size) {
      lastFailure = null;
      retryDelay = 0;
      schedule(0);
    }
  });
  // Back from signing in again in another tab: send what was kept.
  window.addEventListener("focus", function () {
    if (signedOut && dirty.size) {
      signedOut = false;
      lastFailure = null;
      schedule(0);
    }
  });
  // Leaving within the moments after typing: the last words are sent at once, in a request that
  // outlives the page, and the browser asks nothing. It asks only when they cannot go (the connection
  // is lost, or they are too long for such a request), so that nothing typed is lost silently.
  window.addEventListener("beforeunload", function (event) {
    if (submitting || (!dirty.size && !inFlight)) {
      return;
    }
    var sent = !lastFailure && navigator.onLine !== false && flush(true);
    if (!sent) {
      event.preventDefault();
      event.returnValue = message("Unsaved");
    }
  });
  // Pages a browser discards without "beforeunload" (a phone switching apps, a tab closed in the background).
  window.addEventListener("pagehide", function () {
    if (!submitting && dirty.size) {
      flush(true);
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !submitting && dirty.size) {
      flush(true);
    }
  });

  // Links to fields (error summaries, the submit page's list of missing answers) put the cursor in them.
  function focusTarget() {
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    showField(target);
  }

  /* Put the cursor in a field (in a group: its chosen radio, else its first control) and show the question's
     label or legend below the sticky save bar; alone, the browser shows the control with its legend under the
     bar. Return whether there was a field to show. */
  function showField(target) {
    if (target && target.tagName === "FIELDSET") {
      target = target.querySelector("input[type=radio]:checked") || target.querySelector("input:not([type=hidden]), textarea");
    }
    if (!target || !form.contains(target) || !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      return false;
    }
    target.focus({ preventScroll: true });
    var q = questionFor(target);
    (q && q.querySelector("legend, label") || target).scrollIntoView({ block: "start" });
    if (target.getBoundingClientRect().bottom > window.innerHeight) {
      target.scrollIntoView({ block: "nearest" }); // a legend with a long help: the control comes first
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link && showField(document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))))) {
      event.preventDefault(); // shown already: the browser's own jump would put the legend back under the bar
    }
  });

  // The status line can wrap and make the sticky bar taller: answers.css stops scrolling below it all the same.
  var stickyBar = form.querySelector(".save-bar-top");
  if (stickyBar && window.ResizeObserver) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--save-bar-height", stickyBar.offsetHeight + "px");
    }).observe(stickyBar);
  }

  form.querySelectorAll("[data-name][data-question]").forEach(function (q) {
    if (!q.classList.contains("field-error")) { // a field drawn with a problem holds what was typed, not what is saved
      known.set(q.dataset.name, JSON.stringify(valueOf(q)));
    }
  });
  updateConditions();
  focusTarget();
  window.addEventListener("hashchange", focusTarget);
})();
