//! Every command and flag of `ftzkg`, defined once. `main.rs` parses these
//! and hands them to `commands`.

use crate::results::ResultFormat;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "ftzkg",
    version,
    about = "自贸试验区知识图谱 — knowledge graph of China's pilot free trade zones from newsletters",
    long_about = "ftzkg reads free-trade-zone newsletters and notices (自贸动态, 简报, 通知), extracts zones, \
areas, firms, bodies, policies, practices, platforms, recognitions and places with the relations between \
them, stores them with their evidence sentences in an RDF store, and answers SPARQL."
)]
pub struct Cli {
    /// Store folder (RocksDB). Default: $FTZKG_STORE, else
    /// $XDG_DATA_HOME/ftzkg/store (~/.local/share/ftzkg/store).
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read files or folders of articles into the store (re-ingesting replaces).
    Ingest {
        /// Files or folders (read recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run SPARQL: inline text, @FILE.rq, or the name of a canned query.
    Query {
        /// SPARQL text, `@file.rq`, or a canned query name (see `ftzkg queries`).
        query: String,
        #[arg(long, short, value_enum, default_value_t = ResultFormat::Table)]
        format: ResultFormat,
    },
    /// List the canned queries in queries/.
    Queries,
    /// Write the store (or one graph) in an RDF format.
    Export {
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Nquads)]
        format: ExportFormat,
        /// Only this named graph (IRI).
        #[arg(long)]
        graph: Option<String>,
        /// Output file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Counts per class, property, article and issue.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Show the layout and extraction of one file without touching a store.
    Extract {
        file: PathBuf,
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
    /// Ingest the bundled sample into the store and show what it holds.
    Demo,
    /// Serve the SPARQL 1.1 Protocol endpoint (/sparql) and the web UI.
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Seconds a query may run before it is cancelled (answered 503).
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// Open the store for writing (locks it against `ingest`); by default
        /// it is opened read-only. The server never writes either way.
        #[arg(long)]
        writable: bool,
    },
    /// Measure extraction against a hand annotation (gold TSV): precision,
    /// recall and F1 of entities and relations. Uses a temporary store.
    Eval {
        /// Gold annotation (see GUIDELINES: E/R lines).
        gold: PathBuf,
        /// The annotated files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// List misses and false positives.
        #[arg(long)]
        show: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}
