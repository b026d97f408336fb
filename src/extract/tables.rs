//! Annex tables of notices (序号｜改革事项｜主要内容｜经验来源｜推广范围),
//! as the document's typed tables. A row is read by its column headers: the
//! practice it names, the zone it came from (originatedIn) and the zones
//! that are to copy it (replicatedIn) — the most direct statement of
//! replication.

use super::collect::ArticleGraph;
use super::mention::clean_label;
use super::rules::{EndingUse, Rules, TriggerKind, WordList};
use super::sentence::Sentence;
use super::{Extractor, key, mentions};
use crate::model::{Article, Class, EntityKey, Paragraph, Property};

/// Every table of an article with the line above it (the last line of the
/// paragraph before, or that paragraph's heading).
fn tables(article: &Article) -> impl Iterator<Item = (Option<&str>, &Paragraph)> {
    let mut title: Option<&str> = None;
    let mut last_heading: Option<&str> = None;
    article.paragraphs.iter().filter_map(move |p| {
        if p.table.is_some() {
            // A table under a heading of its own ((二)…示范企业 after the
            // table of (一)…案例): the line above the last table is not its title.
            let heading = p.heading.as_deref();
            if last_heading.is_some() && heading != last_heading {
                title = None;
            }
            last_heading = heading;
            return Some((title, p));
        }
        title = p
            .sentences
            .last()
            .or(p.heading.as_ref())
            .map(String::as_str);
        None
    })
}

/// The recognition a table's title says its rows were selected into:
/// 2023年度…十佳制度创新案例名单 → 2023年度…十佳制度创新案例. Without the
/// kind of table it may name (`kinds`: table_kinds, item_list_kinds), the title must name a selection
/// (series_marks: 第N批, 年度, 十佳) and end with a recognition ending.
pub(super) fn recognition_of_title(rules: &Rules, kinds: WordList, title: &str) -> Option<String> {
    let title = title.trim();
    let title = title
        .split_once(['：', ':'])
        .filter(|(lead, _)| lead.starts_with("附件"))
        .map_or(title, |(_, rest)| rest.trim());
    // （一）…最佳实践案例（6项）: a section's number and its count are no
    // part of the title.
    let title = crate::corpus::without_marker(title);
    let title = COUNT.find(title).map_or(title, |m| &title[..m.start()]);
    let kind = rules.ends_with_word(kinds, title).unwrap_or("");
    let mut name = clean_label(&title[..title.len() - kind.len()]);
    // 重庆自贸试验区发布2024年度十大制度创新成果: the list is who made it
    // and what it is, without the verb of the headline.
    if let Some(verb) = rules
        .words(WordList::AnnounceVerbs)
        .iter()
        .find(|v| name.contains(v.as_str()))
        && let Some((who, what)) = name.split_once(verb.as_str())
        && !who.contains(['，', '。', '；'])
    {
        name = format!("{who}{what}");
    }
    let selected = rules.contains_word(WordList::SeriesMarks, &name);
    let recognition = matches!(
        rules.class_by_ending(&name),
        Some((Class::Recognition, _, _))
    );
    (selected && recognition && name.chars().count() >= 6).then_some(name)
}

/// A count in brackets that ends a list's title: （6项）, (5家), （共4个）.
static COUNT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[（(]\s*共?\s*\d{1,3}\s*[项家个批条件]\s*[）)]\s*$").expect("count pattern")
});

/// Reads every table of an article into the graph.
pub fn read(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let rules = &extractor.known.rules;
    let mut roles: Option<Vec<Option<String>>> = None;
    for (title, paragraph) in tables(article) {
        let Some(table) = &paragraph.table else {
            continue;
        };
        // The title: the line above the table, or the heading it sits under.
        let recognition = [title, paragraph.heading.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|t| recognition_of_title(rules, WordList::TableKinds, t))
            .map(|label| key(Class::Recognition, &label));
        for (row_cells, row) in table.all_rows().zip(&paragraph.sentences) {
            let row_cells: Vec<&str> = row_cells.iter().map(String::as_str).collect();
            read_row(
                extractor,
                &row_cells,
                row,
                recognition.as_ref(),
                &mut roles,
                graph,
            );
        }
    }
}

/// One row of a table: a header row sets the column roles, a body row
/// states what its cells name.
fn read_row(
    extractor: &Extractor,
    row_cells: &[&str],
    row: &str,
    recognition: Option<&EntityKey>,
    roles: &mut Option<Vec<Option<String>>>,
    graph: &mut ArticleGraph,
) {
    let rules = &extractor.known.rules;
    let header: Vec<Option<String>> = row_cells
        .iter()
        .map(|c| rules.column_role(c).map(str::to_owned))
        .collect();
    let is_header = header.iter().filter(|r| r.is_some()).count() >= 2
        && row_cells.iter().all(|c| c.chars().count() <= 12);
    if is_header {
        *roles = Some(header);
        return;
    }
    let Some(roles) = roles.as_ref() else { return };
    // |---|---| under a markdown header.
    let rule = row_cells.iter().all(|c| {
        c.chars()
            .all(|ch| matches!(ch, '-' | ':' | '—' | '－' | ' '))
    });
    if rule {
        return;
    }
    // Every non-empty cell of a role (申报单位 and 所在片区 are both sources).
    let cells = |role: &str| -> Vec<&str> {
        (roles.iter().zip(row_cells))
            .filter(|(r, c)| r.as_deref() == Some(role) && !c.is_empty())
            .map(|(_, c)| *c)
            .collect()
    };
    let cell = |role: &str| cells(role).first().copied();
    // 荣誉名称｜获得主体: the holder is recognised as the honour.
    if let (Some(honour), Some(holder)) = (cell("honour"), cell("holder")) {
        honour_row(extractor, honour, holder, row, graph);
        return;
    }
    let Some(name) = cell("name") else { return };
    // 复制重庆自贸试验区“一箱多票”集拼经验: the row copies a practice; the
    // zone it names is where it came from, the row's site where it went.
    let copied = rules
        .starts_with_trigger(TriggerKind::Replicate, name)
        .map(|verb| &name[verb.len()..])
        .filter(|rest| {
            let s = Sentence::new(&extractor.segmenter, rest);
            mentions::find(&extractor.known, &s)
                .iter()
                .any(|m| m.class().is_zone())
        });
    let name = copied.unwrap_or(name);
    let label = clean_label(name);
    // 政策名称｜发文机关｜适用范围: a catalogue of policies.
    if copied.is_none() && policy_row(extractor, name, &cells, row, graph) {
        return;
    }
    // 制定《…办法》, 搭建X平台, 招引…企业入驻X综合保税区, 引进…龙头企业: a
    // row about a policy, platform, firm or zone, not a practice.
    let firms = rules.ends_with_word(WordList::FirmNouns, &label).is_some();
    // ● 落户当年完成…，运贸一体…: a bulleted line or a clause is prose
    // that a table reader took for a row, not a practice's name.
    let prose = name.starts_with(['●', '◆', '■', '▶', '•', '·', '★'])
        || name.contains(['，', '；', '：', ',', ';']);
    let class = match rules.class_by_ending(&label) {
        _ if name.contains('《') || firms || prose => None,
        Some((Class::Platform, EndingUse::Strong, _)) if recognition.is_some() => {
            Some(Class::Platform)
        }
        Some((Class::Practice | Class::Recognition, _, _)) | None => Some(Class::Practice),
        Some((_, EndingUse::Strong, _)) => None,
        Some(_) => Some(Class::Practice),
    };
    let Some(class) = class else {
        let named = mentions_in(extractor, name, graph, |c| c != Class::Practice);
        // 企业名称｜所在片区: a row of a firm says the zone it is based in.
        let whole =
            |k: &EntityKey| matches!(k.class, Class::Firm | Class::Institution) && k.label == label;
        if let Some((firm, _)) = named.iter().find(|(k, _)| whole(k)) {
            // 2025年度…示范企业（5家）: the list the table names.
            if let Some(recognition) = recognition {
                graph.add_relation(firm, Property::RecognizedAs, recognition, row);
            }
            let seats = cells("source").into_iter().chain(cells("declarer"));
            for cell in seats.chain(cells("site")) {
                for zone in names_in(extractor, cell, graph) {
                    if zone.class.is_zone() {
                        graph.add_relation(firm, Property::BasedIn, &zone, row);
                    }
                }
            }
        }
        return;
    };
    let practice = key(class, &label);
    graph.add_entity(&practice, name);
    if let Some(recognition) = recognition {
        graph.add_relation(&practice, Property::RecognizedAs, recognition, row);
    }
    // 入选/认定情况: the row's own recognitions.
    for honours in cells("honour") {
        for honour in honours.split(['；', ';', '、']) {
            // 入选全国…最佳实践案例: the cell may open with the verb.
            let honour = honour.trim();
            let verb = rules.starts_with_trigger(TriggerKind::Recognize, honour);
            let honour = &honour[verb.map_or(0, str::len)..];
            let label = clean_label(honour);
            if let Some((Class::Recognition, _, _)) = rules.class_by_ending(&label) {
                let recognition = key(Class::Recognition, &label);
                graph.add_entity(&recognition, honour.trim());
                graph.add_relation(&practice, Property::RecognizedAs, &recognition, row);
            }
        }
    }
    let mut origins: Vec<EntityKey> = Vec::new();
    let mut targets: Vec<EntityKey> = Vec::new();
    if copied.is_some() {
        origins.extend(names_in(extractor, name, graph));
    }
    // 经验来源: where it started (a zone, or a body that created it).
    for source in cells("source").into_iter().chain(cells("declarer")) {
        origins.extend(names_in(extractor, source, graph));
    }
    // 主要内容, 完成情况: a sentence that says who created it (首创, 率先 …),
    // or who copied it from whom (X学习借鉴Y经验).
    let prose = cells("content").into_iter().map(|c| (c, false));
    for (content, report) in prose.chain(cells("status").into_iter().map(|c| (c, true))) {
        for sentence in content.split_inclusive(['。', '；']) {
            let links = prose_links(extractor, sentence, report, graph);
            origins.extend(links.origins);
            targets.extend(links.copies);
        }
    }
    // 实施片区: where the row's item is carried out.
    for site in cells("site") {
        let zones = names_in(extractor, site, graph);
        if copied.is_some() {
            targets.extend(zones);
        } else if origins.is_empty() {
            origins.extend(zones);
        }
    }
    for origin in origins {
        if origin.class.is_zone() || origin.class.is_organisation() {
            graph.add_relation(&practice, Property::OriginatedIn, &origin, row);
        }
    }
    // 推广范围: the zones it names (全省 names none).
    if let Some(scope) = cell("scope") {
        targets.extend(names_in(extractor, scope, graph));
    }
    for target in targets {
        if target.class.is_zone() {
            graph.add_relation(&practice, Property::ReplicatedIn, &target, row);
        }
    }
    if let Some(lead) = cell("lead") {
        names_in(extractor, lead, graph);
    }
}

/// Who a piece of prose about an item says created it and who copied it.
#[derive(Default)]
pub(super) struct ProseLinks {
    pub origins: Vec<EntityKey>,
    pub copies: Vec<EntityKey>,
}

/// The names of one sentence (or clause) of prose about a row's or card's
/// item: with a replicate trigger (X学习借鉴Y经验) the names before it copied
/// the item and those after are where it came from; with an originate
/// trigger (首创, 率先 …) or a source word (源于) every name created it. A
/// `report` (a 台账's 完成情况) names where it was done even without one.
pub(super) fn prose_links(
    extractor: &Extractor,
    sentence: &str,
    report: bool,
    graph: &mut ArticleGraph,
) -> ProseLinks {
    let rules = &extractor.known.rules;
    let copy_at = rules
        .triggers(TriggerKind::Replicate)
        .iter()
        .filter_map(|t| sentence.find(t.as_str()))
        .min();
    let creates = rules
        .triggers(TriggerKind::Originate)
        .iter()
        .any(|t| sentence.contains(t.as_str()))
        || rules.contains_word(WordList::SourceWords, sentence);
    let mut links = ProseLinks::default();
    if !report && copy_at.is_none() && !creates {
        return links;
    }
    let named = mentions_in(extractor, sentence, graph, |c| c != Class::Practice);
    for (name, at) in named {
        match copy_at {
            Some(copy) if at < copy => links.copies.push(name),
            Some(_) => links.origins.push(name),
            None if creates => links.origins.push(name),
            None => {}
        }
    }
    links
}

/// A row naming a policy (its name ends like one: …办法, …若干措施): the
/// issuer cells' bodies issued it, it applies to the zones of its scope
/// and site cells. Returns whether the row was a policy's.
fn policy_row<'a>(
    extractor: &Extractor,
    name: &str,
    cells: &dyn Fn(&str) -> Vec<&'a str>,
    row: &str,
    graph: &mut ArticleGraph,
) -> bool {
    let rules = &extractor.known.rules;
    // 制定《…办法》, 落实…若干措施: a task about a policy, not its title.
    let verb = rules
        .starts_with_trigger(TriggerKind::Issue, name.trim())
        .or_else(|| rules.starts_with_word(WordList::TaskVerbs, name.trim()));
    if verb.is_some() {
        return false;
    }
    let title = name.trim().trim_start_matches('《').trim_end_matches('》');
    let label = clean_label(title);
    if !matches!(rules.class_by_ending(&label), Some((Class::Policy, _, _))) {
        return false;
    }
    let policy = key(Class::Policy, &label);
    graph.add_entity(&policy, title);
    for issuer in cells("issuer") {
        for body in names_in(extractor, issuer, graph) {
            if body.class.is_organisation() {
                graph.add_relation(&body, Property::Issued, &policy, row);
            }
        }
    }
    for scope in cells("scope").into_iter().chain(cells("site")) {
        for zone in names_in(extractor, scope, graph) {
            if zone.class.is_zone() {
                graph.add_relation(&policy, Property::AppliesTo, &zone, row);
            }
        }
    }
    true
}

/// One row of an honours table: the holder cell's names (or the holder
/// itself, classed by its ending: “江海云港”智慧物流平台, 苏州供应链公司)
/// are recognised as the honour.
fn honour_row(
    extractor: &Extractor,
    honour: &str,
    holder: &str,
    row: &str,
    graph: &mut ArticleGraph,
) {
    let honour = key(Class::Recognition, &clean_label(honour));
    graph.add_entity(&honour, "");
    let mut holders = names_in(extractor, holder, graph);
    if holders.is_empty() {
        let label = clean_label(holder);
        if let Some((class, _, _)) = extractor.known.rules.class_by_ending(&label)
            && matches!(
                class,
                Class::Firm | Class::Platform | Class::Practice | Class::Institution
            )
        {
            let holder_key = key(class, &label);
            graph.add_entity(&holder_key, holder);
            holders.push(holder_key);
        }
    }
    for h in holders
        .iter()
        .filter(|h| h.class != Class::Recognition && h.class != Class::Place)
    {
        graph.add_relation(h, Property::RecognizedAs, &honour, row);
    }
}

/// The zones and organisations a cell names, added to the graph as
/// entities; places are left out (a scope of 成都 is not a zone).
pub(super) fn names_in(
    extractor: &Extractor,
    cell: &str,
    graph: &mut ArticleGraph,
) -> Vec<EntityKey> {
    let keep = |c: Class| c.is_zone() || c.is_organisation();
    let found = mentions_in(extractor, cell, graph, keep);
    found.into_iter().map(|(key, _)| key).collect()
}

/// The practices a piece of text names on their own (not added to the graph).
pub(super) fn practices_in(extractor: &Extractor, text: &str) -> Vec<EntityKey> {
    let s = Sentence::new(&extractor.segmenter, text);
    mentions::find(&extractor.known, &s)
        .into_iter()
        .filter(|m| !m.nested && m.class() == Class::Practice)
        .map(|m| m.key)
        .collect()
}

/// The names a piece of text gives on their own (not added to the graph).
pub(super) fn mentioned_in(extractor: &Extractor, text: &str) -> Vec<EntityKey> {
    let s = Sentence::new(&extractor.segmenter, text);
    mentions::find(&extractor.known, &s)
        .into_iter()
        .filter(|m| !m.nested)
        .map(|m| m.key)
        .collect()
}

/// The names of the classes `keep` takes that a cell gives (with where
/// each starts, in bytes), added to the graph as entities.
fn mentions_in(
    extractor: &Extractor,
    cell: &str,
    graph: &mut ArticleGraph,
    keep: impl Fn(Class) -> bool,
) -> Vec<(EntityKey, usize)> {
    let s = Sentence::new(&extractor.segmenter, cell);
    let mut out: Vec<(EntityKey, usize)> = Vec::new();
    for m in mentions::find(&extractor.known, &s)
        .iter()
        .filter(|m| !m.nested)
    {
        if !keep(m.class()) {
            continue;
        }
        graph.add_mention(m);
        zone_of_full_area_name(extractor, m, &s.text[m.start..m.end], cell, graph);
        for alias in &m.aliases {
            graph.add_entity(&m.key, alias);
        }
        for (alias, _) in s.aliases.iter().filter(|(_, at)| *at == m.end) {
            graph.add_entity(&m.key, alias);
        }
        if !out.iter().any(|(k, _)| *k == m.key) {
            out.push((m.key.clone(), m.start));
        }
    }
    out
}

/// 浙江自贸试验区舟山片区 in a cell: the area is part of the zone its name
/// holds, and the zone is named by that form.
fn zone_of_full_area_name(
    extractor: &Extractor,
    m: &super::mention::Mention,
    surface: &str,
    cell: &str,
    graph: &mut ArticleGraph,
) {
    let lexicon = &extractor.known.lexicon;
    let Some(zone) = m
        .entry
        .map(|i| &lexicon.entries[i])
        .filter(|e| e.class == Class::Area)
        .and_then(|e| e.part_of.as_deref())
        .and_then(|label| lexicon.lookup(label))
        .filter(|z| z.class == Class::FreeTradeZone)
    else {
        return;
    };
    let Some(form) = ["自由贸易试验区", "自贸试验区"]
        .iter()
        .find_map(|w| surface.find(w).map(|at| &surface[..at + w.len()]))
    else {
        return;
    };
    let zone_key = key(zone.class, &zone.label);
    graph.add_entity(&zone_key, form);
    graph.add_relation(&m.key, Property::PartOf, &zone_key, cell);
}
