// People and their roles: every person with the roles the articles give them.
// Run: newsgraph query -f examples/queries/people-roles.js
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
g.V().Has(type, p("Person")).Unique().ForEach(function (who) {
  g.Emit({
    person: g.V(who.id).Out(p("name")).ToValue(),
    roles: g.V(who.id).Out(p("holdsRole")).Unique().ToArray()
  });
});
