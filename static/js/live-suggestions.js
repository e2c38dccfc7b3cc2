/* Refresh the "Suggested organizations and people" panel while the editor types (unsaved text).
   Without JavaScript the panel still refreshes on save. */
(function () {
  "use strict";
  function start() {
    var panel = document.querySelector(".suggestions-panel[data-live-url]");
    var form = document.getElementById("story_form");
    if (!panel || !form) { return; }
    var fields = ["headline", "body"].map(function (name) { return form.elements[name]; })
      .filter(Boolean);
    var timer = null;
    var token = form.elements.csrfmiddlewaretoken && form.elements.csrfmiddlewaretoken.value;
    function refresh() {
      var data = new FormData();
      fields.forEach(function (field) { data.append(field.name, field.value); });
      fetch(panel.dataset.liveUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRFToken": token}
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector(".suggestions-panel");
        if (fresh) { panel.replaceWith(fresh); panel = fresh; }
      }).catch(function () { /* keep the panel as it was */ });
    }
    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 700);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
