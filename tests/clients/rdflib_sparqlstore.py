"""rdflib's SPARQLStore against `ftzkg serve`: each row once, CONSTRUCT works."""
import sys
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

endpoint = sys.argv[1]
store = SPARQLStore(endpoint)
g = Graph(store)
FTZ = "PREFIX ftz: <https://w3id.org/ftzkg/ontology#>\n"
rows = list(g.query(FTZ + "SELECT ?p ?z WHERE { ?p ftz:replicatedIn ?z }"))
distinct = set(tuple(r) for r in rows)
print("replicatedIn rows", len(rows), "distinct", len(distinct))
n = list(g.query(FTZ + "SELECT (COUNT(*) AS ?n) WHERE { ?a a ftz:Area }"))[0][0]
d = list(g.query(FTZ + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ftz:Area }"))[0][0]
print("areas COUNT(*)", n, "COUNT(DISTINCT)", d)
c = g.query(FTZ + "CONSTRUCT { ?p ftz:replicatedIn ?z } WHERE { ?p ftz:replicatedIn ?z }")
cg = Graph()
for t in c:
    cg.add(t)
print("construct triples", len(cg))
ok = len(rows) == len(distinct) and int(n) == int(d) and len(cg) == len(distinct) and len(rows) > 0
print("OK" if ok else "FAIL")
sys.exit(0 if ok else 1)
