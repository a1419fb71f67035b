// The Workbench's charts: draws each Vega-Lite chart a page declares (data-vega-spec names a JSON script) and offers
// it as PNG or SVG. Every figure is also in a table, so without JavaScript, or if a chart fails, nothing is lost.
(function () {
  if (typeof window.vegaEmbed !== 'function') {
    return;
  }

  var views = {};
  var charts = document.querySelectorAll('[data-vega-spec]');
  var pending = charts.length;
  function done() {
    pending -= 1;
    if (pending === 0) {
      document.body.setAttribute('data-charts-drawn', 'true');
    }
  }

  charts.forEach(function (element) {
    var source = document.getElementById(element.getAttribute('data-vega-spec'));
    if (!source) {
      done();
      return;
    }

    var spec = JSON.parse(source.textContent);
    if (spec.facet && spec.spec && typeof spec.spec.width === 'number') {
      // Small multiples: as many panels a row as the space allows, so the page reflows at 320 px.
      var available = element.clientWidth || 320;
      spec.columns = Math.max(1, Math.min(5, Math.floor(available / (spec.spec.width + 60))));
    }

    window.vegaEmbed(element, spec, { actions: false, renderer: 'svg' })
      .then(function (result) {
        views[element.id] = result.view;
        element.setAttribute('data-chart-drawn', 'true');
        var block = element.closest('section');
        if (block) {
          block.querySelectorAll('.gmc-js-only').forEach(function (item) { item.hidden = false; });
        }
        done();
      })
      .catch(function () {
        element.hidden = true;
        done();
      });
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('.gmc-chart-export');
    if (!button) {
      return;
    }

    var view = views[button.getAttribute('data-chart')];
    var format = button.getAttribute('data-format');
    if (!view) {
      return;
    }

    view.toImageURL(format, format === 'png' ? 2 : 1).then(function (url) {
      var link = document.createElement('a');
      link.href = url;
      link.download = button.getAttribute('data-file') + '.' + format;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
})();
