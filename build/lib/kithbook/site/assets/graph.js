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
    nodes.forEach(function (node) {
      node.group = element("g", { "class": "kb-node", "data-slug": node.id }, nodeLayer);
      node.radius = 5 + Math.sqrt(node.degree) * 2.2;
      node.dot = element("circle", { r: node.radius, fill: colour(node.circle) }, node.group);
      var title = element("title", {}, node.group);
      title.textContent = node.name + (node.company ? " · " + node.company : "");
      node.label = element("text", { x: node.radius + 3, y: 3.5, "font-size": 10 }, node.group);
      node.label.textContent = node.name;
      node.labelWidth = node.label.getComputedTextLength ? node.label.getComputedTextLength() : 0;
      node.labelWidth = node.labelWidth || node.name.length * 5.6;
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

    function fit() {  // scale the layout into the frame, each axis on its own (a phone is tall)
      if (!nodes.length) { return; }
      var xs = nodes.map(function (node) { return node.x; });
      var ys = nodes.map(function (node) { return node.y; });
      var left = Math.min.apply(null, xs), top = Math.min.apply(null, ys);
      var spanX = Math.max(Math.max.apply(null, xs) - left, 1);
      var spanY = Math.max(Math.max.apply(null, ys) - top, 1);
      var margin = 16, room = Math.min(110, width * 0.22);  // room for the labels on the right
      var scaleX = Math.min((width - 2 * margin - room) / spanX, 3);
      var scaleY = Math.min((height - 2 * margin) / spanY, 3);
      scaleX = Math.min(scaleX, scaleY * 2.5); scaleY = Math.min(scaleY, scaleX * 2.5);
      var offsetX = (width - room - spanX * scaleX) / 2, offsetY = (height - spanY * scaleY) / 2;
      nodes.forEach(function (node) {
        node.x = offsetX + (node.x - left) * scaleX;
        node.y = offsetY + (node.y - top) * scaleY;
      });
    }

    var chosen = null;  // a person picked by hovering, or by the find box: their labels all show
    function placeLabels() {  // labels that would overlap another (or a dot) stay hidden until asked
      var scale = view.scale, taken = [];
      nodes.forEach(function (node) {
        var r = node.radius * scale;
        var x = view.x + node.x * scale, y = view.y + node.y * scale;
        taken.push([x - r, y - r, x + r, y + r]);
      });
      function free(box) {
        if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { return false; }
        return taken.every(function (other) {
          return box[2] <= other[0] || box[0] >= other[2] || box[3] <= other[1] || box[1] >= other[3];
        });
      }
      var order = nodes.slice().sort(function (a, b) { return b.degree - a.degree || a.x - b.x; });
      order.forEach(function (node) {
        node.label.setAttribute("font-size", 10 / scale);
        var x = view.x + node.x * scale, y = view.y + node.y * scale, r = node.radius * scale;
        var w = node.labelWidth, sides = {  // right, left, below, above: the first that is free
          right: [x + r + 2, y - 7, x + r + 4 + w, y + 7],
          left: [x - r - 4 - w, y - 7, x - r - 2, y + 7],
          below: [x - w / 2 - 1, y + r + 1, x + w / 2 + 1, y + r + 13],
          above: [x - w / 2 - 1, y - r - 13, x + w / 2 + 1, y - r - 1]
        };
        var side = ["right", "left", "below", "above"].filter(function (name) {
          return free(sides[name]);
        })[0] || null;
        if (!side && chosen && chosen(node)) { side = x + r + w < width ? "right" : "left"; }
        node.label.style.display = side ? "" : "none";
        if (!side) { return; }
        taken.push(sides[side]);
        var gap = (node.radius + 3 / scale);
        var anchor = { right: "start", left: "end", below: "middle", above: "middle" }[side];
        var at = { right: [gap, 3.5 / scale], left: [-gap, 3.5 / scale],
                   below: [0, node.radius + 10 / scale], above: [0, -node.radius - 4 / scale] }[side];
        node.label.setAttribute("text-anchor", anchor);
        node.label.setAttribute("x", at[0]);
        node.label.setAttribute("y", at[1]);
      });
    }

    var pending = false;
    function laterLabels() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; placeLabels(); });
    }

    var view = { x: 0, y: 0, scale: 1 };
    fit();
    place();
    placeLabels();

    function highlight(test) {
      nodes.forEach(function (node) {
        node.group.classList.toggle("kb-dim", !!test && !test(node));
      });
      edges.forEach(function (edge) {
        edge.line.classList.toggle("kb-dim", !!test && !(test(edge.a) && test(edge.b)));
      });
      chosen = test;
      placeLabels();
    }

    function transform() {
      scene.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.scale + ")");
    }
    function point(event) {  // client pixels to the SVG's own units, whatever the viewBox
      var at = svg.createSVGPoint();
      at.x = event.clientX; at.y = event.clientY;
      return at.matrixTransform(svg.getScreenCTM().inverse());
    }
    function zoom(at, factor) {  // zoom by `factor` around the point `at` (SVG units)
      var scale = Math.min(6, Math.max(0.2, view.scale * factor));
      view.x = at.x - (at.x - view.x) * (scale / view.scale);
      view.y = at.y - (at.y - view.y) * (scale / view.scale);
      view.scale = scale;
      transform();
    }
    var drag = null, touches = {}, pinch = null;
    function spread() {  // the two fingers of a pinch: their distance and middle
      var ids = Object.keys(touches), a = touches[ids[0]], b = touches[ids[1]];
      return { distance: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1),
               middle: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
    }
    svg.addEventListener("pointerdown", function (event) {
      var group = event.target.closest ? event.target.closest(".kb-node") : null;
      var node = group ? byId[group.getAttribute("data-slug")] : null;
      touches[event.pointerId] = point(event);
      svg.setPointerCapture(event.pointerId);
      if (Object.keys(touches).length === 2) {  // a second finger: pinch to zoom, no drag
        drag = null;
        pinch = spread();
        return;
      }
      drag = { node: node, start: point(event), moved: false, view: { x: view.x, y: view.y } };
    });
    svg.addEventListener("pointermove", function (event) {
      if (touches[event.pointerId]) { touches[event.pointerId] = point(event); }
      if (pinch && Object.keys(touches).length === 2) {
        var now = spread();
        zoom(now.middle, now.distance / pinch.distance);
        pinch = now;
        laterLabels();
        return;
      }
      if (!drag) { return; }
      var at = point(event), dx = at.x - drag.start.x, dy = at.y - drag.start.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
      if (drag.node) {
        drag.node.x += dx / view.scale; drag.node.y += dy / view.scale;
        drag.start = at;
        place();
      } else {
        view.x = drag.view.x + dx; view.y = drag.view.y + dy;
        transform();
      }
    });
    function release(event) {
      delete touches[event.pointerId];
      if (pinch) {
        if (!Object.keys(touches).length) { pinch = null; placeLabels(); }
        return;
      }
      if (event.type === "pointerup" && drag && drag.node && !drag.moved && drag.node.href) {
        window.location.href = drag.node.href;  // a click, or a tap on a phone, opens the page
      }
      if (drag && drag.moved) { placeLabels(); }
      drag = null;
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(point(event), event.deltaY < 0 ? 1.15 : 1 / 1.15);
      laterLabels();  // once per frame, however fast the wheel turns
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
