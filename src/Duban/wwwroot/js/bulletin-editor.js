// Keeps the page preview beside the bulletin editor in step with what is typed: the title, and each paragraph with
// the heading level its numbering gives it (一、 / （一） / 1. / （1）), as the saved document will show it.
(function () {
  const levels = [
    [/^[一二三四五六七八九十]+、/, "h1"],
    [/^[（(][一二三四五六七八九十]+[）)]/, "h2"],
    [/^[（(]\d+[）)]/, "h4"],
    [/^\d+[.．、](?!\d)/, "h3"],
  ];
  const levelOf = (text) => (levels.find(([pattern]) => pattern.test(text)) || [null, "plain"])[1];
  for (const source of document.querySelectorAll("[data-live-source]")) {
    const target = document.querySelector(`[data-live="${source.dataset.liveSource}"]`);
    if (!target) continue;
    source.addEventListener("input", () => {
      const text = source.value;
      target.textContent = text;
      if (target.tagName === "P") {
        target.className = levelOf(text.trim());
        source.className = target.className;
      }
    });
  }
})();
