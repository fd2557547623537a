// newsgraph explorer: plain JavaScript, no libraries. Talks to the typed
// GraphQL API at /graphql and to Cayley's API at /api/v2/query.
"use strict";

(function () {
  // ---------- helpers ----------

  var SVGNS = "http://www.w3.org/2000/svg";

  // el builds an element: el("a", {href: "#"}, "text", child…). Text is
  // always inserted as text, never as HTML.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }
  function setAttrs(e, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "class") e.setAttribute("class", v);
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : String(v));
    });
  }
  function append(e, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { append(e, x); }); return; }
    if (typeof c === "string" || typeof c === "number") c = document.createTextNode(String(c));
    e.appendChild(c);
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function $(id) { return document.getElementById(id); }

  function status(msg, isError) {
    var s = $("status");
    s.textContent = msg || "";
    s.className = "status" + (isError ? " error" : "");
  }

  function gql(query, variables) {
    return fetch("graphql", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({query: query, variables: variables || {}})
    }).then(function (r) { return r.json(); }).then(function (r) {
      if (r.errors && r.errors.length) throw new Error(r.errors.map(function (e) { return e.message; }).join("; "));
      return r.data;
    });
  }

  function entityHref(id) { return "#/entity/" + encodeURIComponent(id); }
  function eventHref(id) { return "#/event/" + encodeURIComponent(id); }
  function entityLink(ref) {
    return el("a", {href: entityHref(ref.id), class: "ent cls-" + ref.class, title: ref.class}, ref.name || ref.id);
  }
  function joinNodes(nodes, sep) {
    var out = [];
    nodes.forEach(function (n, i) { if (i) out.push(sep || ", "); out.push(n); });
    return out;
  }
  function range(lo, hi) {
    if (lo === null || lo === undefined) return null;
    if (hi !== null && hi !== undefined && hi !== lo) return lo + "–" + hi;
    return String(lo);
  }
  function shortID(iri) { return iri.replace(/^.*\/(event|entity)\//, ""); }

  var TYPE_COLORS = {
    Attack: "#c0392b", Condemn: "#8e44ad", Summon: "#2c3e50", Demand: "#d35400",
    RecallAmbassador: "#16a085", OfferMediation: "#27ae60", Appeal: "#2980b9",
    Meet: "#7f8c8d", CancelVisit: "#b9770e", Threaten: "#e74c3c", Arrest: "#5d6d7e", Protest: "#a04000"
  };
  function typeColor(t) { return TYPE_COLORS[t] || "#555"; }

  var EVENT_FIELDS = "id type subtype cameo date dateText killed killedMax injured injuredMax weapons targetText operation confidence " +
    "actors { id name class } agents { id name class } targets { id name class } " +
    "places { id name class lat lon country } country { id name class } retaliationFor { id type subtype date } " +
    "sources { doc { id } title url source published killed injured date evidence { sentence start end text } } " +
    "evidence { sentence text }";

  // ---------- state ----------

  var state = {
    events: [],        // every event, loaded once
    stats: null,
    countries: [],
    world: null,       // map outlines, loaded on first use
    selected: null,    // id of the event shown in the timeline's detail
    filtered: null     // the events the filters select, once asked
  };

  // ---------- start ----------

  function start() {
    status("Loading the graph…");
    gql("{ stats { documents quads events { name count } entities { name count } } " +
        "events { totalCount nodes { " + EVENT_FIELDS + " } } " +
        "entities(class: Country) { nodes { id name } } }").then(function (d) {
      state.stats = d.stats;
      state.events = d.events.nodes;
      state.countries = d.entities.nodes;
      var nEnt = d.stats.entities.reduce(function (a, c) { return a + c.count; }, 0);
      $("stats").textContent = d.stats.documents + " documents · " + d.events.totalCount + " events · " + nEnt + " entities · " + d.stats.quads + " quads";
      fillFilters();
      status("");
      window.addEventListener("hashchange", route);
      route();
    }).catch(function (err) { status("Could not load the graph: " + err.message, true); });
  }

  function fillFilters() {
    var types = {};
    state.events.forEach(function (e) { types[e.type] = true; });
    Object.keys(types).sort().forEach(function (t) { $("f-type").appendChild(el("option", {value: t}, t)); });
    var actors = {};
    state.events.forEach(function (e) { e.actors.concat(e.agents).forEach(function (a) { actors[a.name] = true; }); });
    Object.keys(actors).sort().forEach(function (a) { $("actor-list").appendChild(el("option", {value: a})); });
    state.countries.forEach(function (c) { $("f-country").appendChild(el("option", {value: c.name}, c.name)); });
    state.stats.entities.forEach(function (c) { $("e-class").appendChild(el("option", {value: c.name}, c.name + " (" + c.count + ")")); });
    $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); applyFilters(); });
    $("f-type").addEventListener("change", applyFilters);
    $("f-country").addEventListener("change", applyFilters);
    $("f-actor").addEventListener("change", applyFilters);
    $("f-since").addEventListener("change", applyFilters);
    $("f-until").addEventListener("change", applyFilters);
    $("f-clear").addEventListener("click", function () {
      $("f-type").value = ""; $("f-actor").value = ""; $("f-country").value = "";
      $("f-since").value = ""; $("f-until").value = "";
      applyFilters();
    });
  }

  // ---------- routing ----------

  var VIEWS = ["timeline", "graph", "map", "entities", "entity", "event", "query"];
  var rendered = {};

  function route() {
    var h = location.hash.replace(/^#\/?/, "");
    var parts = h.split("/");
    var view = parts[0] || "timeline";
    var arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : "";
    if (VIEWS.indexOf(view) < 0) view = "timeline";
    VIEWS.forEach(function (v) { $("view-" + v).hidden = v !== view; });
    Array.prototype.forEach.call(document.querySelectorAll("#nav a"), function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === view);
    });
    document.body.setAttribute("data-view", view);
    switch (view) {
      case "timeline": if (!rendered.timeline) { rendered.timeline = true; applyFilters(); } break;
      case "graph": if (!rendered.graph) { rendered.graph = true; renderGraph(); } break;
      case "map": if (!rendered.map) { rendered.map = true; renderMap(); } else if (mapView) drawPoints(); break;
      case "entities": if (!rendered.entities) { rendered.entities = true; initEntities(); } break;
      case "entity": renderEntity(arg); break;
      case "event": renderEventPage(arg); break;
      case "query": if (!rendered.query) { rendered.query = true; initQuery(); } break;
    }
  }

  // ---------- timeline ----------

  // filterSeq numbers the requests of applyFilters: only the latest one's
  // answer is shown, so that an earlier request answered late (the first
  // page load's, say) cannot overwrite what the current filters select.
  var filterSeq = 0;

  // applyFilters asks which events the filters select and shows them on
  // the timeline and the map.
  function applyFilters() {
    var seq = ++filterSeq;
    var vars = {type: $("f-type").value || null, actor: $("f-actor").value.trim() || null, country: $("f-country").value || null,
      since: $("f-since").value || null, until: $("f-until").value || null};
    var q = "query($type: EventType, $actor: String, $country: String, $since: Date, $until: Date) { " +
      "events(type: $type, actor: $actor, country: $country, since: $since, until: $until) { totalCount nodes { id } } }";
    $("f-csv").href = tableHref("events.csv", vars);
    gql(q, vars).then(function (d) {
      if (seq !== filterSeq) return; // a later request's answer is, or will be, shown
      var keep = {};
      d.events.nodes.forEach(function (n) { keep[n.id] = true; });
      var evs = state.events.filter(function (e) { return keep[e.id]; });
      state.filtered = evs;
      $("f-count").textContent = d.events.totalCount + " event" + (d.events.totalCount === 1 ? "" : "s");
      renderTimeline(evs);
      updateMap();
    }).catch(function (err) { status(err.message, true); });
  }

  // tableHref is the link that downloads the events the filters select as
  // a CSV table (newsgraph events --format csv, served by newsgraph serve).
  function tableHref(path, vars) {
    var params = Object.keys(vars).filter(function (k) { return vars[k]; }).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(vars[k]);
    });
    return path + (params.length ? "?" + params.join("&") : "");
  }

  // dayOf turns an ISO date (day, month or year) into a Date at its start.
  function dayOf(s) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s || "");
    if (!m) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
  }

  function eventTitle(e) {
    var t = e.type + (e.subtype ? " (" + e.subtype + ")" : "");
    return t;
  }

  function whoWhom(e) {
    var doers = e.actors.length ? e.actors : e.agents;
    var parts = [];
    parts.push(doers.length ? joinNodes(doers.map(entityLink)) : el("span", {class: "muted"}, "?"));
    var targets = e.targets.map(entityLink).concat((e.targetText || []).map(function (t) { return el("span", {class: "ent-text"}, t); }));
    if (targets.length) { parts.push(el("span", {class: "arrow"}, " → ")); parts.push(joinNodes(targets)); }
    return parts;
  }

  function renderTimeline(evs) {
    renderAxis(evs);
    var list = clear($("timeline-list"));
    var lastDate = null;
    evs.forEach(function (e) {
      var d = e.date || "undated";
      if (d !== lastDate) {
        list.appendChild(el("li", {class: "date-head"}, e.date || "Undated"));
        lastDate = d;
      }
      var killed = range(e.killed, e.killedMax);
      var place = e.places.length ? e.places.map(function (p) { return p.name; }).join(", ") : (e.country ? e.country.name : "");
      var row = el("li", {
          class: "event-row" + (state.selected === e.id ? " selected" : ""),
          "data-id": e.id, "data-date": e.date || "", "data-type": e.type,
          "data-actors": e.actors.concat(e.agents).map(function (a) { return a.name; }).join("|"),
          tabindex: "0", role: "button", "aria-label": eventTitle(e) + " " + (e.date || "")
        },
        el("span", {class: "badge", "data-type": e.type}, e.type),
        el("span", {class: "subtype"}, e.subtype || ""),
        el("span", {class: "who"}, whoWhom(e)),
        el("span", {class: "where muted"}, place),
        el("span", {class: "figs"}, killed !== null ? killed + " killed" : ""),
        el("span", {class: "nsrc muted"}, e.sources.length + " source" + (e.sources.length === 1 ? "" : "s")));
      row.querySelector(".badge").style.background = typeColor(e.type);
      row.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) return; // entity links navigate
        selectEvent(e.id);
      });
      row.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); selectEvent(e.id); } });
      list.appendChild(row);
    });
    if (!evs.length) list.appendChild(el("li", {class: "muted"}, "No event matches."));
    if (state.selected && !evs.some(function (e) { return e.id === state.selected; })) {
      state.selected = null;
      clear($("event-detail")).appendChild(el("p", {class: "muted"}, "Pick an event to see who reports it."));
    }
  }

  function renderAxis(evs) {
    var box = clear($("timeline-axis"));
    var perDate = {}, tallest = 1;
    evs.forEach(function (e) { if (e.date) { perDate[e.date] = (perDate[e.date] || 0) + 1; tallest = Math.max(tallest, perDate[e.date]); } });
    var W = box.clientWidth || 900, H = Math.max(120, 56 + tallest * 13), padL = 30, padR = 30, base = H - 28;
    box.setAttribute("viewBox", "0 0 " + W + " " + H);
    box.style.height = H + "px";
    var dated = evs.filter(function (e) { return dayOf(e.date); });
    var legend = clear($("legend"));
    var seenTypes = {};
    evs.forEach(function (e) { seenTypes[e.type] = true; });
    Object.keys(seenTypes).sort().forEach(function (t) {
      var sw = el("span", {class: "sw"});
      sw.style.background = typeColor(t);
      legend.appendChild(el("span", {class: "legend-item"}, sw, t));
    });
    var undated = evs.length - dated.length;
    if (!dated.length) {
      box.appendChild(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted-fill"}, "no dated events"));
      return;
    }
    // one slot per distinct date, in order: the few days of a crisis stay
    // readable next to a month-old event
    var slots = [];
    dated.forEach(function (e) { if (slots.indexOf(e.date) < 0) slots.push(e.date); });
    slots.sort();
    var slotW = (W - padL - padR) / slots.length;
    var x = function (date) { return padL + slotW * (slots.indexOf(date) + 0.5); };
    box.appendChild(svg("line", {x1: padL, x2: W - padR, y1: base, y2: base, class: "axis"}));
    slots.forEach(function (d, i) {
      box.appendChild(svg("line", {x1: x(d), x2: x(d), y1: base, y2: base + 5, class: "axis"}));
      var prev = i ? slots[i - 1] : "";
      var label = prev && prev.slice(0, 7) === d.slice(0, 7) && d.length === 10 ? d.slice(5) : d;
      box.appendChild(svg("text", {x: x(d), y: base + 18, "text-anchor": "middle", class: "tick"}, label));
    });
    var stack = {};
    dated.forEach(function (e) {
      var precise = /^\d{4}-\d{2}-\d{2}$/.test(e.date);
      var cx = x(e.date);
      var k = e.date;
      stack[k] = (stack[k] || 0) + 1;
      var cy = base - 8 - (stack[k] - 1) * 13;
      var c = svg(precise ? "circle" : "rect", precise ?
        {cx: cx, cy: cy, r: 5.5, fill: typeColor(e.type), class: "dot" + (state.selected === e.id ? " selected" : ""), "data-id": e.id} :
        {x: cx - 5, y: cy - 5, width: 10, height: 10, fill: "none", stroke: typeColor(e.type), "stroke-width": 2, class: "dot", "data-id": e.id},
        svg("title", null, (e.date || "") + " " + eventTitle(e) + ": " + e.actors.map(function (a) { return a.name; }).join(", ") +
          (e.targets.length ? " → " + e.targets.map(function (a) { return a.name; }).join(", ") : "")));
      c.addEventListener("click", function () { selectEvent(e.id); });
      box.appendChild(c);
    });
    if (undated) box.appendChild(svg("text", {x: W - padR, y: 14, "text-anchor": "end", class: "tick"}, "+ " + undated + " undated (listed below)"));
    box.appendChild(svg("text", {x: padL, y: 14, class: "tick"}, "● dated to the day   □ to the month or year   (one column per date)"));
  }

  function selectEvent(id) {
    state.selected = id;
    Array.prototype.forEach.call(document.querySelectorAll(".event-row"), function (r) {
      r.classList.toggle("selected", r.getAttribute("data-id") === id);
    });
    Array.prototype.forEach.call(document.querySelectorAll("#timeline-axis .dot"), function (r) {
      r.classList.toggle("selected", r.getAttribute("data-id") === id);
    });
    var e = findEvent(id);
    var box = clear($("event-detail"));
    if (e) box.appendChild(eventDetail(e, []));
  }

  function findEvent(id) {
    for (var i = 0; i < state.events.length; i++) if (state.events[i].id === id) return state.events[i];
    return null;
  }

  // eventDetail renders an event with its sources; highlight lists words to
  // mark in the evidence sentences.
  function eventDetail(e, highlight) {
    var killed = range(e.killed, e.killedMax), injured = range(e.injured, e.injuredMax);
    var rows = [
      ["Date", (e.date || "unknown") + (e.dateText ? " (“" + e.dateText + "”)" : "")],
      ["Actors", e.actors.length ? joinNodes(e.actors.map(entityLink)) : "?"],
      e.agents.length ? ["Acting for them", joinNodes(e.agents.map(entityLink))] : null,
      ["Targets", e.targets.length || (e.targetText || []).length ? joinNodes(e.targets.map(entityLink).concat((e.targetText || []).map(function (t) { return el("span", null, t); }))) : "—"],
      ["Places", e.places.length ? joinNodes(e.places.map(entityLink)) : "—"],
      e.country ? ["Country", entityLink(e.country)] : null,
      e.weapons.length ? ["Weapons", e.weapons.join(", ")] : null,
      ["Killed", el("span", {class: "killed"}, killed !== null ? killed : "—")],
      ["Injured", el("span", {class: "injured"}, injured !== null ? injured : "—")],
      e.cameo ? ["CAMEO", e.cameo] : null,
      e.operation ? ["Operation", e.operation] : null,
      e.retaliationFor ? ["Retaliation for", el("a", {href: eventHref(e.retaliationFor.id)}, e.retaliationFor.type + (e.retaliationFor.subtype ? " (" + e.retaliationFor.subtype + ")" : "") + " " + (e.retaliationFor.date || ""))] : null,
      ["Confidence", e.confidence.toFixed(2)]
    ];
    var dl = el("dl", {class: "facts"});
    rows.forEach(function (r) { if (r) { dl.appendChild(el("dt", null, r[0])); dl.appendChild(el("dd", null, r[1])); } });
    var words = highlight.slice();
    e.actors.concat(e.agents, e.targets, e.places).forEach(function (r) { words.push(r.name); });
    var sources = el("ol", {class: "sources"});
    e.sources.forEach(function (s) {
      sources.appendChild(el("li", {class: "source", "data-doc": s.doc.id},
        sourceHead(s),
        el("div", {class: "claim"},
          "says: ", el("span", {class: "claim-date"}, "date " + (s.date || "—")), " · ",
          el("span", {class: "claim-killed"}, "killed " + (s.killed !== null ? s.killed : "—")), " · ",
          el("span", {class: "claim-injured"}, "injured " + (s.injured !== null ? s.injured : "—"))),
        s.evidence.map(function (ev) { return el("blockquote", {class: "evidence", title: "sentence " + ev.sentence + ", bytes " + ev.start + "–" + ev.end}, highlightText(ev.text, words)); })));
    });
    var title = el("h2", null, el("span", {class: "badge"}, e.type), " ", e.subtype || "", " ", el("span", {class: "muted"}, e.date || ""));
    title.querySelector(".badge").style.background = typeColor(e.type);
    return el("div", {class: "event-detail", "data-id": e.id},
      title,
      el("p", {class: "who-line"}, whoWhom(e)),
      dl,
      el("h3", null, el("span", {class: "nsources"}, String(e.sources.length)), " source" + (e.sources.length === 1 ? "" : "s")),
      sources,
      el("p", {class: "muted small"}, el("a", {href: eventHref(e.id)}, "permalink"), " · ", shortID(e.id)));
  }

  // sourceHead cites a source: its headline (linked to its URL), outlet and
  // publication date where the input gave them, and its document id.
  function sourceHead(s) {
    var headline = s.title || s.doc.id;
    return el("div", {class: "source-head"},
      /^https?:\/\//i.test(s.url || "") ? el("a", {class: "source-title", href: s.url, rel: "noreferrer noopener", target: "_blank"}, headline)
            : el("strong", {class: "source-title"}, headline),
      s.source ? [" — ", el("span", {class: "source-outlet"}, s.source)] : null,
      s.published ? [", ", el("span", {class: "source-published"}, s.published)] : null,
      s.title ? el("span", {class: "muted source-doc"}, " (" + s.doc.id + ")") : null);
  }

  // highlightText returns nodes with every occurrence of words marked.
  function highlightText(text, words) {
    var ws = words.filter(function (w) { return w && w.length > 1; }).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!ws.length) return text;
    ws.sort(function (a, b) { return b.length - a.length; });
    var re = new RegExp("(" + ws.join("|") + ")", "gi");
    var out = [], last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) out.push(text.slice(last, m.index));
      out.push(el("mark", null, m[0]));
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  function renderEventPage(id) {
    var box = clear($("view-event"));
    var e = findEvent(id);
    if (!e) { box.appendChild(el("p", null, "No such event: " + id)); return; }
    box.appendChild(el("p", null, el("a", {href: "#/timeline"}, "← timeline")));
    box.appendChild(eventDetail(e, []));
  }

  // ---------- graph ----------

  function renderGraph() {
    var box = $("graph");
    var draw = function () { drawGraph(box, $("g-all").checked); };
    $("g-all").addEventListener("change", draw);
    draw();
  }

  function drawGraph(box, all) {
    clear(box);
    var W = box.clientWidth || 1000, H = Math.max(520, Math.round(W * 0.6));
    box.setAttribute("viewBox", "0 0 " + W + " " + H);
    var evs = state.events.filter(function (e) { return all || e.type === "Attack"; });
    var nodes = [], byKey = {}, links = [];
    function node(key, props) {
      if (!byKey[key]) { props.key = key; props.deg = 0; byKey[key] = props; nodes.push(props); }
      return byKey[key];
    }
    evs.forEach(function (e) {
      var en = node("e:" + e.id, {kind: "event", ev: e, label: (e.subtype || e.type) + (e.date ? " " + e.date : "")});
      var doers = e.actors.length ? e.actors : e.agents;
      doers.forEach(function (a) { var n = node(a.id, {kind: "entity", ref: a, label: a.name}); links.push({s: n, t: en, kind: "actor", type: e.type}); });
      e.targets.forEach(function (a) { var n = node(a.id, {kind: "entity", ref: a, label: a.name}); links.push({s: en, t: n, kind: "target", type: e.type}); });
    });
    evs.forEach(function (e) {
      if (e.retaliationFor && byKey["e:" + e.retaliationFor.id]) links.push({s: byKey["e:" + e.id], t: byKey["e:" + e.retaliationFor.id], kind: "retaliation"});
    });
    links.forEach(function (l) { l.s.deg++; l.t.deg++; });
    if (!nodes.length) { box.appendChild(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, "no events")); return; }
    // deterministic start on a circle, then a force layout
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / nodes.length;
      n.x = W / 2 + Math.cos(a) * W * 0.35; n.y = H / 2 + Math.sin(a) * H * 0.35; n.vx = 0; n.vy = 0;
    });
    var k = Math.sqrt(W * H / nodes.length) * 0.55;
    for (var it = 0; it < 400; it++) {
      var temp = 1 - it / 400;
      for (var i = 0; i < nodes.length; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < nodes.length; j++) {
          var b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, d = Math.sqrt(d2);
          var f = k * k / d2;
          a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
        }
      }
      links.forEach(function (l) {
        var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d - k * 0.8) / d * 0.08;
        l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.004; n.vy += (H / 2 - n.y) * 0.004;
        var sp = Math.sqrt(n.vx * n.vx + n.vy * n.vy), max = 30 * temp + 1;
        if (sp > max) { n.vx *= max / sp; n.vy *= max / sp; }
        n.x = Math.min(W - 60, Math.max(60, n.x + n.vx)); n.y = Math.min(H - 25, Math.max(25, n.y + n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }
    var defs = svg("defs", null,
      svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#777"})),
      svg("marker", {id: "arrow-r", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#c0392b"})));
    box.appendChild(defs);
    var gl = svg("g", {class: "links"}), gn = svg("g", {class: "nodes"});
    box.appendChild(gl); box.appendChild(gn);
    function radius(n) { return n.kind === "event" ? 7 : 7 + Math.min(10, n.deg * 1.5); }
    links.forEach(function (l) {
      var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rt = radius(l.t) + 2;
      var x2 = l.t.x - dx / d * rt, y2 = l.t.y - dy / d * rt;
      var attrs = {x1: l.s.x, y1: l.s.y, x2: x2, y2: y2, class: "link link-" + l.kind};
      if (l.kind !== "actor") attrs["marker-end"] = l.kind === "retaliation" ? "url(#arrow-r)" : "url(#arrow)";
      if (l.kind !== "retaliation") attrs.stroke = typeColor(l.type);
      gl.appendChild(svg("line", attrs, svg("title", null, l.kind === "retaliation" ? "retaliation for" : l.kind)));
    });
    nodes.forEach(function (n) {
      var g;
      if (n.kind === "event") {
        var r = radius(n);
        g = svg("a", {href: eventHref(n.ev.id), class: "gnode gevent", "data-id": n.ev.id},
          svg("path", {d: "M" + n.x + "," + (n.y - r) + " L" + (n.x + r) + "," + n.y + " L" + n.x + "," + (n.y + r) + " L" + (n.x - r) + "," + n.y + " z", fill: typeColor(n.ev.type)}),
          svg("text", {x: n.x + r + 3, y: n.y + 4, class: "glabel small"}, n.label),
          svg("title", null, eventTitle(n.ev) + " " + (n.ev.date || "") + ", " + n.ev.sources.length + " sources"));
      } else {
        g = svg("a", {href: entityHref(n.ref.id), class: "gnode gentity cls-" + n.ref.class, "data-id": n.ref.id},
          svg("circle", {cx: n.x, cy: n.y, r: radius(n)}),
          svg("text", {x: n.x, y: n.y - radius(n) - 4, "text-anchor": "middle", class: "glabel"}, n.label),
          svg("title", null, n.ref.name + " (" + n.ref.class + ")"));
      }
      gn.appendChild(g);
    });
  }

  // ---------- map ----------
  //
  // The map shows events, not places: one marker per event at its most
  // specific located place, coloured by type and sized by its casualties,
  // for the events the filters (type, actor, country, dates) select. Place
  // names label the markers where they fit: layoutLabels places them by
  // priority and drops those that would cover another.

  var mapView = null;

  function renderMap() {
    status("Loading the map…");
    (state.world ? Promise.resolve(state.world) : fetch("world.json").then(function (r) { return r.json(); })).then(function (w) {
      state.world = w;
      status("");
      drawMap();
      if (state.filtered) updateMap(); else applyFilters();
    }).catch(function (err) { status("Map: " + err.message, true); });
  }

  // centroid of the largest ring of a country outline
  function countryCentre(name) {
    if (!state.world) return null;
    var c = null;
    state.world.countries.forEach(function (x) { if (x.name.toLowerCase() === (name || "").toLowerCase()) c = x; });
    if (!c) return null;
    var best = null, bestN = 0;
    c.rings.forEach(function (r) { if (r.length > bestN) { best = r; bestN = r.length; } });
    var sx = 0, sy = 0, n = best.length / 2;
    for (var i = 0; i < best.length; i += 2) { sx += best[i]; sy += best[i + 1]; }
    return [sx / n, sy / n];
  }

  function hasCoords(p) { return p.lat !== null && p.lat !== undefined && p.lon !== null && p.lon !== undefined; }

  // placeRank orders places from the most specific (1: a town, a base) to
  // the least (3: a country).
  function placeRank(p) { return p["class"] === "Country" ? 3 : p["class"] === "Region" ? 2 : 1; }

  // eventLocation is where the map puts e: its most specific place with
  // coordinates (approx when that is a country's representative point),
  // else the centre of its country's outline (approx), else null.
  function eventLocation(e) {
    var best = null;
    e.places.forEach(function (p) {
      if (hasCoords(p) && (!best || placeRank(p) < placeRank(best))) best = p;
    });
    // A country's point (from the reference data) is approximate too.
    if (best) return {ref: best, lon: best.lon, lat: best.lat, approx: placeRank(best) === 3};
    var countries = e.places.filter(function (p) { return p["class"] === "Country"; });
    if (e.country) countries.push(e.country);
    for (var i = 0; i < countries.length; i++) {
      var c = countryCentre(countries[i].name);
      if (c) return {ref: countries[i], lon: c[0], lat: c[1], approx: true};
    }
    return null;
  }

  // mapPlaces groups the located events of evs by place.
  function mapPlaces(evs) {
    var byID = {}, out = [];
    evs.forEach(function (e) {
      var loc = eventLocation(e);
      if (!loc) return;
      var p = byID[loc.ref.id];
      if (!p) { p = byID[loc.ref.id] = loc; loc.events = []; out.push(loc); }
      p.events.push(e);
    });
    out.sort(function (a, b) { return b.events.length - a.events.length || a.ref.name.localeCompare(b.ref.name); });
    return out;
  }

  // killedOf is the highest death toll the sources give for e (0 if none).
  function killedOf(e) {
    var k = e.killedMax !== null && e.killedMax !== undefined ? e.killedMax : e.killed;
    return k > 0 ? k : 0;
  }

  // markerRadius is an event marker's radius in pixels: its area grows
  // with the number killed (square-root scale), capped.
  function markerRadius(e) { return Math.min(18, 4 + 1.6 * Math.sqrt(killedOf(e))); }

  // spreadMarkers lays the events of one place around it: a single event
  // on the place, several on a ring just long enough for them all, the
  // largest first. It returns {markers: [{e, dx, dy, r}], extent} in
  // pixels, extent the radius the group covers. Pure.
  function spreadMarkers(evs) {
    var ms = evs.map(function (e) { return {e: e, r: markerRadius(e), dx: 0, dy: 0}; });
    ms.sort(function (a, b) { return b.r - a.r || (a.e.id < b.e.id ? -1 : 1); });
    var maxR = ms.length ? ms[0].r : 0, ring = 0;
    if (ms.length > 1) {
      var around = ms.reduce(function (s, m) { return s + 2 * m.r + 1; }, 0) + 2 * maxR;
      ring = Math.max(maxR + 1, around / (2 * Math.PI));
      ms.forEach(function (m, i) {
        var a = 2 * Math.PI * i / ms.length - Math.PI / 2;
        m.dx = Math.cos(a) * ring; m.dy = Math.sin(a) * ring;
      });
    }
    return {markers: ms, extent: ring + maxR};
  }

  // boxesOverlap tells whether two boxes {x, y, w, h} overlap.
  function boxesOverlap(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function boxInside(a, b) {
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
  }

  // labelCandidates are the boxes a label of size w×h may take beside a
  // point group of radius r at (x, y): right, left, above, below.
  function labelCandidates(l) {
    var g = 3;
    return [
      {side: "right", x: l.x + l.r + g, y: l.y - l.h / 2, w: l.w, h: l.h},
      {side: "left", x: l.x - l.r - g - l.w, y: l.y - l.h / 2, w: l.w, h: l.h},
      {side: "above", x: l.x - l.w / 2, y: l.y - l.r - g - l.h, w: l.w, h: l.h},
      {side: "below", x: l.x - l.w / 2, y: l.y + l.r + g, w: l.w, h: l.h}
    ];
  }

  // layoutLabels places labels {id, x, y, r, w, h, priority} (a point, the
  // radius of what is drawn there, the label's size) in pixels, highest
  // priority first: each takes the first candidate position that stays in
  // bounds and covers no label placed before it, nor any obstacle box if
  // some position allows; a label with no such position is dropped. It
  // returns, in the order of labels, {id, visible, side, x, y, w, h}.
  // Pure: it reads only its arguments.
  function layoutLabels(labels, bounds, obstacles) {
    obstacles = obstacles || [];
    var order = labels.map(function (l, i) { return i; });
    order.sort(function (i, j) {
      var a = labels[i], b = labels[j];
      return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : i - j);
    });
    var placed = [], out = new Array(labels.length);
    var free = function (box, avoid) {
      return boxInside(box, bounds) && !avoid.some(function (o) { return boxesOverlap(box, o); });
    };
    order.forEach(function (i) {
      var l = labels[i], cands = labelCandidates(l);
      var pick = cands.filter(function (c) { return free(c, placed) && free(c, obstacles); })[0] ||
        cands.filter(function (c) { return free(c, placed); })[0];
      if (pick) placed.push(pick);
      out[i] = pick ? {id: l.id, visible: true, side: pick.side, x: pick.x, y: pick.y, w: pick.w, h: pick.h} :
        {id: l.id, visible: false};
    });
    return out;
  }

  // measureLabel gives the size in pixels of text set at size px in the
  // map's font, with the ascent to place its baseline.
  var measureCtx = null;
  function measureLabel(text, size) {
    if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
    measureCtx.font = size + "px " + getComputedStyle(document.body).fontFamily;
    var m = measureCtx.measureText(text);
    var asc = m.fontBoundingBoxAscent || size * 0.9, desc = m.fontBoundingBoxDescent || size * 0.25;
    return {w: m.width, h: asc + desc, ascent: asc};
  }

  function drawMap() {
    var box = clear($("map"));
    var W = box.clientWidth || 1000, H = Math.round(W * 0.5);
    box.style.height = H + "px";
    // equirectangular: x = lon, y = -lat, in degrees; the viewBox zooms
    var gw = svg("g", {class: "world"});
    state.world.countries.forEach(function (c) {
      var d = c.rings.map(function (r) {
        var s = "M" + r[0] + "," + (-r[1]);
        for (var i = 2; i < r.length; i += 2) s += "L" + r[i] + "," + (-r[i + 1]);
        return s + "Z";
      }).join("");
      gw.appendChild(svg("path", {d: d, class: "country", "data-name": c.name}, svg("title", null, c.name)));
    });
    box.appendChild(gw);
    var grid = svg("g", {class: "grid"});
    for (var lon = -180; lon <= 180; lon += 10) grid.appendChild(svg("line", {x1: lon, x2: lon, y1: -90, y2: 90}));
    for (var lat = -80; lat <= 80; lat += 10) grid.appendChild(svg("line", {x1: -180, x2: 180, y1: -lat, y2: -lat}));
    box.appendChild(grid);
    var gp = svg("g", {class: "points"});
    box.appendChild(gp);
    mapView = {box: box, W: W, H: H, places: [], gp: gp, fitted: false};
    setView(-180, -85, 360, 170);
    setupMapControls();
  }

  // updateMap shows the events the filters select.
  function updateMap() {
    if (!mapView || !state.filtered) return;
    mapView.places = mapPlaces(state.filtered);
    renderMapTable(mapView.places);
    renderMapLegend(mapView.places);
    if (!mapView.fitted && mapView.places.length) { mapView.fitted = true; fitMap(mapView.places); } else drawPoints();
  }

  function renderMapTable(places) {
    var table = clear($("map-places"));
    table.appendChild(el("thead", null, el("tr", null, el("th", null, "Place"), el("th", null, "Class"), el("th", null, "Lat, lon"), el("th", null, "Events"))));
    var tb = el("tbody");
    places.forEach(function (p) {
      tb.appendChild(el("tr", null, el("td", null, entityLink(p.ref)), el("td", null, p.ref["class"]),
        el("td", null, p.lat.toFixed(2) + ", " + p.lon.toFixed(2) + (p.approx ? " (the country as a whole)" : "")),
        el("td", null, String(p.events.length))));
    });
    table.appendChild(tb);
  }

  // renderMapLegend lists the colours of the event types on the map.
  function renderMapLegend(places) {
    var legend = clear($("map-legend")), types = {}, n = 0;
    places.forEach(function (p) { n += p.events.length; p.events.forEach(function (e) { types[e.type] = true; }); });
    Object.keys(types).sort().forEach(function (t) {
      var sw = el("span", {class: "sw"});
      sw.style.background = typeColor(t);
      legend.appendChild(el("span", {class: "legend-item", "data-type": t}, sw, t));
    });
    legend.appendChild(el("span", {class: "legend-item"}, n + " event" + (n === 1 ? "" : "s") + " on the map; the larger the marker, the more killed; ▫ located by its country alone"));
  }

  function fitMap(places) {
    var minX = -180, maxX = 180, minY = -85, maxY = 85;
    if (places && places.length) {
      minX = Math.min.apply(null, places.map(function (p) { return p.lon; }));
      maxX = Math.max.apply(null, places.map(function (p) { return p.lon; }));
      minY = Math.min.apply(null, places.map(function (p) { return p.lat; }));
      maxY = Math.max.apply(null, places.map(function (p) { return p.lat; }));
      var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
      var w = Math.max(maxX - minX, 16) * 1.3, h = Math.max(maxY - minY, 8) * 1.3;
      minX = cx - w / 2; maxX = cx + w / 2; minY = cy - h / 2; maxY = cy + h / 2;
    }
    setView(minX, -maxY, maxX - minX, maxY - minY);
  }

  // setView sets the viewBox keeping the aspect ratio of the box.
  function setView(x, y, w, h) {
    var v = mapView, aspect = v.W / v.H;
    if (w / h > aspect) { var nh = w / aspect; y -= (nh - h) / 2; h = nh; } else { var nw = h * aspect; x -= (nw - w) / 2; w = nw; }
    v.vb = {x: x, y: y, w: w, h: h};
    v.box.setAttribute("viewBox", [x, y, w, h].join(" "));
    drawPoints();
  }

  function markerTitle(p, e) {
    var k = range(e.killed, e.killedMax);
    return (e.date || "undated") + " " + eventTitle(e) + " in " + p.ref.name + (p.approx ? " (country)" : "") +
      (k !== null ? ", " + k + " killed" : "") + "\n" + e.sources.length + " source" + (e.sources.length === 1 ? "" : "s");
  }

  // drawPoints draws the markers and the labels that fit for the current
  // view, in pixels scaled to the viewBox.
  function drawPoints() {
    var v = mapView, gp = clear(v.gp);
    var unit = v.vb.w / v.W; // degrees per pixel
    v.box.style.setProperty("--stroke", unit);
    v.box.querySelectorAll(".country, .grid line").forEach(function (p) { p.setAttribute("stroke-width", unit); });
    var gm = svg("g", {class: "map-markers"}), gl = svg("g", {class: "map-labels"});
    gp.appendChild(gm); gp.appendChild(gl);
    var labels = [], obstacles = [], fontPx = 12;
    v.places.forEach(function (p) {
      var px = (p.lon - v.vb.x) / unit, py = (-p.lat - v.vb.y) / unit;
      var spread = spreadMarkers(p.events);
      spread.markers.forEach(function (m) {
        var x = p.lon + m.dx * unit, y = -p.lat + m.dy * unit, r = m.r * unit;
        var shape = p.approx ?
          svg("rect", {x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, fill: typeColor(m.e.type), class: "ev ev-approx", "stroke-width": unit}) :
          svg("circle", {cx: x, cy: y, r: r, fill: typeColor(m.e.type), class: "ev", "stroke-width": unit});
        gm.appendChild(svg("a", {href: eventHref(m.e.id), class: "map-event", "data-id": m.e.id, "data-type": m.e.type, "data-place": p.ref.id,
          "data-killed": killedOf(m.e)}, shape, svg("title", null, markerTitle(p, m.e))));
        obstacles.push({x: px + m.dx - m.r, y: py + m.dy - m.r, w: 2 * m.r, h: 2 * m.r});
      });
      var size = measureLabel(p.ref.name, fontPx), pad = 1;
      labels.push({id: p.ref.id, place: p, x: px, y: py, r: spread.extent, w: size.w + 2 * pad, h: size.h + 2 * pad, ascent: size.ascent + pad, pad: pad,
        priority: p.events.length * 4 + (3 - placeRank(p.ref))});
    });
    var laid = layoutLabels(labels, {x: 0, y: 0, w: v.W, h: v.H}, obstacles);
    laid.forEach(function (pos, i) {
      if (!pos.visible) return;
      var l = labels[i];
      gl.appendChild(svg("a", {href: entityHref(l.id), class: "map-label", "data-id": l.id},
        svg("text", {x: v.vb.x + (pos.x + l.pad) * unit, y: v.vb.y + (pos.y + l.ascent) * unit, "font-size": fontPx * unit,
          class: "pt-label", "data-side": pos.side, "data-place": l.id}, l.place.ref.name)));
    });
  }

  function setupMapControls() {
    if (mapView.controls) return;
    mapView.controls = true;
    var zoom = function (f, cx, cy) {
      var vb = mapView.vb;
      if (cx === undefined) { cx = vb.x + vb.w / 2; cy = vb.y + vb.h / 2; }
      var w = Math.min(400, Math.max(2, vb.w * f)), h = w * vb.h / vb.w;
      setView(cx - (cx - vb.x) * w / vb.w, cy - (cy - vb.y) * h / vb.h, w, h);
    };
    $("m-in").addEventListener("click", function () { zoom(0.6); });
    $("m-out").addEventListener("click", function () { zoom(1 / 0.6); });
    $("m-fit").addEventListener("click", function () { fitMap(mapView.places); });
    $("m-world").addEventListener("click", function () { fitMap(null); });
    var box = mapView.box;
    box.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = box.getBoundingClientRect(), vb = mapView.vb;
      var cx = vb.x + (ev.clientX - rect.left) / rect.width * vb.w, cy = vb.y + (ev.clientY - rect.top) / rect.height * vb.h;
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, cx, cy);
    }, {passive: false});
    var drag = null;
    box.addEventListener("pointerdown", function (ev) { if (ev.target.closest("a")) return; drag = {x: ev.clientX, y: ev.clientY, vb: mapView.vb}; box.setPointerCapture(ev.pointerId); });
    box.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var rect = box.getBoundingClientRect();
      var dx = (ev.clientX - drag.x) / rect.width * drag.vb.w, dy = (ev.clientY - drag.y) / rect.height * drag.vb.h;
      mapView.vb = {x: drag.vb.x - dx, y: drag.vb.y - dy, w: drag.vb.w, h: drag.vb.h};
      box.setAttribute("viewBox", [mapView.vb.x, mapView.vb.y, mapView.vb.w, mapView.vb.h].join(" "));
    });
    // after a pan, lay the labels out again for what is now in view
    box.addEventListener("pointerup", function () { if (drag) { drag = null; drawPoints(); } });
  }

  // ---------- entities ----------

  function initEntities() {
    $("e-filters").addEventListener("submit", function (ev) { ev.preventDefault(); loadEntities(null); });
    $("e-class").addEventListener("change", function () { loadEntities(null); });
    loadEntities(null);
  }

  function loadEntities(after) {
    var q = "query($class: EntityClass, $name: String, $after: String) { entities(class: $class, name: $name, first: 50, after: $after) " +
      "{ totalCount nodes { id name class aliases country } pageInfo { hasNextPage endCursor } } }";
    gql(q, {"class": $("e-class").value || null, name: $("e-name").value.trim() || null, after: after}).then(function (d) {
      var t = $("entity-list");
      if (!after) {
        clear(t);
        t.appendChild(el("thead", null, el("tr", null, el("th", null, "Name"), el("th", null, "Class"), el("th", null, "Country"), el("th", null, "Aliases"))));
        t.appendChild(el("tbody"));
      }
      var tb = t.querySelector("tbody");
      d.entities.nodes.forEach(function (e) {
        tb.appendChild(el("tr", null, el("td", null, entityLink(e)), el("td", null, e["class"]), el("td", null, e.country || ""), el("td", {class: "muted"}, e.aliases.join(", "))));
      });
      var more = clear($("entity-more"));
      more.appendChild(el("span", {class: "muted"}, tb.children.length + " of " + d.entities.totalCount + " "));
      if (d.entities.pageInfo.hasNextPage) {
        more.appendChild(el("button", {type: "button", onclick: function () { loadEntities(d.entities.pageInfo.endCursor); }}, "More"));
      }
    }).catch(function (err) { status(err.message, true); });
  }

  function renderEntity(id) {
    var box = clear($("view-entity"));
    box.appendChild(el("p", {class: "muted"}, "Loading…"));
    var q = "query($id: ID!) { entity(id: $id) { id name class aliases country wikidata lat lon " +
      "locatedIn { id name class } documents { id title published } events { id } } }";
    gql(q, {id: id}).then(function (d) {
      clear(box);
      var e = d.entity;
      if (!e) { box.appendChild(el("p", null, "No such entity: " + id)); return; }
      var evs = e.events.map(function (x) { return findEvent(x.id); }).filter(Boolean);
      var facts = el("dl", {class: "facts"});
      [["Class", e["class"]],
       ["Aliases", e.aliases.length ? e.aliases.join(", ") : "—"],
       e.country ? ["Country", e.country] : null,
       e.locatedIn.length ? ["Located in", joinNodes(e.locatedIn.map(entityLink))] : null,
       e.wikidata ? ["Wikidata", el("a", {href: "https://www.wikidata.org/wiki/" + e.wikidata, rel: "noreferrer noopener", target: "_blank"}, e.wikidata)] : null,
       e.lat !== null && e.lon !== null ? ["Lat, lon", e.lat + ", " + e.lon] : null,
       ["Mentioned in", e.documents.map(function (d) { return d.title || d.id; }).join(", ") || "—"],
       ["IRI", el("code", null, e.id)]
      ].forEach(function (r) { if (r) { facts.appendChild(el("dt", null, r[0])); facts.appendChild(el("dd", null, r[1])); } });
      box.appendChild(el("h2", {class: "entity-name"}, e.name, " ", el("span", {class: "badge cls cls-" + e["class"]}, e["class"])));
      box.appendChild(facts);
      box.appendChild(el("h3", null, evs.length + " event" + (evs.length === 1 ? "" : "s")));
      var t = el("table", {class: "table"}, el("thead", null, el("tr", null, el("th", null, "Date"), el("th", null, "Event"), el("th", null, "Role"), el("th", null, "Who → whom"), el("th", null, "Killed"), el("th", null, "Sources"))));
      var tb = el("tbody");
      evs.forEach(function (ev) {
        var roles = [];
        var has = function (l) { return l.some(function (r) { return r.id === e.id; }); };
        if (has(ev.actors)) roles.push("actor");
        if (has(ev.agents)) roles.push("acting for");
        if (has(ev.targets)) roles.push("target");
        if (has(ev.places)) roles.push("place");
        if (ev.country && ev.country.id === e.id) roles.push("country");
        tb.appendChild(el("tr", null, el("td", null, ev.date || "—"),
          el("td", null, el("a", {href: eventHref(ev.id)}, eventTitle(ev))),
          el("td", null, roles.join(", ")), el("td", null, whoWhom(ev)),
          el("td", null, range(ev.killed, ev.killedMax) || "—"), el("td", null, String(ev.sources.length))));
      });
      t.appendChild(tb);
      box.appendChild(t);
      // sources with the evidence, the entity's names highlighted
      var names = [e.name].concat(e.aliases);
      box.appendChild(el("h3", null, "What the sources say"));
      var list = el("div", {class: "entity-sources"});
      evs.forEach(function (ev) {
        list.appendChild(el("h4", null, el("a", {href: eventHref(ev.id)}, eventTitle(ev)), " ", el("span", {class: "muted"}, ev.date || "")));
        ev.sources.forEach(function (s) {
          list.appendChild(el("div", {class: "source", "data-doc": s.doc.id},
            sourceHead(s), el("div", {class: "claim muted"},
              "killed " + (s.killed !== null ? s.killed : "—") + ", injured " + (s.injured !== null ? s.injured : "—") + ", date " + (s.date || "—")),
            s.evidence.map(function (x) { return el("blockquote", {class: "evidence"}, highlightText(x.text, names)); })));
        });
      });
      box.appendChild(list);
    }).catch(function (err) { clear(box); status(err.message, true); });
  }

  // ---------- query box ----------

  var TYPED_EXAMPLES = [
    {name: "typed: attacks with sources", lang: "typed", query:
      "# The typed API (/graphql): attacks with the figures of each source.\n" +
      "{\n  events(type: Attack, first: 20) {\n    totalCount\n    nodes {\n      date subtype killed killedMax\n" +
      "      actors { name }\n      targets { name }\n      places { name }\n      sources { doc { id } killed injured }\n    }\n  }\n}\n"},
    {name: "typed: armed groups", lang: "typed", query:
      "{\n  entities(class: ArmedGroup) {\n    nodes { name aliases country events { type date } }\n  }\n}\n"}
  ];

  function initQuery() {
    var box = $("examples");
    box.appendChild(el("span", {class: "muted"}, "Examples: "));
    var add = function (ex) {
      box.appendChild(el("button", {type: "button", class: "example secondary", "data-name": ex.name, onclick: function () {
        $("q-lang").value = ex.lang; $("q-text").value = ex.query; runQuery();
      }}, ex.name));
    };
    fetch("examples.json").then(function (r) { return r.json(); }).then(function (exs) {
      exs.forEach(add);
      TYPED_EXAMPLES.forEach(add);
      if (!$("q-text").value && exs.length) { $("q-lang").value = exs[0].lang; $("q-text").value = exs[0].query; }
    });
    $("query-form").addEventListener("submit", function (ev) { ev.preventDefault(); runQuery(); });
    $("q-text").addEventListener("keydown", function (ev) { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runQuery(); } });
  }

  function runQuery() {
    var lang = $("q-lang").value, text = $("q-text").value;
    var out = clear($("q-result"));
    $("q-info").textContent = "running…";
    var t0 = performance.now();
    var p;
    if (lang === "typed") {
      p = fetch("graphql", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({query: text})})
        .then(function (r) { return r.json(); }).then(function (r) {
          if (r.errors && r.errors.length) throw new Error(r.errors.map(function (e) { return e.message; }).join("; "));
          return rowsOf(r.data);
        });
    } else {
      // A text/plain body would be refused: the server takes only query
      // requests that another site could not send without a preflight.
      p = fetch("api/v2/query?lang=" + lang, {
        method: "POST",
        headers: {"Content-Type": lang === "gizmo" ? "application/javascript" : "application/graphql", "X-Requested-With": "newsgraph-explorer"},
        body: text
      })
        .then(function (r) { return r.json(); }).then(function (r) {
          if (r.error) throw new Error(r.error);
          if (r.errors && r.errors.length) throw new Error(r.errors.map(function (e) { return e.message; }).join("; "));
          if (lang === "graphql") return rowsOf(r.data !== undefined ? r.data : r.result);
          return r.result || [];
        });
    }
    p.then(function (rows) {
      $("q-info").textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " in " + Math.round(performance.now() - t0) + " ms";
      out.appendChild(resultTable(rows));
    }).catch(function (err) {
      $("q-info").textContent = "";
      out.appendChild(el("pre", {class: "error"}, err.message));
    });
  }

  // rowsOf finds the first list in a GraphQL answer (a connection's
  // nodes, or a plain list) and returns it as rows.
  function rowsOf(data) {
    if (Array.isArray(data)) return data;
    if (!data || typeof data !== "object") return data === null || data === undefined ? [] : [{value: data}];
    var keys = Object.keys(data);
    for (var i = 0; i < keys.length; i++) {
      var v = data[keys[i]];
      if (Array.isArray(v)) return v;
      if (v && typeof v === "object") {
        if (Array.isArray(v.nodes)) return v.nodes;
        if (Array.isArray(v.edges)) return v.edges.map(function (e) { return e.node; });
      }
    }
    return [data];
  }

  function cellText(v) {
    if (v === null || v === undefined) return "";
    if (Array.isArray(v)) return v.map(cellText).join(", ");
    if (typeof v === "object") {
      if (v.Value !== undefined && v.Type !== undefined && Object.keys(v).length === 2) return String(v.Value); // Cayley's typed literal
      if (v.name !== undefined && Object.keys(v).length <= 2) return cellText(v.name);
      if (v.id !== undefined && Object.keys(v).length === 1) return cellText(v.id);
      return Object.keys(v).map(function (k) { return k + ": " + cellText(v[k]); }).join("; ");
    }
    return String(v);
  }

  function resultTable(rows) {
    if (!rows.length) return el("p", {class: "muted"}, "No results.");
    var cols = [];
    rows.forEach(function (r) {
      if (r && typeof r === "object" && !Array.isArray(r)) Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k); });
    });
    if (!cols.length) cols = ["value"];
    var t = el("table", {class: "table results"}, el("thead", null, el("tr", null, cols.map(function (c) { return el("th", null, c); }))));
    var tb = el("tbody");
    rows.forEach(function (r) {
      var obj = r && typeof r === "object" && !Array.isArray(r) ? r : {value: r};
      tb.appendChild(el("tr", null, cols.map(function (c) {
        var v = obj[c], s = cellText(v);
        var iri = /^<?(https?:\/\/[^>\s]+\/entity\/[^>\s]+)>?$/.exec(s);
        if (iri) return el("td", null, el("a", {href: entityHref(iri[1])}, s));
        var evi = /^<?(https?:\/\/[^>\s]+\/event\/[^>\s]+)>?$/.exec(s);
        if (evi) return el("td", null, el("a", {href: eventHref(evi[1])}, s));
        return el("td", null, s);
      })));
    });
    t.appendChild(tb);
    return t;
  }

  // the map's label layout, for the browser tests
  window.newsgraphMap = {layoutLabels: layoutLabels, spreadMarkers: spreadMarkers};

  document.addEventListener("DOMContentLoaded", start);
})();
