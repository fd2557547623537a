// Attacks on a given country: the attacks that took place in it, with who
// carried them out, when, and against whom, a page at a time: the newest
// first, `first` rows after the cursor `after` ("" for the first page).
// Change `country` to ask about another one.
// Run: newsgraph query -f examples/queries/attacks-on-country.js
// Next page: set `after` to the cursor of the last row printed.
//
// The page comes from the calendar (page, below), keeping the attacks in
// the country; one traversal per field over them, joined by event (see
// who-struck-whom.js).
var country = "Pakistan";
var first = 100;
var after = "";
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
    var subs = g.V(node(d)).In(p("within")).ToArray().map(function (v) { return bare(v).slice(cal.length + 1); });
    subs.sort().reverse();
    for (var i = 0; i < subs.length && out.length < n; i++) {
      var s = subs[i], inside = at && at.date.indexOf(s) === 0;
      if (!at || inside || (at.date !== "" && s < at.date)) {
        walk(s, inside ? at : null);
      }
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

var c = g.V().Has(p("name"), country).Has(type, p("Country")).ToArray();
var rows = {}, order = [];
if (c.length > 0) {
  page(first, after, function (path) { return path.Has(p("eventCountry"), c[0]); }).forEach(function (e) {
    rows[e.id] = {country: country, date: e.date, attackers: [], targets: [], places: [], event: e.id, cursor: e.cursor};
    order.push(rows[e.id]);
  });
}
var attacks = g.V.apply(g, order.map(function (r) { return r.event; }));
// names adds to each attack's row, under key, the names of the nodes its
// pred links lead to.
function names(pred, key) {
  attacks.Tag("event").Out(p(pred)).Out(p("name")).ForEach(function (r) {
    var list = rows[r.event][key];
    if (list.indexOf(r.id) < 0) {
      list.push(r.id);
    }
  });
}
if (order.length > 0) {
  names("actor", "attackers");
  names("target", "targets");
  names("place", "places");
}
order.forEach(function (row) {
  [row.attackers, row.targets, row.places].forEach(function (l) { l.sort(); });
  g.Emit(row);
});
