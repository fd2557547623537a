// People and their roles: every person with the roles the articles give them.
// Run: newsgraph query -f examples/queries/people-roles.js
//
// Two traversals over the whole set of people (their names, their roles),
// joined by person, rather than two small queries per person. Each row's
// `seen` holds the roles already listed: looking a key up in an object is
// far cheaper in Gizmo's JavaScript than searching the list.
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }

var people = g.V().Has(type, p("Person")).Unique();
var rows = {}, order = [];
people.ForEach(function (who) {
  rows[who.id] = {person: null, roles: [], seen: {}};
  order.push(rows[who.id]);
});
people.Tag("who").Out(p("name")).ForEach(function (r) {
  if (rows[r.who].person === null) {
    rows[r.who].person = r.id;
  }
});
people.Tag("who").Out(p("holdsRole")).ForEach(function (r) {
  var row = rows[r.who];
  if (!row.seen[r.id]) {
    row.seen[r.id] = true;
    row.roles.push(r.id);
  }
});
order.forEach(function (row) {
  row.roles.sort();
  g.Emit({person: row.person, roles: row.roles});
});
