// The admin's only script (no inline scripts: the Content-Security-Policy forbids them).
// Everything here is an enhancement; every form works without it.
(function () {
  "use strict";

  function token(form) {
    var input = form && form.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }

  // Side-by-side preview (Markdown, or HTML with data-preview-url), rendered by the server as the site renders it.
  document.querySelectorAll("textarea.markdown-input[data-preview]").forEach(function (area) {
    var target = document.getElementById(area.getAttribute("data-preview"));
    if (!target) return;
    var timer = 0;
    var sequence = 0;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++sequence;
        var body = new FormData();
        body.append("markdown", area.value);
        body.append("__RequestVerificationToken", token(area.form));
        fetch(area.getAttribute("data-preview-url") || "/admin/preview/markdown", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
          .then(function (html) { if (mine === sequence) target.innerHTML = html; })
          .catch(function () { /* the preview stays as it was; saving still works */ });
      }, 250);
    });
  });

  // Insert an image from the media library at the caret.
  document.querySelectorAll(".media-insert").forEach(function (box) {
    box.hidden = false;
    var button = box.querySelector("[data-insert-media]");
    var select = box.querySelector("select");
    var area = document.getElementById(button.getAttribute("data-insert-media"));
    button.addEventListener("click", function () {
      var option = select.options[select.selectedIndex];
      // The library's alt text; without one, a placeholder the editor sees and replaces.
      var alt = (option.getAttribute("data-alt") || "describe the image").replace(/[\[\]]/g, "");
      var snippet = "![" + alt + "](" + select.value + ")";
      var start = area.selectionStart, end = area.selectionEnd;
      area.value = area.value.slice(0, start) + snippet + area.value.slice(end);
      area.focus();
      area.selectionStart = area.selectionEnd = start + snippet.length;
      area.dispatchEvent(new Event("input"));
    });
  });

  // A technical name follows its display name ("Reading note" → ReadingNote) until one types it oneself.
  document.querySelectorAll("input[data-name-from]").forEach(function (input) {
    var source = document.getElementById(input.getAttribute("data-name-from"));
    if (!source) return;
    var touched = input.value.length > 0;
    input.addEventListener("input", function () { touched = true; });
    source.addEventListener("input", function () {
      if (touched) return;
      input.value = source.value.split(/[\s_-]+/).map(function (w) {
        w = w.replace(/[^A-Za-z0-9]/g, "");
        return w.length ? w[0].toUpperCase() + w.slice(1) : "";
      }).join("");
    });
  });

  // Tag editor: a typed comma or Enter turns the text into a ticked value at once (without a script the values
  // typed are split at commas when the form is saved, which gives the same result).
  document.querySelectorAll("ul[data-tags-for]").forEach(function (list) {
    var input = document.getElementById(list.getAttribute("data-tags-for"));
    if (!input) return;
    function add() {
      input.value.split(",").map(function (v) { return v.trim(); }).filter(function (v) { return v.length > 0; }).forEach(function (value) {
        var exists = Array.prototype.some.call(list.querySelectorAll("input[type=checkbox]"), function (box) { return box.value === value; });
        if (exists) return;
        var item = document.createElement("li");
        var label = document.createElement("label");
        label.className = "tag-chip";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = input.name + ".keep";
        box.value = value;
        box.checked = true;
        var text = document.createElement("span");
        text.textContent = value;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" "));
        label.appendChild(text);
        item.appendChild(label);
        list.appendChild(item);
      });
      input.value = "";
      input.required = false;
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === ",") {
        if (input.value.trim().length === 0 && event.key === ",") { event.preventDefault(); return; }
        if (event.key === "Enter" && input.value.trim().length === 0) return;
        event.preventDefault();
        add();
      }
    });
  });

  // Picker: a filter box narrows the list of items as one types (the list works without it).
  document.querySelectorAll("input[data-picker-filter]").forEach(function (filter) {
    var list = document.getElementById(filter.getAttribute("data-picker-filter"));
    if (!list) return;
    filter.parentElement.hidden = false;
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      list.querySelectorAll("li").forEach(function (item) {
        var box = item.querySelector("input");
        var text = item.textContent.toLowerCase();
        item.hidden = !(box && box.checked) && !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
    // Enter in the filter must not submit the editor.
    filter.addEventListener("keydown", function (event) { if (event.key === "Enter") event.preventDefault(); });
  });

  // Forms that destroy something ask first.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  // Bring the error summary into view and focus so keyboard and screen reader users hear it first.
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
