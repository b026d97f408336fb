//! End to end: `ftzkg eval --json` on the blind batches of issue #9
//! (`tests/fixtures/blind/<batch>/`: documents annotated by writers who had
//! not seen the rules; first scores and the commands in
//! `tests/fixtures/blind/LOG.md`). Each batch's micro scores (over all its
//! documents) must stay above a floor set slightly below their current
//! level, and every per-property row must be present in the JSON report.

mod common;

use common::Workspace;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind");

/// Counts of one score (predicted, gold, correct, found).
#[derive(Default, Clone, Copy)]
struct Counts([f64; 4]);

impl Counts {
    fn add(&mut self, score: &Value) {
        for (i, k) in ["predicted", "gold", "correct", "found"].iter().enumerate() {
            self.0[i] += score[k]
                .as_f64()
                .unwrap_or_else(|| panic!("{k} in {score}"));
        }
    }

    fn f1(&self) -> f64 {
        let [predicted, gold, correct, found] = self.0;
        let p = if predicted > 0.0 {
            correct / predicted
        } else {
            0.0
        };
        let r = if gold > 0.0 { found / gold } else { 0.0 };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The formats a blind writer hands in, as users hold them.
const DOCUMENT_EXTENSIONS: [&str; 4] = ["txt", "html", "docx", "pdf"];

fn documents(batch: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(FIXTURES).join(batch);
    let mut docs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let gold = e.ok()?.path();
            let name = gold
                .file_name()?
                .to_str()?
                .strip_suffix(".gold.tsv")?
                .to_owned();
            // The annotated document is the text, web page or Word file of that name.
            DOCUMENT_EXTENSIONS
                .iter()
                .map(|ext| dir.join(format!("{name}.{ext}")))
                .find(|path| path.exists())
                .map(|text| (gold, text))
        })
        .collect();
    docs.sort();
    docs
}

/// Micro typed-entity F1 and relation F1 over a batch.
fn micro(batch: &str) -> (f64, f64) {
    let ws = Workspace::new();
    let (mut entities, mut relations) = (Counts::default(), Counts::default());
    let docs = documents(batch);
    assert!(!docs.is_empty(), "{batch}: no documents");
    for (gold, text) in docs {
        let out = ws.ok(&[
            "eval",
            "--json",
            gold.to_str().unwrap(),
            text.to_str().unwrap(),
        ]);
        let report: Value = serde_json::from_str(&out).expect("JSON report");
        assert!(report["by_property"].is_object() && report["by_class"].is_object());
        entities.add(&report["typed_entities"]);
        relations.add(&report["relations"]);
    }
    (entities.f1(), relations.f1())
}

fn assert_floor(batch: &str, entity_floor: f64, relation_floor: f64) {
    let (entities, relations) = micro(batch);
    eprintln!("{batch}: typed entity F1 {entities:.3}, relation F1 {relations:.3}");
    assert!(
        entities >= entity_floor && relations >= relation_floor,
        "{batch}: typed entity F1 {entities:.3} (floor {entity_floor}), relation F1 {relations:.3} (floor {relation_floor})"
    );
}

#[test]
fn batch_a_stays_above_its_floor() {
    assert_floor("batch-a", 0.83, 0.72);
}

#[test]
fn batch_b_stays_above_its_floor() {
    assert_floor("batch-b", 0.92, 0.83);
}

#[test]
fn batch_c_stays_above_its_floor() {
    assert_floor("batch-c", 0.9, 0.76);
}

#[test]
fn batch_d_stays_above_its_floor() {
    assert_floor("batch-d", 0.85, 0.56);
}

#[test]
fn batch_e_stays_above_its_floor() {
    assert_floor("batch-e", 0.83, 0.66);
}

#[test]
fn batch_f_stays_above_its_floor() {
    assert_floor("batch-f", 0.82, 0.63);
}

#[test]
fn batch_g_stays_above_its_floor() {
    assert_floor("batch-g", 0.82, 0.66);
}

#[test]
fn batch_h_stays_above_its_floor() {
    assert_floor("batch-h", 0.86, 0.82);
}

#[test]
fn batch_i_stays_above_its_floor() {
    assert_floor("batch-i", 0.82, 0.77);
}

#[test]
fn batch_j_stays_above_its_floor() {
    assert_floor("batch-j", 0.79, 0.59);
}

#[test]
fn batch_k_stays_above_its_floor() {
    assert_floor("batch-k", 0.79, 0.67);
}

#[test]
fn batch_l_stays_above_its_floor() {
    assert_floor("batch-l", 0.82, 0.73);
}

#[test]
fn batch_m_stays_above_its_floor() {
    assert_floor("batch-m", 0.81, 0.54);
}

#[test]
fn batch_n_stays_above_its_floor() {
    assert_floor("batch-n", 0.79, 0.63);
}

#[test]
fn batch_o_stays_above_its_floor() {
    assert_floor("batch-o", 0.84, 0.77);
}

#[test]
fn batch_p_stays_above_its_floor() {
    assert_floor("batch-p", 0.82, 0.67);
}

#[test]
fn batch_q_stays_above_its_floor() {
    assert_floor("batch-q", 0.82, 0.67);
}

#[test]
fn batch_r_stays_above_its_floor() {
    assert_floor("batch-r", 0.81, 0.73);
}

#[test]
fn batch_s_stays_above_its_floor() {
    assert_floor("batch-s", 0.86, 0.79);
}

#[test]
fn batch_t_stays_above_its_floor() {
    assert_floor("batch-t", 0.81, 0.64);
}

#[test]
fn batch_u_stays_above_its_floor() {
    assert_floor("batch-u", 0.86, 0.66);
}

#[test]
fn batch_v_stays_above_its_floor() {
    assert_floor("batch-v", 0.75, 0.66);
}

#[test]
fn batch_w_stays_above_its_floor() {
    assert_floor("batch-w", 0.87, 0.72);
}

#[test]
fn batch_x_stays_above_its_floor() {
    assert_floor("batch-x", 0.80, 0.66);
}

#[test]
fn batch_y_stays_above_its_floor() {
    assert_floor("batch-y", 0.81, 0.70);
}

#[test]
fn batch_z_stays_above_its_floor() {
    assert_floor("batch-z", 0.77, 0.55);
}

#[test]
fn batch_aa_stays_above_its_floor() {
    assert_floor("batch-aa", 0.80, 0.61);
}

#[test]
fn batch_ab_stays_above_its_floor() {
    assert_floor("batch-ab", 0.82, 0.70);
}

#[test]
fn batch_ac_stays_above_its_floor() {
    assert_floor("batch-ac", 0.85, 0.69);
}

#[test]
fn batch_ad_stays_above_its_floor() {
    assert_floor("batch-ad", 0.80, 0.61);
}

#[test]
fn batch_ae_stays_above_its_floor() {
    assert_floor("batch-ae", 0.82, 0.76);
}

#[test]
fn batch_af_stays_above_its_floor() {
    assert_floor("batch-af", 0.84, 0.67);
}

#[test]
fn batch_ag_stays_above_its_floor() {
    assert_floor("batch-ag", 0.86, 0.74);
}

#[test]
fn batch_ah_stays_above_its_floor() {
    assert_floor("batch-ah", 0.83, 0.64);
}

#[test]
fn batch_ai_stays_above_its_floor() {
    assert_floor("batch-ai", 0.85, 0.83);
}

#[test]
fn batch_aj_stays_above_its_floor() {
    // 0.66, not 0.68: since 40172ab a special zone lies in the place its
    // name holds only where the sentence names that place (LOG.md, session
    // 34); aj's writer marked some name-only facts true (aj 0.684 → 0.679).
    assert_floor("batch-aj", 0.86, 0.66);
}

#[test]
fn batch_ak_stays_above_its_floor() {
    assert_floor("batch-ak", 0.85, 0.72);
}

#[test]
fn batch_al_stays_above_its_floor() {
    assert_floor("batch-al", 0.81, 0.71);
}

#[test]
fn batch_am_stays_above_its_floor() {
    assert_floor("batch-am", 0.87, 0.70);
}

#[test]
fn batch_an_stays_above_its_floor() {
    assert_floor("batch-an", 0.84, 0.76);
}

/// Saved web pages and Word files, read through the document model.
#[test]
fn batch_ao_stays_above_its_floor() {
    assert_floor("batch-ao", 0.87, 0.76);
}

#[test]
fn batch_ap_stays_above_its_floor() {
    assert_floor("batch-ap", 0.82, 0.70);
}

/// Real PDFs printed by Chromium: ActualText characters, columns, boxes.
#[test]
fn batch_aq_stays_above_its_floor() {
    assert_floor("batch-aq", 0.85, 0.66);
}

/// Mixed real files: a three-column newspaper PDF, a ruled annex table over
/// two pages, Word minutes and reports, web pages.
#[test]
fn batch_ar_stays_above_its_floor() {
    assert_floor("batch-ar", 0.84, 0.72);
}

/// Classic layouts by a new writer: a hard-wrapped digest, a ★/■ bulletin,
/// a web page with its chrome, annex tables aligned by spaces and boxes.
#[test]
fn batch_as_stays_above_its_floor() {
    assert_floor("batch-as", 0.83, 0.71);
}

/// An area's about page, a year's ten results with 首创单位 lines, a
/// signing roundup, a platform launch, an investment guide, a news page.
#[test]
fn batch_at_stays_above_its_floor() {
    assert_floor("batch-at", 0.84, 0.70);
}

/// Seven documents tracing practices from 2021 to 2026.
#[test]
fn batch_au_stays_above_its_floor() {
    assert_floor("batch-au", 0.81, 0.75);
}
