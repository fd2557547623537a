// Who struck whom, where and when: one row per attack, fused across
// sources, a page at a time: the newest first, `first` rows after the
// cursor `after` ("" for the first page).
// Run: newsgraph query -f examples/queries/who-struck-whom.js
// Next page: set `after` to the cursor of the last row printed.
//
// The page comes from the calendar (page, below), which reads only the
// dates and attacks it needs however large the store; the fields of its
// attacks are then read with one traversal per field (one finds every
// attack's actors, another every attack's targets...) joined by event.
var first = 100;
var after = "";
// perAttack reads the page's fields with one traversal per attack and
// field instead of one traversal per field from all the page's attacks.
// Leave it false: on bolt that is about four times faster, and on
// PostgreSQL newsgraph makes each field's traversal one SQL statement
// (a page in about 170 statements against 1,750 with perAttack).
var perAttack = false;
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }

// page returns the first n attacks after the cursor `after`, the newest
// first, from the store's calendar (see `newsgraph schema`: dated,
// within): the years from the newest, then their months, then their days,
// and the attacks dated in each period by IRI; the undated last. It reads
// only the periods and events on its way to n attacks, and passes over
// the periods before the cursor unread. where, if given, narrows the
// attacks of a period (a path) to those wanted. Each entry: {id, date,
// cursor}.
var cal = "https://newsgraph.org/id/calendar";
function page(n, after, where) {
  var out = [];
  var cut = after.indexOf("|");
  var from = after ? {date: after.slice(0, cut), id: after.slice(cut + 1)} : null;
  function node(d) { return "<" + cal + (d ? "/" + d : "") + ">"; }
  function bare(v) { return String(v).slice(1, -1); }
  function follows(d, id, at) {
    if (!at) { return true; }
    if (d !== at.date) { return (d === "") !== (at.date === "") ? d === "" : d < at.date; }
    return id > at.id;
  }
  function walk(d, at) {
    // A day ("YYYY-MM-DD") holds no shorter period: its subperiods are
    // not asked for.
    var subs = d.length >= 10 ? [] :
      g.V(node(d)).In(p("within")).ToArray().map(function (v) { return bare(v).slice(cal.length + 1); });
    subs.sort().reverse();
    for (var i = 0; i < subs.length && out.length < n; i++) {
      var s = subs[i], inside = at && at.date.indexOf(s) === 0;
      if (!at || inside || (at.date !== "" && s < at.date)) {
        walk(s, inside ? at : null);
      }
    }
    if (out.length >= n) {
      return; // the page is full: the period's own attacks are not read
    }
    var dated = g.V(node(d)).In(p("dated")).Has(type, p("Attack"));
    var evs = (where ? where(dated) : dated).ToArray().map(bare).sort();
    for (var j = 0; j < evs.length && out.length < n; j++) {
      if (follows(d, evs[j], at)) {
        out.push({id: "<" + evs[j] + ">", date: d || null, cursor: d + "|" + evs[j]});
      }
    }
  }
  walk("", from);
  return out;
}

var rows = {}, order = [];
page(first, after).forEach(function (e) {
  rows[e.id] = {date: e.date, actors: [], targets: [], places: [], country: [], event: e.id, cursor: e.cursor};
  order.push(rows[e.id]);
});
// starts are where the fields are read from: each attack's node and row
// if perAttack, else all the page's attacks, tagged "event".
var starts = perAttack ? order.map(function (r) { return {path: g.V(r.event), row: r}; }) :
  [{path: g.V.apply(g, order.map(function (r) { return r.event; })).Tag("event"), row: null}];
// names adds to each attack's row, under key, the names of the nodes its
// pred links lead to.
function names(pred, key) {
  starts.forEach(function (s) {
    s.path.Out(p(pred)).Out(p("name")).ForEach(function (r) {
      var list = (s.row || rows[r.event])[key];
      if (list.indexOf(r.id) < 0) {
        list.push(r.id);
      }
    });
  });
}
if (order.length > 0) {
  names("actor", "actors");
  names("target", "targets");
  names("place", "places");
  names("eventCountry", "country");
}
order.forEach(function (row) {
  [row.actors, row.targets, row.places, row.country].forEach(function (l) { l.sort(); });
  g.Emit(row);
});
