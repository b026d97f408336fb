//! Taking a decision (CLI `curate …`, `review --accept`, the server's
//! writes): names become IRIs with the CLI's name resolution, a rejected
//! fact must exist, then the line is appended to the curation file and the
//! whole file is applied.
//!
//! Input: the store and an `Action` whose entities are names. Output: the
//! `Decision` as written, and the `ApplyReport`.

use super::{Action, ApplyReport, CurationError, CurationFile, Decision, apply, is_iri};
use crate::graph::resolve;
use crate::store::KgStore;
use crate::vocab;

/// Resolves, records and applies one decision. `by` empty means `$USER`.
pub fn decide(
    store: &KgStore,
    action: Action,
    by: &str,
    why: &str,
    note: &str,
) -> Result<(Decision, ApplyReport), CurationError> {
    let dir = store.dir().ok_or_else(|| {
        CurationError::Invalid("curation needs an on-disk store (--store DIR)".into())
    })?;
    let action = resolved(store, action)?;
    if let Action::Reject {
        subject,
        property,
        object,
    } = &action
    {
        let ask = format!(
            "SELECT ?x WHERE {{ BIND(1 AS ?x) <{subject}> <{}> <{object}> }} LIMIT 1",
            vocab::property_iri(*property)
        );
        if store.select(&ask)?.1.is_empty() {
            return Err(CurationError::Invalid(format!(
                "the store states no fact {} —{}→ {}",
                super::compact(subject),
                property.local_name(),
                super::compact(object)
            )));
        }
    }
    if let Action::Add { .. } = &action
        && note.trim().is_empty()
    {
        return Err(CurationError::Invalid(
            "an added fact needs a note (its evidence: the sentence, the source)".into(),
        ));
    }
    let decision = Decision::now(action, by, why, note);
    let path = CurationFile::path_in(dir);
    CurationFile::append(&path, &decision)?;
    let report = apply(store, &CurationFile::load(&path)?)?;
    Ok((decision, report))
}

/// The action with every entity name replaced by its IRI (a `Class:label`
/// of an entity not in the store is kept: `add` creates it).
fn resolved(store: &KgStore, action: Action) -> Result<Action, CurationError> {
    let catalogue = resolve::Catalogue::load(store)?;
    let entity = |name: String| -> Result<String, CurationError> {
        if is_iri(&name) {
            return Ok(name);
        }
        match resolve::resolve_in(&catalogue, &name, &[]) {
            Ok(node) => Ok(node.iri),
            Err(e) => {
                let new = name
                    .split_once(':')
                    .is_some_and(|(c, _)| c.parse::<crate::model::Class>().is_ok());
                if new { Ok(name) } else { Err(e.into()) }
            }
        }
    };
    Ok(match action {
        Action::Reject {
            subject,
            property,
            object,
        } => Action::Reject {
            subject: entity(subject)?,
            property,
            object: entity(object)?,
        },
        Action::Add {
            subject,
            property,
            object,
        } => Action::Add {
            subject: entity(subject)?,
            property,
            object: entity(object)?,
        },
        Action::Merge { keep, other } => Action::Merge {
            keep: entity(keep)?,
            other: entity(other)?,
        },
        Action::Rename { entity: e, label } => Action::Rename {
            entity: entity(e)?,
            label,
        },
        Action::Retype { entity: e, class } => Action::Retype {
            entity: entity(e)?,
            class,
        },
        Action::Alias { entity: e, alias } => Action::Alias {
            entity: entity(e)?,
            alias,
        },
        Action::Dismiss { a, b } => Action::Dismiss {
            a: entity(a)?,
            b: entity(b)?,
        },
    })
}
