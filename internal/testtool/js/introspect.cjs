// The round trip of a standard GraphQL client (GraphiQL, Apollo,
// graphql-codegen), with graphql-js's own functions: send
// getIntrospectionQuery() to a GraphQL endpoint, build the client schema
// from the answer (buildClientSchema), validate a typed query against it
// and run that query with variables. Prints a JSON summary for the Go test
// (cmd/newsgraph TestGraphQLClientIntrospection) to check.
//
// Usage: node introspect.cjs URL QUERY VARIABLES_JSON
"use strict";
const {
  getIntrospectionQuery, buildClientSchema, parse, validate, printSchema,
  getNamedType, isEnumType, isScalarType,
} = require("graphql");

async function post(url, query, variables) {
  const r = await fetch(url, {
    method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({query, variables}),
  });
  const body = await r.json();
  if (r.status !== 200 || (body.errors && body.errors.length)) {
    throw new Error("status " + r.status + ": " + JSON.stringify(body.errors || body));
  }
  return body.data;
}

// The option sets of getIntrospectionQuery that clients send: the
// defaults (GraphiQL, Apollo, graphql-codegen), and with the fields of the
// October 2021 specification that graphql-go answers (specifiedByURL,
// deprecated arguments). graphql-go v1.11 has no __Schema.description nor
// __Directive.isRepeatable: the schemaDescription and
// directiveIsRepeatable options are refused by any graphql-go server.
const optionSets = {
  defaults: {},
  extended: {descriptions: true, specifiedByUrl: true, inputValueDeprecation: true},
};

async function main() {
  const [url, typedQuery, varsJSON] = process.argv.slice(2);
  const out = {graphqlVersion: require("graphql").version, introspection: {}};
  let schema;
  for (const [name, opts] of Object.entries(optionSets)) {
    const data = await post(url, getIntrospectionQuery(opts));
    schema = buildClientSchema(data);
    out.introspection[name] = {types: Object.keys(schema.getTypeMap()).length, sdlBytes: printSchema(schema).length};
  }
  const eventType = schema.getType("EventType");
  const entityClass = schema.getType("EntityClass");
  const date = schema.getType("Date");
  const event = schema.getType("Event").getFields();
  const eventsArgs = Object.fromEntries(schema.getQueryType().getFields().events.args.map((a) => [a.name, String(a.type)]));
  out.enums = {
    EventType: isEnumType(eventType) ? eventType.getValues().map((v) => v.name) : null,
    EntityClass: isEnumType(entityClass) ? entityClass.getValues().map((v) => v.name) : null,
  };
  out.dateIsScalar = isScalarType(date);
  out.fieldTypes = {
    "Event.type": String(event.type.type),
    "Event.date": String(event.date.type),
    "Entity.class": String(schema.getType("Entity").getFields().class.type),
    "Entity.lat": String(getNamedType(schema.getType("Entity").getFields().lat.type)),
    "events.type": eventsArgs.type,
    "events.since": eventsArgs.since,
  };
  const errors = validate(schema, parse(typedQuery));
  out.validationErrors = errors.map((e) => e.message);
  out.typed = await post(url, typedQuery, JSON.parse(varsJSON || "{}"));
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + "\n");
  process.exit(1);
});
