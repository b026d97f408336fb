//! The canned SPARQL queries of `queries/` (embedded at build time) and the
//! resolution of a `query` argument: inline SPARQL, `@file.rq`, or a name.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/queries.rs"));
}

/// A canned query: file name without `.rq`, and its text.
#[derive(Clone, Copy, Debug)]
pub struct CannedQuery {
    pub name: &'static str,
    pub sparql: &'static str,
}

impl CannedQuery {
    /// The title from the first comment line (`# 中文 | English`).
    pub fn title(&self) -> String {
        self.sparql
            .lines()
            .next()
            .and_then(|l| l.strip_prefix('#'))
            .map(|l| l.trim().to_owned())
            .unwrap_or_default()
    }

    /// The comment lines after the title: what the query answers.
    pub fn description(&self) -> String {
        self.sparql
            .lines()
            .skip(1)
            .map_while(|l| l.strip_prefix('#'))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

pub fn all() -> Vec<CannedQuery> {
    embedded::CANNED
        .iter()
        .map(|&(name, sparql)| CannedQuery { name, sparql })
        .collect()
}

pub fn find(name: &str) -> Option<CannedQuery> {
    let name = name.trim_end_matches(".rq");
    all().into_iter().find(|q| q.name == name)
}

#[derive(Debug, thiserror::Error)]
pub enum QueryArgError {
    #[error("{path}: cannot read query file: {message}")]
    File { path: String, message: String },
    #[error("`{0}` is neither SPARQL, @FILE.rq, nor a canned query (see `ftzkg queries`)")]
    Unknown(String),
}

/// Turns the `query` argument into SPARQL text.
pub fn resolve(arg: &str) -> Result<String, QueryArgError> {
    if let Some(path) = arg.strip_prefix('@') {
        return std::fs::read_to_string(path).map_err(|e| QueryArgError::File {
            path: path.to_owned(),
            message: e.to_string(),
        });
    }
    let word = !arg.trim().contains(char::is_whitespace);
    if word {
        if let Some(q) = find(arg.trim()) {
            return Ok(q.sparql.to_owned());
        }
        let local =
            std::path::Path::new("queries").join(format!("{}.rq", arg.trim_end_matches(".rq")));
        if let Ok(text) = std::fs::read_to_string(&local) {
            return Ok(text);
        }
        return Err(QueryArgError::Unknown(arg.to_owned()));
    }
    Ok(arg.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canned_query_has_a_bilingual_title_and_a_description() {
        let queries = all();
        assert!(queries.len() >= 5);
        for q in queries {
            let title = q.title();
            assert!(
                title.contains(" | "),
                "{}: title `{title}` needs 中文 | English",
                q.name
            );
            assert!(
                title
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                q.name
            );
            assert!(!q.description().is_empty(), "{}", q.name);
        }
    }

    #[test]
    fn arguments_resolve_to_sparql() {
        assert!(resolve("areas-of-zone").unwrap().contains("SELECT"));
        assert_eq!(
            resolve("SELECT * WHERE { ?s ?p ?o }").unwrap(),
            "SELECT * WHERE { ?s ?p ?o }"
        );
        assert!(matches!(
            resolve("no-such-query"),
            Err(QueryArgError::Unknown(_))
        ));
        assert!(matches!(
            resolve("@/no/such/file.rq"),
            Err(QueryArgError::File { .. })
        ));
    }
}
