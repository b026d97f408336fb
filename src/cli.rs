//! Every command and flag of `ftzkg`, defined once. `main.rs` parses these
//! and hands them to `commands`.

use crate::graph::Filter;
use crate::graph::export::GraphFormat;
use crate::graph::replication::{MatrixFormat, MatrixSort};
use crate::graph::view::ViewFormat;
use crate::model::{Class, Property};
use crate::results::ResultFormat;
use clap::{Args, Parser, Subcommand, ValueEnum};
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
        /// Re-extract every file, even those unchanged since they were stored.
        #[arg(long)]
        force: bool,
    },
    /// Remove files from the store (their graphs, and their facts from the
    /// knowledge graph unless another file states them too).
    Remove {
        /// Files as they were ingested.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Load an RDF dump (an `export`: .nq, .trig, .nt, .ttl) into the store as it is.
    Load {
        file: PathBuf,
        /// Use Oxigraph's bulk loader (fast; for an empty store).
        #[arg(long)]
        bulk: bool,
    },
    /// Verify the store: the default graph is exactly the merge, as a set,
    /// of the article, issue and reference graphs.
    Check {
        /// Print the report as JSON.
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
        /// Print only the text and tables extraction sees (to check how a
        /// PDF, Word file or web page was converted).
        #[arg(long)]
        text: bool,
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
        /// it is opened read-only. With --token, staff can curate and upload.
        #[arg(long)]
        writable: bool,
        /// Writes (curation, upload) need `Authorization: Bearer TOKEN`.
        #[arg(long, requires = "writable", conflicts_with = "token_file")]
        token: Option<String>,
        /// Like --token, read from a file (first line).
        #[arg(long, requires = "writable", value_name = "FILE")]
        token_file: Option<PathBuf>,
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
        /// Print the report (scores, misses, false positives) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Draw the knowledge graph: entities as nodes, relations (with their
    /// evidence count, articles and dates) as edges.
    Graph {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, short, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        /// Output file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Trace a practice: where it started, its recognitions, every zone
    /// that copied it; or, with --zone, what a zone copied and who copied it.
    Trace {
        /// A practice (label, alias, or an unambiguous part of one).
        #[arg(required_unless_present = "zone", conflicts_with = "zone")]
        name: Option<String>,
        /// A zone or area instead of a practice.
        #[arg(long, value_name = "NAME")]
        zone: Option<String>,
        #[arg(long, short, value_enum, default_value_t = ViewFormat::Text)]
        format: ViewFormat,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// A zone's policies, practices, platforms, firms and institutions and
    /// recognitions, each with its evidence; --all: the whole zone network.
    Links {
        /// A zone or area (label, alias, or an unambiguous part of one).
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        zone: Option<String>,
        /// Every zone's links as one graph (json = Cytoscape.js elements).
        #[arg(long)]
        all: bool,
        #[arg(long, short, value_enum, default_value_t = ViewFormat::Text)]
        format: ViewFormat,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Practices × zones: where each copied practice was made (首创) and
    /// when each zone copied it; the web page /replication shows the same rows.
    Replication {
        #[arg(long, short, value_enum, default_value_t = MatrixFormat::Table)]
        format: MatrixFormat,
        /// Only zones of this province (黑龙江, 广西 …).
        #[arg(long)]
        province: Option<String>,
        /// Only copies printed on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only copies printed on or before this date.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = MatrixSort::Copies)]
        sort: MatrixSort,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Most connected zones and practices, most copied practices, connected
    /// components.
    Analyze {
        #[command(flatten)]
        filter: FilterArgs,
        /// Rows per ranking.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search of the articles: snippets and the entities they mention.
    Search(SearchArgs),
    /// Correct the graph: decisions kept in <store>/curation.tsv and applied
    /// after every ingest.
    Curate {
        #[command(subcommand)]
        command: CurateCommand,
    },
    /// Likely duplicates across articles, to merge (--accept N) or
    /// dismiss (--dismiss N).
    Review {
        #[arg(long, value_name = "N", conflicts_with = "dismiss")]
        accept: Option<usize>,
        #[arg(long, value_name = "N")]
        dismiss: Option<usize>,
        #[command(flatten)]
        why: Why,
        #[arg(long)]
        json: bool,
    },
    /// The shortest path between two entities, with the evidence of each step.
    Path {
        /// The first entity (name).
        #[arg(value_name = "A")]
        start: String,
        /// The second entity (name).
        #[arg(value_name = "B")]
        end: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
}

/// Full-text search, curation and review: see `crate::search`, `crate::curate`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words or phrases (each whitespace-separated part must occur).
    pub query: String,
    /// Only articles that mention this zone or one of its areas.
    #[arg(long, value_name = "NAME")]
    pub zone: Option<String>,
    /// Only issues dated on or after (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only issues dated on or before.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, short, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

/// Who decides and why (every curation command).
#[derive(Clone, Debug, Default, Args)]
pub struct Why {
    /// Why (kept in the curation file and graph).
    #[arg(long, default_value = "")]
    pub why: String,
    /// Who decides (default: $USER).
    #[arg(long, default_value = "")]
    pub by: String,
}

#[derive(Debug, Subcommand)]
pub enum CurateCommand {
    /// Remove a wrong fact, now and after every later ingest.
    Reject {
        subject: String,
        /// A property's local name (replicatedIn, basedIn …).
        property: Property,
        object: String,
        #[command(flatten)]
        why: Why,
    },
    /// Add a fact the rules missed; `Class:label` names a new entity.
    Add {
        subject: String,
        property: Property,
        object: String,
        /// The evidence: the sentence that states it, or where it comes from.
        #[arg(long)]
        note: String,
        #[command(flatten)]
        why: Why,
    },
    /// Make OTHER one entity with KEEP (OTHER's names become aliases).
    Merge {
        keep: String,
        other: String,
        #[command(flatten)]
        why: Why,
    },
    /// Give an entity a new canonical label (the old one becomes an alias).
    Rename {
        entity: String,
        label: String,
        #[command(flatten)]
        why: Why,
    },
    /// Change an entity's class.
    Retype {
        entity: String,
        class: Class,
        #[command(flatten)]
        why: Why,
    },
    /// Add another name of an entity.
    Alias {
        entity: String,
        alias: String,
        #[command(flatten)]
        why: Why,
    },
    /// List the decisions of the curation file.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Apply the curation file again (after editing it by hand).
    Apply,
}

/// Which part of the graph to project (shared by graph, analyze, path).
#[derive(Clone, Debug, Default, Args)]
pub struct FilterArgs {
    /// Only these classes (Area, Practice, 片区 …; repeat or separate with commas).
    #[arg(long, value_delimiter = ',', value_name = "CLASS")]
    pub class: Vec<Class>,
    /// Only these properties (replicatedIn, issued …).
    #[arg(long, value_delimiter = ',', value_name = "PROPERTY")]
    pub property: Vec<Property>,
    /// Only this zone, its parts and their direct links.
    #[arg(long, value_name = "NAME")]
    pub zone: Option<String>,
    /// Only relations stated in this article (IRI, id, or part of its title).
    #[arg(long, value_name = "ARTICLE")]
    pub article: Vec<String>,
    /// Only relations stated in this issue (IRI, id, or issue number).
    #[arg(long, value_name = "ISSUE")]
    pub issue: Vec<String>,
    /// Only articles printed on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles printed on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only the neighbourhood of this entity …
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// … to this depth.
    #[arg(long, default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Add article nodes and their ftz:mentions edges.
    #[arg(long)]
    pub mentions: bool,
    /// Leave out facts only the reference graph states.
    #[arg(long)]
    pub no_reference: bool,
    /// Leave out entities without relations.
    #[arg(long)]
    pub connected_only: bool,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Filter {
        Filter {
            classes: self.class.clone(),
            properties: self.property.clone(),
            zone: self.zone.clone(),
            articles: self.article.clone(),
            issues: self.issue.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            focus: self.focus.clone(),
            depth: Some(self.depth),
            mentions: self.mentions,
            no_reference: self.no_reference,
            connected_only: self.connected_only,
        }
    }
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
