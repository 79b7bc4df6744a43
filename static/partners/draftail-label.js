/* Gives each Draftail rich-text editor the accessible name of its field (Wagtail issue #14205:
   the label points at a hidden input, so the contenteditable textbox has no name). Remove once
   Wagtail names the editor itself. */
(function () {
  "use strict";

  function labelFor(textbox) {
    var wrapper = textbox.closest("[data-draftail-editor-wrapper]");
    var input = wrapper && wrapper.parentElement && wrapper.parentElement.querySelector("input[type=hidden][id]");
    var label = input && document.querySelector('label[for="' + input.id + '"]');
    if (!label) {
      var panel = textbox.closest("section.w-panel, .w-panel");
      label = panel && panel.querySelector(".w-panel__heading, [id$='-heading']");
    }
    if (!label) {
      return null;
    }
    if (!label.id) {
      label.id = (input ? input.id : "draftail-" + Math.random().toString(36).slice(2)) + "-label";
    }
    return label.id;
  }

  function nameEditors(root) {
    root.querySelectorAll('[role="textbox"][contenteditable="true"]').forEach(function (textbox) {
      if (textbox.hasAttribute("aria-label") || textbox.hasAttribute("aria-labelledby")) {
        return;
      }
      var id = labelFor(textbox);
      if (id) {
        textbox.setAttribute("aria-labelledby", id);
      }
    });
  }

  function start() {
    nameEditors(document);
    new MutationObserver(function () {
      nameEditors(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
