//! The SPARQL 1.1 Protocol (read-only): GET `?query=`, POST form-encoded
//! or `application/sparql-query`, `default-graph-uri`/`named-graph-uri`,
//! content negotiation, a service description on a bare GET, and a time
//! limit that cancels evaluation while the server keeps serving.
//!
//! Input: an HTTP request. Output: W3C results (JSON, XML, CSV, TSV) or RDF
//! (Turtle, N-Triples, JSON-LD, RDF/XML), or a plain-text error.

use super::AppState;
use crate::store::{self, CancellationToken, Dataset, KgStore, Results, StoreError};
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::time::Duration;

/// A parsed protocol request.
#[derive(Debug, Default)]
pub struct ProtocolRequest {
    pub query: Option<String>,
    pub update: bool,
    pub dataset: Dataset,
    /// `format=` (json, xml, csv, tsv, turtle, ntriples, jsonld): overrides Accept.
    pub format: Option<String>,
}

impl ProtocolRequest {
    /// Reads the parameters of a query string or form body.
    fn add_pairs(&mut self, encoded: &str) -> Result<(), Refusal> {
        for (key, value) in parse_form(encoded) {
            match key.as_str() {
                "query" if self.query.is_some() => {
                    return Err(Refusal::bad_request("more than one `query` parameter"));
                }
                "query" => self.query = Some(value),
                "update" => self.update = true,
                "default-graph-uri" => self.dataset.default_graphs.push(value),
                "named-graph-uri" => self.dataset.named_graphs.push(value),
                "format" => self.format = Some(value),
                _ => {}
            }
        }
        Ok(())
    }
}

/// A response that is an error message (status and plain text).
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
}

impl Refusal {
    fn bad_request(message: &str) -> Self {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            message: message.to_owned(),
        }
    }

    fn read_only() -> Self {
        Refusal {
            status: StatusCode::FORBIDDEN,
            message: "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) is refused".into(),
        }
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::Syntax(_) | StoreError::ServiceRefused => StatusCode::BAD_REQUEST,
            StoreError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Refusal {
            status,
            message: e.to_string(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (
            self.status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n", self.message),
        )
            .into_response()
    }
}

/// GET /sparql: a query, or the service description when there is none.
pub async fn get_endpoint(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut request = ProtocolRequest::default();
    if let Err(refusal) = request.add_pairs(raw.as_deref().unwrap_or("")) {
        return refusal.into_response();
    }
    if request.update {
        return Refusal::read_only().into_response();
    }
    if request.query.is_none() {
        return service_description(&state, &headers);
    }
    answer(&state, request, &headers).await
}

/// POST /sparql: form-encoded `query=` or a raw `application/sparql-query` body.
pub async fn post_endpoint(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut request = ProtocolRequest::default();
    if let Err(refusal) = request.add_pairs(raw.as_deref().unwrap_or("")) {
        return refusal.into_response();
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Ok(body) = String::from_utf8(body.to_vec()) else {
        return Refusal::bad_request("the request body is not UTF-8").into_response();
    };
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            if let Err(refusal) = request.add_pairs(&body) {
                return refusal.into_response();
            }
        }
        "application/sparql-query" => {
            if request.query.is_some() {
                return Refusal::bad_request("a query both in the URL and in the body")
                    .into_response();
            }
            request.query = Some(body);
        }
        "application/sparql-update" => return Refusal::read_only().into_response(),
        other => {
            return Refusal {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                message: format!(
                    "unsupported content type `{other}`: use application/x-www-form-urlencoded or application/sparql-query"
                ),
            }
            .into_response();
        }
    }
    if request.update {
        return Refusal::read_only().into_response();
    }
    if request.query.is_none() {
        return Refusal::bad_request("missing `query` parameter").into_response();
    }
    answer(&state, request, &headers).await
}

async fn answer(state: &AppState, request: ProtocolRequest, headers: &HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match run_query(state, request, accept).await {
        Ok(body) => body.into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

/// A serialized answer: media type and bytes.
pub struct Answer {
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, self.media_type)], self.bytes).into_response()
    }
}

/// Evaluates and serializes on a blocking thread; after the time limit the
/// evaluation is cancelled and the caller gets a 503 at once.
pub async fn run_query(
    state: &AppState,
    request: ProtocolRequest,
    accept: Option<String>,
) -> Result<Answer, Refusal> {
    let query = request.query.clone().unwrap_or_default();
    if store::is_update(&query) {
        return Err(Refusal::read_only());
    }
    let token = CancellationToken::new();
    let store = state.store.clone();
    let timeout = state.timeout;
    let worker_token = token.clone();
    let task = tokio::task::spawn_blocking(move || {
        evaluate(
            &store,
            &query,
            &request,
            accept.as_deref(),
            worker_token,
            timeout,
        )
    });
    match tokio::time::timeout(timeout, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => Err(Refusal {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("query evaluation failed: {join}"),
        }),
        Err(_) => {
            token.cancel();
            Err(StoreError::Timeout(timeout.as_secs()).into())
        }
    }
}

fn evaluate(
    store: &KgStore,
    query: &str,
    request: &ProtocolRequest,
    accept: Option<&str>,
    token: CancellationToken,
    timeout: Duration,
) -> Result<Answer, Refusal> {
    let secs = Some(timeout.as_secs());
    let results = store.query_in_dataset(query, &request.dataset, Some(token.clone()), secs)?;
    let graph = matches!(results, Results::Graph(_));
    let (format, media_type) = negotiate(accept, request.format.as_deref(), graph).ok_or_else(|| Refusal {
        status: StatusCode::NOT_ACCEPTABLE,
        message: format!(
            "none of the requested media types ({}) is available; {}",
            accept.unwrap_or(""),
            if graph {
                "use text/turtle, application/n-triples, application/ld+json or application/rdf+xml"
            } else {
                "use application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values"
            }
        ),
    })?;
    let bytes = serialize(results, format, &token, secs)?;
    Ok(Answer { media_type, bytes })
}

/// A negotiated output format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Results(QueryResultsFormat),
    Graph(RdfFormat),
}

const RESULT_TYPES: &[(&str, &str, Format)] = &[
    (
        "application/sparql-results+json",
        "json",
        Format::Results(QueryResultsFormat::Json),
    ),
    (
        "application/json",
        "json",
        Format::Results(QueryResultsFormat::Json),
    ),
    (
        "application/sparql-results+xml",
        "xml",
        Format::Results(QueryResultsFormat::Xml),
    ),
    (
        "application/xml",
        "xml",
        Format::Results(QueryResultsFormat::Xml),
    ),
    ("text/xml", "xml", Format::Results(QueryResultsFormat::Xml)),
    ("text/csv", "csv", Format::Results(QueryResultsFormat::Csv)),
    (
        "text/tab-separated-values",
        "tsv",
        Format::Results(QueryResultsFormat::Tsv),
    ),
];

const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

const GRAPH_TYPES: &[(&str, &str, Format)] = &[
    ("text/turtle", "turtle", Format::Graph(RdfFormat::Turtle)),
    (
        "application/x-turtle",
        "turtle",
        Format::Graph(RdfFormat::Turtle),
    ),
    (
        "application/n-triples",
        "ntriples",
        Format::Graph(RdfFormat::NTriples),
    ),
    ("text/plain", "ntriples", Format::Graph(RdfFormat::NTriples)),
    (
        "application/rdf+xml",
        "rdfxml",
        Format::Graph(RdfFormat::RdfXml),
    ),
    ("application/ld+json", "jsonld", Format::Graph(JSON_LD)),
    ("application/json", "jsonld", Format::Graph(JSON_LD)),
];

/// Chooses the output format from `format=` or the Accept header (by q
/// value); `*/*` or no header gives JSON results or Turtle.
pub fn negotiate(
    accept: Option<&str>,
    format: Option<&str>,
    graph: bool,
) -> Option<(Format, &'static str)> {
    let table = if graph { GRAPH_TYPES } else { RESULT_TYPES };
    let first = (table[0].2, table[0].0);
    if let Some(name) = format {
        let name = name.to_ascii_lowercase();
        return table
            .iter()
            .find(|(media, short, _)| *short == name || *media == name)
            .map(|(media, _, f)| (*f, *media));
    }
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Some(first);
    };
    let mut ranges: Vec<(f32, String)> = accept
        .split(',')
        .map(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                })
                .next()
                .unwrap_or(1.0);
            (q, media)
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, media) in &ranges {
        if media == "*/*" || media == "application/*" || media == "text/*" {
            return Some(first);
        }
        if let Some((m, _, f)) = table.iter().find(|(m, _, _)| m == media) {
            return Some((*f, *m));
        }
    }
    // Accept is a preference: a client that asks for result formats (as
    // rdflib's SPARQLStore does for every query) gets a CONSTRUCT as Turtle,
    // and one asking for RDF formats gets a SELECT as JSON results.
    let other = if graph { RESULT_TYPES } else { GRAPH_TYPES };
    ranges
        .iter()
        .any(|(_, media)| other.iter().any(|(m, _, _)| m == media))
        .then_some(first)
}

/// Writes the results into memory, row by row, stopping when cancelled.
fn serialize(
    results: Results<'static>,
    format: Format,
    token: &CancellationToken,
    secs: Option<u64>,
) -> Result<Vec<u8>, StoreError> {
    let output = |e: std::io::Error| StoreError::Output(e.to_string());
    let cancelled = || -> Result<(), StoreError> {
        if token.is_cancelled() {
            Err(StoreError::Timeout(secs.unwrap_or(0)))
        } else {
            Ok(())
        }
    };
    let mut out = Vec::new();
    match (results, format) {
        (Results::Solutions(solutions), Format::Results(f)) => {
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())
                .map_err(output)?;
            for solution in solutions {
                cancelled()?;
                let solution = solution.map_err(|e| store::row_error(e, secs))?;
                writer.serialize(&solution).map_err(output)?;
            }
            writer.finish().map_err(output)?;
        }
        (Results::Boolean(value), Format::Results(f)) => {
            QueryResultsSerializer::from_format(f)
                .serialize_boolean_to_writer(&mut out, value)
                .map_err(output)?;
        }
        (Results::Graph(triples), Format::Graph(f)) => {
            let serializer = if f == RdfFormat::Turtle {
                store::prefixed(RdfSerializer::from_format(f))
            } else {
                RdfSerializer::from_format(f)
            };
            let mut writer = serializer.for_writer(&mut out);
            for triple in triples {
                cancelled()?;
                let triple = triple.map_err(|e| store::row_error(e, secs))?;
                writer.serialize_triple(&triple).map_err(output)?;
            }
            writer.finish().map_err(output)?;
        }
        _ => {
            return Err(StoreError::Output(
                "result kind and format do not match".into(),
            ));
        }
    }
    Ok(out)
}

/// The service description (Turtle) of this endpoint.
fn service_description(state: &AppState, headers: &HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1:7878");
    let graphs = state.store.graphs().unwrap_or_default();
    let mut ttl = String::from(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
         @prefix formats: <http://www.w3.org/ns/formats/> .\n\n",
    );
    ttl.push_str(&format!(
        "<http://{host}/sparql> a sd:Service ;\n  sd:endpoint <http://{host}/sparql> ;\n  \
         sd:supportedLanguage sd:SPARQL11Query ;\n  \
         sd:feature sd:UnionDefaultGraph , sd:BasicFederatedQuery ;\n  \
         sd:resultFormat formats:SPARQL_Results_JSON , formats:SPARQL_Results_XML , formats:SPARQL_Results_CSV , \
         formats:SPARQL_Results_TSV , formats:Turtle , formats:N-Triples , formats:JSON-LD , formats:RDF_XML ;\n  \
         sd:defaultDataset [\n    a sd:Dataset ;\n    sd:defaultGraph [ a sd:Graph ] "
    ));
    for graph in graphs.iter().filter(|g| !g.contains('>')) {
        ttl.push_str(&format!(
            ";\n    sd:namedGraph [ a sd:NamedGraph ; sd:name <{graph}> ] "
        ));
    }
    ttl.push_str("\n  ] .\n");
    ([(header::CONTENT_TYPE, "text/turtle; charset=utf-8")], ttl).into_response()
}

/// Parses `application/x-www-form-urlencoded` text into key–value pairs.
pub fn parse_form(encoded: &str) -> Vec<(String, String)> {
    encoded
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_bodies_decode_chinese_and_plus() {
        let pairs = parse_form("query=SELECT+*+WHERE+%7B%7D&default-graph-uri=a%3Ab&x=%E5%93%88");
        assert_eq!(pairs[0], ("query".into(), "SELECT * WHERE {}".into()));
        assert_eq!(pairs[1], ("default-graph-uri".into(), "a:b".into()));
        assert_eq!(pairs[2].1, "哈");
        assert_eq!(parse_form("q=100%")[0].1, "100%");
    }

    #[test]
    fn accept_header_picks_the_best_known_type() {
        let csv = negotiate(Some("text/html;q=0.9, text/csv"), None, false).unwrap();
        assert_eq!(csv.1, "text/csv");
        assert_eq!(
            negotiate(Some("*/*"), None, false).unwrap().1,
            "application/sparql-results+json"
        );
        assert_eq!(negotiate(None, None, true).unwrap().1, "text/turtle");
        assert_eq!(
            negotiate(Some("application/n-triples"), None, true)
                .unwrap()
                .1,
            "application/n-triples"
        );
        assert!(negotiate(Some("image/png"), None, false).is_none());
        assert_eq!(
            negotiate(Some("text/csv"), Some("tsv"), false).unwrap().1,
            "text/tab-separated-values"
        );
    }
}
