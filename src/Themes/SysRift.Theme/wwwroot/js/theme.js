// Colour scheme: follows the system unless the visitor chose one; the choice is remembered.
// Runs in <head> (tiny, synchronous) so the chosen scheme applies before the first paint.
(function () {
  var key = "sysrift-theme";
  var root = document.documentElement;
  var stored = null;
  try { stored = localStorage.getItem(key); } catch (e) { /* storage may be blocked */ }
  if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);

  function current() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function render() {
      var dark = current() === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
      // The words come from the site's labels (Settings → Labels), on the button itself.
      button.textContent = dark ? button.getAttribute("data-light") : button.getAttribute("data-dark");
    }
    button.hidden = false;
    render();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(key, next); } catch (e) { /* still switches for this page */ }
      render();
    });
  });
})();
