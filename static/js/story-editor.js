/* The story form keeps the editor's work: a warning before leaving with unsaved changes,
   autosave to the server every few seconds (offered back when the story is opened again),
   and drag-to-reorder for "Organizations in this story". No inline script: CSP-safe. */
(function () {
  "use strict";
  var AUTOSAVE_EVERY_MS = 4000;

  function start() {
    var form = document.getElementById("story_form");
    var editor = document.getElementById("story-editor");
    if (!form || !editor) { return; }
    var dirty = false;
    var submitting = false;
    var changedSinceAutosave = false;
    var token = form.elements.csrfmiddlewaretoken && form.elements.csrfmiddlewaretoken.value;
    var autosaveUrl = editor.dataset.autosaveUrl;
    var status = document.createElement("p");
    status.className = "autosave-status";
    status.setAttribute("aria-live", "polite");
    var submitRow = form.querySelector(".submit-row");
    if (submitRow) { submitRow.appendChild(status); }

    function isStoryField(target) {
      return target && target.name && target.form === form &&
        !/^(candidate-|organization_order|reviewer|due_at|note|publish_at)/.test(target.name);
    }
    function markDirty(event) {
      if (!isStoryField(event.target)) { return; }
      dirty = true;
      changedSinceAutosave = true;
    }
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    form.addEventListener("submit", function () { submitting = true; });

    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";  // older browsers need a value to show the dialog
        return "";
      }
    });

    var FIELDS = ["headline", "slug", "dek", "body", "tags", "source_attribution",
      "source_label", "source_url", "image_alt", "image_credit", "image_caption",
      "image_asset_id"];

    function autosave() {
      if (!autosaveUrl || !changedSinceAutosave || submitting) { return; }
      changedSinceAutosave = false;
      var data = new FormData();
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        if (field && typeof field.value === "string") { data.append(name, field.value); }
      });
      if (form.elements.loaded_version) {
        data.append("loaded_version", form.elements.loaded_version.value);
      }
      fetch(autosaveUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRFToken": token}
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (reply) {
        if (reply && reply.saved_at) {
          status.textContent = "Draft kept on the server at " + reply.saved_at +
            " (not published; click Save to save the story).";
        } else {
          changedSinceAutosave = true;
        }
      }).catch(function () { changedSinceAutosave = true; });
    }
    setInterval(autosave, AUTOSAVE_EVERY_MS);

    /* The autosaved work offered back. */
    var kept = document.getElementById("autosaved-fields");
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-autosave]");
      if (!button) { return; }
      var offer = button.closest(".autosaved-offer");
      if (button.dataset.autosave === "restore" && kept) {
        var fields = JSON.parse(kept.textContent);
        Object.keys(fields).forEach(function (name) {
          var field = form.elements[name];
          if (field && typeof field.value === "string") { field.value = fields[name]; }
        });
        dirty = true;
        changedSinceAutosave = true;
        if (form.elements.body) {
          form.elements.body.dispatchEvent(new Event("input", {bubbles: true}));
        }
      } else if (button.dataset.autosave === "discard" && autosaveUrl) {
        var data = new FormData();
        data.append("discard", "1");
        fetch(autosaveUrl, {method: "POST", body: data, credentials: "same-origin",
          headers: {"X-CSRFToken": token}});
      }
      if (offer) { offer.remove(); }
    });

    /* Drag to reorder "Organizations in this story"; dropping saves the order (and the edits). */
    var dragged = null;
    document.addEventListener("dragstart", function (event) {
      var item = event.target.closest && event.target.closest(".tagged-organization");
      if (!item) { return; }
      dragged = item;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.dataset.organization);
    });
    document.addEventListener("dragover", function (event) {
      var over = event.target.closest && event.target.closest(".tagged-organization");
      if (!dragged || !over || over === dragged) { return; }
      event.preventDefault();
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
    });
    document.addEventListener("drop", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
    });
    document.addEventListener("dragend", function () {
      if (!dragged) { return; }
      var list = dragged.parentNode;
      dragged.classList.remove("dragging");
      dragged = null;
      var order = Array.prototype.map.call(
        list.querySelectorAll(".tagged-organization"),
        function (item) { return item.dataset.organization; }
      );
      var panel = list.closest(".suggestions-panel");
      var input = panel.querySelector("input[name='organization_order']");
      var button = panel.querySelector(".reorder-submit");
      if (input && button) {
        input.value = order.join(",");
        submitting = true;
        if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
