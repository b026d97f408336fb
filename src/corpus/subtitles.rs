//! Subtitle files (SRT, WebVTT) saved as text: numbered cues with
//! `00:01:02,300 --> 00:01:05,100` timings, one or two short lines each,
//! sentences running on across cues. Input: decoded text; output: the
//! spoken text alone, one paragraph per cue.

use regex::Regex;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}",
    )
    .expect("subtitle timing pattern")
});

/// A speaker or sound label opening a cue line: [解说], （同期声）, 【记者】.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[【（(][^\]】）)]{1,10}[\]】）)]\s*").expect("subtitle label pattern")
});

/// The fewest timing lines that make a text a subtitle file.
const MIN_CUES: usize = 3;

/// The spoken text of a subtitle file, or `None` when `text` is not one.
/// Subtitles carry little punctuation: the lines of one cue are joined
/// with ， and a cue ends with 。 unless its text ends with a mark.
pub fn spoken_text(text: &str) -> Option<String> {
    let timings = text.lines().filter(|l| TIMING.is_match(l)).count();
    if timings < MIN_CUES {
        return None;
    }
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut cue = String::new();
    for (i, line) in lines.iter().enumerate() {
        let next_is_timing = lines.get(i + 1).is_some_and(|l| TIMING.is_match(l));
        let cue_number = next_is_timing && line.chars().all(|c| c.is_ascii_digit());
        if line.is_empty() || cue_number || TIMING.is_match(line) {
            finish_cue(&mut cue, &mut out);
            continue;
        }
        if *line == "WEBVTT" || line.starts_with("NOTE ") {
            continue;
        }
        let spoken = LABEL.replace(line, "");
        let spoken = spoken.trim();
        if spoken.is_empty() {
            continue;
        }
        if !cue.is_empty() && !ends_with_mark(&cue) {
            cue.push('，');
        }
        cue.push_str(spoken);
    }
    finish_cue(&mut cue, &mut out);
    Some(out)
}

fn ends_with_mark(text: &str) -> bool {
    text.ends_with(['。', '！', '？', '；', '，', '、', '：', '”', '…', '!', '?'])
}

/// Writes a cue as a paragraph of its own, ended by a mark.
fn finish_cue(cue: &mut String, out: &mut String) {
    if cue.is_empty() {
        return;
    }
    out.push_str(cue);
    if !ends_with_mark(cue) {
        out.push('。');
    }
    out.push_str("\n\n");
    cue.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_numbers_timings_and_labels_go_and_lines_stay_in_order() {
        let srt = "1\n00:01:02,300 --> 00:01:07,590\n[解说] 从北部湾畔的钦州港\n到中越边境的友谊关\n\n\
                   2\n00:01:07,790 --> 00:01:13,510\n一条开放通道正在成形。\n\n\
                   3\n00:01:13,710 --> 00:01:16,110\n2019年8月30日\n";
        assert_eq!(
            spoken_text(srt).as_deref(),
            Some(
                "从北部湾畔的钦州港，到中越边境的友谊关。\n\n一条开放通道正在成形。\n\n2019年8月30日。\n\n"
            )
        );
    }

    #[test]
    fn text_with_few_timings_is_not_a_subtitle_file() {
        assert_eq!(spoken_text("会议于 10:05 开始。\n1\n正文"), None);
        let one = "1\n00:00:01,000 --> 00:00:02,000\n一句\n";
        assert_eq!(spoken_text(one), None);
    }

    #[test]
    fn webvtt_header_and_dotted_timings_are_read() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n甲\n\n00:02.000 --> 00:03.000\n乙\n\n\
                   00:03.000 --> 00:04.000\n丙。\n";
        assert_eq!(
            spoken_text(vtt).as_deref(),
            Some("甲。\n\n乙。\n\n丙。\n\n")
        );
    }
}
