// Which groups were targeted, and by whom: every armed group that is the
// target of an attack, with the attackers (sorted) and the number of attacks.
// Run: newsgraph query -f examples/queries/targeted-groups.js
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
g.V().Has(type, p("ArmedGroup")).Unique().ForEach(function (grp) {
  var attacks = g.V(grp.id).In(p("target")).Has(type, p("Attack")).Unique();
  var n = attacks.ToArray().length;
  if (n == 0) {
    return;
  }
  g.Emit({
    group: g.V(grp.id).Out(p("name")).ToValue(),
    attackedBy: attacks.Out(p("actor")).Out(p("name")).Unique().ToArray().sort(),
    attacks: n
  });
});
