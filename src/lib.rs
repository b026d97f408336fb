//! ftzkg: a knowledge graph of China's pilot free trade zones, built from
//! newsletters and notices.
//!
//! ```text
//! files ──corpus──▶ Document ──extract──▶ Extraction ──rdf──▶ quads ──store──▶ Oxigraph
//! store ──▶ query (SPARQL) · graph (petgraph) · server (HTTP + UI)
//! ```

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod curate;
pub mod eval;
pub mod extract;
pub mod families;
pub mod graph;
pub mod hash;
pub mod identity;
pub mod ingest;
pub mod model;
pub mod panic;
pub mod queries;
pub mod rdf;
pub mod results;
pub mod search;
pub mod server;
pub mod staff;
pub mod store;
pub mod vocab;
