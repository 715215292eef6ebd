// The minute taker's text is saved as they type (form[data-autosave]). Nothing typed is lost:
// without a connection the text waits in this browser and is sent when the connection is back;
// when someone else has saved the case meanwhile, their text is shown beside one's own, which
// stays in the form. Without this file the form is saved with its button, as any form.
(function () {
  "use strict";

  var FIELDS = ["discussion", "decision", "dissent"];
  var DELAY_MS = 1200;
  var RETRY_MS = 10000;

  function start(form) {
    var url = form.dataset.autosave;
    var status = form.querySelector("[data-autosave-status]");
    var conflict = form.querySelector("[data-autosave-conflict]");
    var revision = form.querySelector("input[name=revision]");
    var key = "samspill-autosave:" + url;
    var timer = null;
    var sending = false;
    var again = false;
    var stopped = false;

    function fields() {
      return FIELDS.map(function (name) { return form.elements[name]; }).filter(Boolean);
    }

    function say(text) { if (status) { status.textContent = text; } }

    function keepHere() {
      var draft = { revision: revision.value, texts: {} };
      fields().forEach(function (field) { draft.texts[field.name] = field.value; });
      try { window.localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* full or off */ }
    }

    function forget() {
      try { window.localStorage.removeItem(key); } catch (e) { /* off */ }
    }

    function showTheirs(answer) {
      var box = form.querySelector("[data-autosave-theirs]");
      box.textContent = "";
      fields().forEach(function (field) {
        var label = form.querySelector("label[for='" + field.id + "']");
        var heading = document.createElement("h3");
        heading.className = "ds-heading";
        heading.dataset.size = "2xs";
        heading.textContent = label ? label.firstChild.textContent.trim() : field.name;
        var text = document.createElement("pre");
        text.className = "minutes-text";
        text.textContent = answer.theirs[field.name] || "–";
        box.appendChild(heading);
        box.appendChild(text);
      });
      form.querySelector("[data-autosave-conflict-message]").textContent = answer.message;
      conflict.hidden = false;
    }

    function send() {
      if (stopped) { return; }
      if (sending) { again = true; return; }
      sending = true;
      keepHere();
      say(form.dataset.autosaveSaving);
      var body = new FormData();
      body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
      body.append("revision", revision.value);
      fields().forEach(function (field) { body.append(field.name, field.value); });
      fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) {
          return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
        })
        .then(function (result) {
          if (result.status === 200) {
            revision.value = result.answer.revision;
            forget();
            say(result.answer.message);
          } else if (result.status === 409) {
            // Saving with the button now keeps this text over theirs, knowingly.
            revision.value = result.answer.revision;
            stopped = true;
            showTheirs(result.answer);
            say(result.answer.message);
          } else {
            stopped = true;
            say(result.answer.message);
          }
        })
        .catch(function () {
          say(form.dataset.autosaveOffline);
          window.setTimeout(send, RETRY_MS);
        })
        .then(function () {
          sending = false;
          if (again) { again = false; send(); }
        });
    }

    function typed() {
      keepHere();
      window.clearTimeout(timer);
      timer = window.setTimeout(send, DELAY_MS);
    }

    // Text typed here earlier that never reached the server comes back.
    try {
      var draft = JSON.parse(window.localStorage.getItem(key) || "null");
      if (draft && draft.revision === revision.value) {
        var changed = false;
        fields().forEach(function (field) {
          if (typeof draft.texts[field.name] === "string" && draft.texts[field.name] !== field.value) {
            field.value = draft.texts[field.name];
            changed = true;
          }
        });
        if (changed) { say(form.dataset.autosaveRestored); send(); } else { forget(); }
      }
    } catch (e) { /* no storage */ }

    fields().forEach(function (field) { field.addEventListener("input", typed); });
    window.addEventListener("online", function () { if (!stopped) { send(); } });
    form.addEventListener("submit", function () { window.clearTimeout(timer); stopped = true; forget(); });
  }

  function init() {
    document.querySelectorAll("form[data-autosave]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
