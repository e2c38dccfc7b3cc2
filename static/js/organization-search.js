// The organization directory's name box, as you type: the first organizations whose name or
// other name holds the text, from /organizations/names.json. Without this script the form is
// a plain GET form and works the same after "Show".
(function () {
  "use strict";
  const form = document.querySelector("form[data-names-url]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const box = document.getElementById("name-suggestions");
  const status = document.getElementById("name-suggestions-status");
  const list = document.getElementById("name-suggestions-list");
  let timer = null;
  let controller = null;

  function render(data) {
    list.replaceChildren();
    for (const result of data.results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.name;
      item.append(link);
      const detail = document.createElement("span");
      detail.className = "count";
      detail.textContent = (result.alias ? " (also “" + result.alias + "”)" : "") + " " + result.kind;
      item.append(" ", detail);
      list.append(item);
    }
    const n = data.results.length;
    status.textContent = n
      ? (n === 1 ? "1 organization" : "First " + n + " organizations") + " matching “" + data.query + "”. Press Show for all."
      : "No organization matches “" + data.query + "”.";
    box.hidden = false;
  }

  function lookUp() {
    const text = input.value.trim();
    if (text.length < 2) {
      box.hidden = true;
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    const params = new URLSearchParams(new FormData(form));
    params.delete("letter");
    fetch(form.dataset.namesUrl + "?" + params.toString(), {
      signal: controller.signal,
      headers: { Accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then(render)
      .catch(() => {}); // the form still works: "Show" submits it
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") box.hidden = true;
  });
})();
