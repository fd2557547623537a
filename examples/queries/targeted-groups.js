// Which groups were targeted, and by whom: every armed group that is the
// target of an attack, with the attackers and the number of attacks.
// Run: newsgraph query -f examples/queries/targeted-groups.js
//
// One traversal finds every (group, attack on it) pair, another every
// (group, attacker's name) pair; the rows are joined by group (see
// who-struck-whom.js).
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }

var groups = g.V().Has(type, p("ArmedGroup")).Unique();
var rows = {}, order = [], attacked = {};
groups.ForEach(function (grp) {
  rows[grp.id] = {group: null, attackedBy: [], attacks: 0};
  attacked[grp.id] = {};
  order.push(rows[grp.id]);
});
var attacks = groups.Tag("group").In(p("target")).Has(type, p("Attack"));
attacks.ForEach(function (r) {
  if (!attacked[r.group][r.id]) {
    attacked[r.group][r.id] = true;
    rows[r.group].attacks++;
  }
});
attacks.Out(p("actor")).Out(p("name")).ForEach(function (r) {
  var list = rows[r.group].attackedBy;
  if (list.indexOf(r.id) < 0) {
    list.push(r.id);
  }
});
groups.Tag("group").Out(p("name")).ForEach(function (r) {
  if (rows[r.group].group === null) {
    rows[r.group].group = r.id;
  }
});
order.forEach(function (row) {
  if (row.attacks > 0) {
    row.attackedBy.sort();
    g.Emit(row);
  }
});
