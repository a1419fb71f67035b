// Draws the Vega-Lite charts a page declares (an element with data-vega-spec naming a JSON script). The
// figures are always in a table as well, so without JavaScript, or if a chart fails, nothing is lost.
(function () {
  if (typeof window.vegaEmbed !== 'function') {
    return;
  }

  document.querySelectorAll('[data-vega-spec]').forEach(function (element) {
    var source = document.getElementById(element.getAttribute('data-vega-spec'));
    if (!source) {
      return;
    }

    window.vegaEmbed(element, JSON.parse(source.textContent), { actions: false, renderer: 'svg' })
      .then(function () { element.setAttribute('data-chart-drawn', 'true'); })
      .catch(function () { element.hidden = true; });
  });
})();
