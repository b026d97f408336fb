//! The typed vocabulary of the rule tables: trigger kinds (triggers.tsv),
//! named word lists (words.tsv) and link rows (links.tsv). Input: the names
//! written in the tables; output: enums, so a typo is an error when the
//! tables load, not a rule silently lost.

use crate::model::{Class, Property};
use std::fmt;
use std::str::FromStr;

/// The named word lists of words.tsv.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WordList {
    Anaphora,
    Joiners,
    AdverbTriggers,
    ListOpeners,
    Instruments,
    Venues,
    QuoteFillers,
    PracticeHeads,
    ListHeads,
    ProseMarkers,
    PublisherOf,
    ReportVerbs,
    WithinMarkers,
    NounsInNames,
    CopyTargets,
    FirmEndings,
    BodyEndings,
    InstitutionEndings,
    LocatedVerbs,
    ContainVerbs,
    ApplyVerbs,
    UnnamedScopes,
    UnnamedReceivers,
    OriginMarkers,
    CreatorLeads,
    CreatorSources,
    CreatorAdverbs,
    FirmNouns,
    BasedVerbs,
    FirmAnaphora,
    SharedHeads,
    InForceVerbs,
    SloganEndings,
    SloganAfter,
    FirmTrades,
    LegalForms,
    InsideLeads,
    OperatorVerbs,
    OperatorAdverbs,
    SeatWords,
    ScopeLeads,
    PolicyAnaphora,
    TableKinds,
    SeriesMarks,
    AnnounceVerbs,
    RecognitionLeads,
    ActorAt,
    InsideFirms,
    ListCounters,
    HeadAbbreviations,
    SegmentWords,
    ZoneFirmRefs,
    MakerAdverbs,
    ItemListKinds,
    CollectiveLevels,
    DrawVerbs,
    RecipientVerbs,
    DispositionMarks,
    FirmRecognitions,
    ReferringLeads,
    FirmAppositions,
    TitleWords,
    InvertedMarks,
    CaseRecognitions,
    PlatformAnaphora,
    PlatformSubjects,
    PartVerbs,
    RespectiveMarks,
    AreaRefs,
    InsideTails,
    FirmRefs,
    RefLeads,
    MadeMarkers,
    PhraseStops,
    MadeHeads,
    MadeVerbs,
    PracticeAppositions,
    CopySources,
    ItemHeads,
    TaskVerbs,
}

impl WordList {
    pub const ALL: [WordList; 80] = [
        WordList::Anaphora,
        WordList::Joiners,
        WordList::AdverbTriggers,
        WordList::ListOpeners,
        WordList::Instruments,
        WordList::Venues,
        WordList::QuoteFillers,
        WordList::PracticeHeads,
        WordList::ListHeads,
        WordList::ProseMarkers,
        WordList::PublisherOf,
        WordList::ReportVerbs,
        WordList::WithinMarkers,
        WordList::NounsInNames,
        WordList::CopyTargets,
        WordList::FirmEndings,
        WordList::BodyEndings,
        WordList::InstitutionEndings,
        WordList::LocatedVerbs,
        WordList::ContainVerbs,
        WordList::ApplyVerbs,
        WordList::UnnamedScopes,
        WordList::UnnamedReceivers,
        WordList::OriginMarkers,
        WordList::CreatorLeads,
        WordList::CreatorSources,
        WordList::CreatorAdverbs,
        WordList::FirmNouns,
        WordList::BasedVerbs,
        WordList::FirmAnaphora,
        WordList::SharedHeads,
        WordList::InForceVerbs,
        WordList::SloganEndings,
        WordList::SloganAfter,
        WordList::FirmTrades,
        WordList::LegalForms,
        WordList::InsideLeads,
        WordList::OperatorVerbs,
        WordList::OperatorAdverbs,
        WordList::SeatWords,
        WordList::ScopeLeads,
        WordList::PolicyAnaphora,
        WordList::TableKinds,
        WordList::SeriesMarks,
        WordList::AnnounceVerbs,
        WordList::RecognitionLeads,
        WordList::ActorAt,
        WordList::InsideFirms,
        WordList::ListCounters,
        WordList::HeadAbbreviations,
        WordList::SegmentWords,
        WordList::ZoneFirmRefs,
        WordList::MakerAdverbs,
        WordList::ItemListKinds,
        WordList::CollectiveLevels,
        WordList::DrawVerbs,
        WordList::RecipientVerbs,
        WordList::DispositionMarks,
        WordList::FirmRecognitions,
        WordList::ReferringLeads,
        WordList::FirmAppositions,
        WordList::TitleWords,
        WordList::InvertedMarks,
        WordList::CaseRecognitions,
        WordList::PlatformAnaphora,
        WordList::PlatformSubjects,
        WordList::PartVerbs,
        WordList::RespectiveMarks,
        WordList::AreaRefs,
        WordList::InsideTails,
        WordList::FirmRefs,
        WordList::RefLeads,
        WordList::MadeMarkers,
        WordList::PhraseStops,
        WordList::MadeHeads,
        WordList::MadeVerbs,
        WordList::PracticeAppositions,
        WordList::CopySources,
        WordList::ItemHeads,
        WordList::TaskVerbs,
    ];

    /// The name used in words.tsv.
    pub fn name(self) -> &'static str {
        match self {
            WordList::Anaphora => "anaphora",
            WordList::Joiners => "joiners",
            WordList::AdverbTriggers => "adverb_triggers",
            WordList::ListOpeners => "list_openers",
            WordList::Instruments => "instruments",
            WordList::Venues => "venues",
            WordList::QuoteFillers => "quote_fillers",
            WordList::PracticeHeads => "practice_heads",
            WordList::ListHeads => "list_heads",
            WordList::ProseMarkers => "prose_markers",
            WordList::PublisherOf => "publisher_of",
            WordList::ReportVerbs => "report_verbs",
            WordList::WithinMarkers => "within_markers",
            WordList::NounsInNames => "nouns_in_names",
            WordList::CopyTargets => "copy_targets",
            WordList::FirmEndings => "firm_endings",
            WordList::BodyEndings => "body_endings",
            WordList::InstitutionEndings => "institution_endings",
            WordList::LocatedVerbs => "located_verbs",
            WordList::ContainVerbs => "contain_verbs",
            WordList::ApplyVerbs => "apply_verbs",
            WordList::UnnamedScopes => "unnamed_scopes",
            WordList::UnnamedReceivers => "unnamed_receivers",
            WordList::OriginMarkers => "origin_markers",
            WordList::CreatorLeads => "creator_leads",
            WordList::CreatorSources => "creator_sources",
            WordList::CreatorAdverbs => "creator_adverbs",
            WordList::FirmNouns => "firm_nouns",
            WordList::BasedVerbs => "based_verbs",
            WordList::FirmAnaphora => "firm_anaphora",
            WordList::SharedHeads => "shared_heads",
            WordList::InForceVerbs => "in_force_verbs",
            WordList::SloganEndings => "slogan_endings",
            WordList::SloganAfter => "slogan_after",
            WordList::FirmTrades => "firm_trades",
            WordList::LegalForms => "legal_forms",
            WordList::InsideLeads => "inside_leads",
            WordList::OperatorVerbs => "operator_verbs",
            WordList::OperatorAdverbs => "operator_adverbs",
            WordList::SeatWords => "seat_words",
            WordList::ScopeLeads => "scope_leads",
            WordList::PolicyAnaphora => "policy_anaphora",
            WordList::TableKinds => "table_kinds",
            WordList::SeriesMarks => "series_marks",
            WordList::AnnounceVerbs => "announce_verbs",
            WordList::RecognitionLeads => "recognition_leads",
            WordList::ActorAt => "actor_at",
            WordList::InsideFirms => "inside_firms",
            WordList::ListCounters => "list_counters",
            WordList::HeadAbbreviations => "head_abbreviations",
            WordList::SegmentWords => "segment_words",
            WordList::ZoneFirmRefs => "zone_firm_refs",
            WordList::MakerAdverbs => "maker_adverbs",
            WordList::ItemListKinds => "item_list_kinds",
            WordList::CollectiveLevels => "collective_levels",
            WordList::DrawVerbs => "draw_verbs",
            WordList::RecipientVerbs => "recipient_verbs",
            WordList::DispositionMarks => "disposition_marks",
            WordList::FirmRecognitions => "firm_recognitions",
            WordList::ReferringLeads => "referring_leads",
            WordList::FirmAppositions => "firm_appositions",
            WordList::TitleWords => "title_words",
            WordList::InvertedMarks => "inverted_marks",
            WordList::CaseRecognitions => "case_recognitions",
            WordList::PlatformAnaphora => "platform_anaphora",
            WordList::PlatformSubjects => "platform_subjects",
            WordList::PartVerbs => "part_verbs",
            WordList::RespectiveMarks => "respective_marks",
            WordList::AreaRefs => "area_refs",
            WordList::InsideTails => "inside_tails",
            WordList::FirmRefs => "firm_refs",
            WordList::RefLeads => "ref_leads",
            WordList::MadeMarkers => "made_markers",
            WordList::PhraseStops => "phrase_stops",
            WordList::MadeHeads => "made_heads",
            WordList::MadeVerbs => "made_verbs",
            WordList::PracticeAppositions => "practice_appositions",
            WordList::CopySources => "copy_sources",
            WordList::ItemHeads => "item_heads",
            WordList::TaskVerbs => "task_verbs",
        }
    }
}

/// The kinds of trigger word (first column of triggers.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TriggerKind {
    Replicate,
    Originate,
    Recognize,
    Issue,
    Operate,
    Based,
    Settle,
    SetUp,
    Apply,
    Build,
    Practice,
    Platform,
    ListPractice,
    AfterPlatform,
    AfterPractice,
}

impl TriggerKind {
    pub const ALL: [TriggerKind; 15] = [
        TriggerKind::Replicate,
        TriggerKind::Originate,
        TriggerKind::Recognize,
        TriggerKind::Issue,
        TriggerKind::Operate,
        TriggerKind::Based,
        TriggerKind::Settle,
        TriggerKind::SetUp,
        TriggerKind::Apply,
        TriggerKind::Build,
        TriggerKind::Practice,
        TriggerKind::Platform,
        TriggerKind::ListPractice,
        TriggerKind::AfterPlatform,
        TriggerKind::AfterPractice,
    ];

    /// The name used in the tables.
    pub fn name(self) -> &'static str {
        match self {
            TriggerKind::Replicate => "replicate",
            TriggerKind::Originate => "originate",
            TriggerKind::Recognize => "recognize",
            TriggerKind::Issue => "issue",
            TriggerKind::Operate => "operate",
            TriggerKind::Based => "based",
            TriggerKind::Settle => "settle",
            TriggerKind::SetUp => "set_up",
            TriggerKind::Apply => "apply",
            TriggerKind::Build => "build",
            TriggerKind::Practice => "practice",
            TriggerKind::Platform => "platform",
            TriggerKind::ListPractice => "list_practice",
            TriggerKind::AfterPlatform => "after_platform",
            TriggerKind::AfterPractice => "after_practice",
        }
    }
}

impl fmt::Display for TriggerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TriggerKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TriggerKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = TriggerKind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown trigger kind `{s}` (known: {})", known.join(", "))
            })
    }
}

/// Which end of a link the trigger's subject is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// subject property object (B 印发 P: B issued P).
    Forward,
    /// object property subject (X 复制推广 P: P replicatedIn X).
    Reverse,
}

/// One row of links.tsv: what a trigger of `kind` states between its
/// subject and an object of one of `objects`.
#[derive(Clone, Debug)]
pub struct Link {
    pub kind: TriggerKind,
    pub objects: Vec<Class>,
    /// Classes the subject must have; empty for any.
    pub subjects: Vec<Class>,
    pub property: Property,
    pub direction: Direction,
    /// Only when the verb says the subject built the object (牵头搭建).
    pub only_built: bool,
}
