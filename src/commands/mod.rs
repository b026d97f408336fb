//! What each command does, in terms of the library; the only place that
//! prints for people. Errors come back typed; `main` turns them into
//! messages and exit codes.

mod documents;
mod reading;
mod writing;

use crate::cli::{Cli, Command};
use crate::graph::{Filter, replication, view};
use crate::store::{KgStore, default_store_dir};
use documents::{document_text_command, extract_command};
use reading::{eval_command, export_command, list_queries, query_command, stats_command};
use std::io::Write;
use std::path::Path;
use writing::{check_command, demo_command, ingest_command, remove_command};

/// The sample newsletter bundled with the binary.
pub const SAMPLE_NAME: &str = "data/corpus/zimao-dongtai-245.txt";
pub const SAMPLE: &str = include_str!("../../data/corpus/zimao-dongtai-245.txt");

/// A command's failure, already worded for people.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    /// Exit code: 1 for partial failure (some files bad), 2 for errors.
    pub code: i32,
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure {
            message: e.to_string(),
            code: 2,
        }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let store_dir = cli.store.clone().unwrap_or_else(default_store_dir);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Ingest { paths, json, force } => {
            ingest_command(&store_dir, &paths, json, force, &mut out)
        }
        Command::Remove { paths } => remove_command(&store_dir, &paths, &mut out),
        Command::Check { json } => check_command(&store_dir, json, &mut out),
        Command::Load { file, bulk } => {
            let quads = open(&store_dir)?.load_dump(&file, bulk)?;
            writeln!(
                out,
                "已载入 loaded {}: the store holds {quads} quads",
                file.display()
            )?;
            Ok(())
        }
        Command::Query { query, format } => query_command(&store_dir, &query, format, &mut out),
        Command::Queries => list_queries(&mut out),
        Command::Export {
            format,
            graph,
            output,
        } => export_command(
            &store_dir,
            format,
            graph.as_deref(),
            output.as_deref(),
            &mut out,
        ),
        Command::Stats { json } => stats_command(&open(&store_dir)?, json, &mut out),
        Command::Extract {
            file, text: true, ..
        } => document_text_command(&file, &mut out),
        Command::Extract { file, format, .. } => extract_command(&file, format, &mut out),
        Command::Demo => demo_command(&store_dir, &mut out),
        Command::Serve {
            bind,
            timeout,
            writable,
            token,
            token_file,
        } => {
            let token = crate::staff::read_token(token, token_file.as_deref())?;
            serve_command(&store_dir, bind, timeout, writable, token)
        }
        Command::Search(args) => crate::staff::search(&store_dir, &args, &mut out),
        Command::Curate { command } => crate::staff::curate(&store_dir, command, &mut out),
        Command::Review {
            accept,
            dismiss,
            why,
            json,
        } => crate::staff::review(&store_dir, accept, dismiss, &why, json, &mut out),
        Command::Eval {
            gold,
            files,
            show,
            json,
        } => eval_command(&gold, &files, show, json, &mut out),
        Command::Graph {
            filter,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            Ok(view::graph(
                &open(&store_dir)?,
                &filter.to_filter(),
                format,
                w,
            )?)
        }),
        Command::Trace {
            name,
            zone,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let store = open(&store_dir)?;
            match (&name, &zone) {
                (_, Some(zone)) => Ok(view::trace_zone(&store, zone, format, w)?),
                (Some(name), None) => Ok(view::trace_practice(&store, name, format, w)?),
                (None, None) => Err("trace needs a NAME or --zone NAME".into()),
            }
        }),
        Command::Links {
            zone,
            all,
            format,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let store = open(&store_dir)?;
            match zone.as_deref().filter(|_| !all) {
                Some(zone) => Ok(view::zone_links(&store, zone, format, w)?),
                None => Ok(view::all_links(&store, &Filter::default(), format, w)?),
            }
        }),
        Command::Replication {
            format,
            province,
            from,
            to,
            sort,
            output,
        } => to_output(output.as_deref(), &mut out, |w| {
            let filter = Filter {
                from,
                to,
                ..Filter::default()
            };
            let options = replication::MatrixOptions { province, sort };
            let matrix = replication::read(&open(&store_dir)?, &filter, &options)?;
            Ok(replication::write(&matrix, format, w)?)
        }),
        Command::Analyze { filter, top, json } => Ok(view::analyze(
            &open(&store_dir)?,
            &filter.to_filter(),
            top,
            json,
            &mut out,
        )?),
        Command::Path {
            start,
            end,
            filter,
            json,
        } => Ok(view::path(
            &open(&store_dir)?,
            &filter.to_filter(),
            &start,
            &end,
            json,
            &mut out,
        )?),
    }
}

/// Runs `write` on a file (when `-o FILE` is given) or on stdout.
fn to_output(
    output: Option<&Path>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            write(&mut writer)?;
            writer.flush()?;
            Ok(())
        }
        None => write(out),
    }
}

fn open(dir: &Path) -> Result<KgStore, Failure> {
    Ok(KgStore::open(dir)?)
}

/// Runs a SELECT and returns its rows for display (IRIs compacted).
pub fn select_rows(
    store: &KgStore,
    sparql: &str,
) -> Result<(Vec<String>, Vec<Vec<String>>), Failure> {
    let (header, rows) = store.select(sparql)?;
    let rows = rows
        .into_iter()
        .map(|r| r.iter().map(|c| crate::results::compact_iri(c)).collect())
        .collect();
    Ok((header, rows))
}

fn serve_command(
    dir: &Path,
    bind: std::net::SocketAddr,
    timeout: u64,
    writable: bool,
    token: Option<String>,
) -> Result<(), Failure> {
    let config = crate::server::ServeConfig {
        store: dir.to_owned(),
        bind,
        timeout: std::time::Duration::from_secs(timeout.max(1)),
        writable,
        token,
    };
    crate::server::serve(&config)?;
    Ok(())
}
