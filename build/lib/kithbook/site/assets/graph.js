/* Kithbook: the network graph. A small force layout drawn as SVG; offline, no dependencies. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#d6336c", "#f08c00", "#1c7ed6", "#2f9e44", "#7048e8", "#0c8599", "#e8590c"];

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function layout(nodes, edges, width, height) {
    var n = nodes.length, area = width * height;
    var k = Math.sqrt(area / Math.max(n, 1)) * 0.75;
    nodes.forEach(function (node, i) {  // a deterministic spiral start: the same graph every build
      var angle = i * 2.399963, radius = k * 0.6 * Math.sqrt(i + 1);
      node.x = width / 2 + radius * Math.cos(angle);
      node.y = height / 2 + radius * Math.sin(angle);
    });
    var iterations = Math.max(40, Math.min(300, Math.floor(4e6 / Math.max(n * n, 1))));
    var temperature = width / 8;
    for (var step = 0; step < iterations; step += 1) {
      nodes.forEach(function (node) { node.dx = 0; node.dy = 0; });
      for (var i = 0; i < n; i += 1) {
        for (var j = i + 1; j < n; j += 1) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var distance2 = Math.max(dx * dx + dy * dy, 0.01);
          if (distance2 > 9 * k * k) { continue; }  // far apart: no push, so loners stay near
          var force = (k * k) / distance2;
          a.dx += dx * force; a.dy += dy * force;
          b.dx -= dx * force; b.dy -= dy * force;
        }
      }
      edges.forEach(function (edge) {
        var dx = edge.a.x - edge.b.x, dy = edge.a.y - edge.b.y;
        var distance = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        var pull = distance / k;
        edge.a.dx -= dx * pull; edge.a.dy -= dy * pull;
        edge.b.dx += dx * pull; edge.b.dy += dy * pull;
      });
      nodes.forEach(function (node) {
        node.dx += (width / 2 - node.x) * 0.15;
        node.dy += (height / 2 - node.y) * 0.15;
        var length = Math.max(Math.sqrt(node.dx * node.dx + node.dy * node.dy), 0.01);
        var move = Math.min(length, temperature);
        node.x += (node.dx / length) * move;
        node.y += (node.dy / length) * move;
      });
      temperature = Math.max(temperature * 0.97, 0.5);
    }
  }

  function draw(holder, data, hrefs) {
    var width = holder.clientWidth || 800, height = holder.clientHeight || 560;
    var byId = {};
    var nodes = data.nodes.map(function (node, index) {
      var copy = { id: node.id, name: node.name, circle: node.circle, company: node.company,
                   href: hrefs[index], degree: 0, neighbours: {} };
      byId[node.id] = copy;
      return copy;
    });
    var edges = data.edges.filter(function (edge) { return byId[edge.source] && byId[edge.target]; })
      .map(function (edge) {
        var a = byId[edge.source], b = byId[edge.target];
        a.degree += 1; b.degree += 1;
        a.neighbours[b.id] = true; b.neighbours[a.id] = true;
        return { a: a, b: b, kind: edge.kind };
      });
    layout(nodes, edges, width, height);

    var svg = element("svg", { viewBox: "0 0 " + width + " " + height, "aria-hidden": "true" }, holder);
    var defs = element("defs", {}, svg);
    var marker = element("marker", { id: "kb-arrow", viewBox: "0 0 10 10", refX: "18", refY: "5",
                                     markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" }, defs);
    element("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "currentColor" }, marker);
    var scene = element("g", {}, svg);
    var edgeLayer = element("g", {}, scene), nodeLayer = element("g", {}, scene);
    var colour = function (circle) {
      var index = data.circles.indexOf(circle);
      return index < 0 ? "#868e96" : PALETTE[index % PALETTE.length];
    };
    edges.forEach(function (edge) {
      edge.line = element("line", { "class": edge.kind === "via" ? "kb-via" : "kb-knows" }, edgeLayer);
      if (edge.kind === "via") { edge.line.setAttribute("marker-end", "url(#kb-arrow)"); }
    });
    var showAllLabels = nodes.length <= 80;
    nodes.forEach(function (node) {
      node.group = element("g", { "class": "kb-node", "data-slug": node.id }, nodeLayer);
      node.radius = 5 + Math.sqrt(node.degree) * 2.2;
      element("circle", { r: node.radius, fill: colour(node.circle) }, node.group);
      var title = element("title", {}, node.group);
      title.textContent = node.name + (node.company ? " · " + node.company : "");
      node.label = element("text", { x: node.radius + 3, y: 3.5 }, node.group);
      node.label.textContent = node.name;
      if (!showAllLabels && node.degree < 4) { node.label.style.display = "none"; }
    });

    function place() {
      edges.forEach(function (edge) {
        edge.line.setAttribute("x1", edge.a.x); edge.line.setAttribute("y1", edge.a.y);
        edge.line.setAttribute("x2", edge.b.x); edge.line.setAttribute("y2", edge.b.y);
      });
      nodes.forEach(function (node) {
        node.group.setAttribute("transform", "translate(" + node.x + "," + node.y + ")");
      });
    }
    fit();
    place();

    function fit() {  // scale the layout into the frame, keeping room for labels on the right
      if (!nodes.length) { return; }
      var xs = nodes.map(function (node) { return node.x; });
      var ys = nodes.map(function (node) { return node.y; });
      var left = Math.min.apply(null, xs), top = Math.min.apply(null, ys);
      var spanX = Math.max(Math.max.apply(null, xs) - left, 1);
      var spanY = Math.max(Math.max.apply(null, ys) - top, 1);
      var scale = Math.min((width - 150) / spanX, (height - 40) / spanY, 2);
      var offsetX = (width - 120 - spanX * scale) / 2, offsetY = (height - spanY * scale) / 2;
      nodes.forEach(function (node) {
        node.x = offsetX + (node.x - left) * scale;
        node.y = offsetY + (node.y - top) * scale;
      });
    }

    function highlight(test) {
      nodes.forEach(function (node) {
        var on = !test || test(node);
        node.group.classList.toggle("kb-dim", !on);
        if (!showAllLabels) { node.label.style.display = on && test ? "" : (node.degree < 4 ? "none" : ""); }
      });
      edges.forEach(function (edge) {
        edge.line.classList.toggle("kb-dim", !!test && !(test(edge.a) && test(edge.b)));
      });
    }

    var view = { x: 0, y: 0, scale: 1 };
    function transform() {
      scene.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.scale + ")");
    }
    function point(event) {  // client pixels to the SVG's own units, whatever the viewBox
      var at = svg.createSVGPoint();
      at.x = event.clientX; at.y = event.clientY;
      return at.matrixTransform(svg.getScreenCTM().inverse());
    }
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      var group = event.target.closest ? event.target.closest(".kb-node") : null;
      var node = group ? byId[group.getAttribute("data-slug")] : null;
      drag = { node: node, start: point(event), moved: false, view: { x: view.x, y: view.y } };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var now = point(event), dx = now.x - drag.start.x, dy = now.y - drag.start.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
      if (drag.node) {
        drag.node.x += dx / view.scale; drag.node.y += dy / view.scale;
        drag.start = now;
        place();
      } else {
        view.x = drag.view.x + dx; view.y = drag.view.y + dy;
        transform();
      }
    });
    svg.addEventListener("pointerup", function () {
      if (drag && drag.node && !drag.moved && drag.node.href) { window.location.href = drag.node.href; }
      drag = null;
    });
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var at = point(event), factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
      var scale = Math.min(6, Math.max(0.2, view.scale * factor));
      view.x = at.x - (at.x - view.x) * (scale / view.scale);
      view.y = at.y - (at.y - view.y) * (scale / view.scale);
      view.scale = scale;
      transform();
    }, { passive: false });
    nodeLayer.addEventListener("pointerover", function (event) {
      var group = event.target.closest(".kb-node");
      if (!group || drag) { return; }
      var node = byId[group.getAttribute("data-slug")];
      highlight(function (other) { return other === node || node.neighbours[other.id]; });
    });
    nodeLayer.addEventListener("pointerout", function () { if (!drag) { highlight(null); } });

    var find = document.querySelector(".kb-graph-find");
    if (find) {
      find.addEventListener("input", function () {
        var words = find.value.toLowerCase().trim();
        highlight(words ? function (node) {
          return (node.name + " " + node.company).toLowerCase().indexOf(words) !== -1;
        } : null);
      });
    }

    var legend = document.createElement("div");
    legend.className = "kb-legend";
    data.circles.forEach(function (circle) {
      var item = document.createElement("span");
      item.style.setProperty("--kb-colour", colour(circle));
      item.textContent = circle;
      legend.appendChild(item);
    });
    holder.parentNode.insertBefore(legend, holder.nextSibling);
    holder.setAttribute("data-ready", String(nodes.length));
  }

  function setUp() {
    var holder = document.getElementById("kb-graph");
    var source = document.getElementById("kb-graph-data");
    if (!holder || !source || holder.getAttribute("data-ready")) { return; }
    var hrefs = Array.prototype.map.call(document.querySelectorAll(".kb-graph-people a"), function (a) {
      return a.href;
    });
    draw(holder, JSON.parse(source.textContent), hrefs);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
