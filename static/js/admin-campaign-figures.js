// The laureate's "Chiffres de la collecte" panel follows its "Collecte" chooser: the chooser
// sends "change" on its hidden input when a campaign is chosen, created or cleared.
(() => {
  const panels = () => document.querySelectorAll("[data-campaign-figures]");

  const remember = (panel) => {
    const content = panel.querySelector("[data-campaign-figures-content]");
    if (content && panel.savedHTML === undefined) panel.savedHTML = content.innerHTML;
    return content;
  };

  const fromTemplate = (panel, name) => {
    const template = panel.querySelector(`template[data-campaign-figures-${name}]`);
    return template ? template.innerHTML : "";
  };

  const show = (panel, value) => {
    const content = remember(panel);
    if (!content) return;
    if (value === panel.dataset.savedId) {
      content.innerHTML = panel.savedHTML;
      return;
    }
    if (!value) {
      content.innerHTML = fromTemplate(panel, "empty");
      return;
    }
    const url = new URL(panel.dataset.url.replace(/\/0\/$/, `/${encodeURIComponent(value)}/`), window.location.href);
    if (panel.dataset.pageKey) url.searchParams.set("page", panel.dataset.pageKey);
    panel.requested = value;
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        if (panel.requested === value) content.innerHTML = html;
      })
      .catch(() => {
        if (panel.requested === value) content.innerHTML = fromTemplate(panel, "failed");
      });
  };

  document.addEventListener("change", (event) => {
    panels().forEach((panel) => {
      if (panel.dataset.inputId && event.target.id === panel.dataset.inputId) show(panel, event.target.value);
    });
  });
})();
