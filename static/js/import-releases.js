/* "Import releases": drop files anywhere on the drop zone to choose them. */
(function () {
  "use strict";
  function start() {
    var zone = document.querySelector("[data-drop-zone]");
    if (!zone) { return; }
    var input = zone.querySelector("input[type=file]:not([webkitdirectory])");
    var list = zone.querySelector("[data-drop-list]");
    function show(files) {
      var names = Array.prototype.map.call(files, function (f) { return f.name; });
      list.textContent = names.length ? "Chosen: " + names.join(", ") : "";
    }
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("dropping");
      });
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("dropping"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("dropping");
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) { return; }
      var transfer = new DataTransfer();
      Array.prototype.forEach.call(files, function (f) { transfer.items.add(f); });
      input.files = transfer.files;
      show(input.files);
    });
    input.addEventListener("change", function () { show(input.files); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
