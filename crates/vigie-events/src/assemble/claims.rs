//! Claims: who says what a sentence says, hedged or not, on what basis.

use super::*;

/// A [`Claim`] as drafts carry it, borrowing its words.
#[derive(Debug, Clone, Copy)]
pub(super) struct DraftClaim<'p> {
    pub(super) claimant: &'p str,
    pub(super) hedged: bool,
    pub(super) what: &'p str,
    pub(super) basis: Option<&'static str>,
    pub(super) span: Span,
}

impl DraftClaim<'_> {
    pub(super) fn claim(&self, text: &str) -> Claim {
        Claim {
            claimant: self.claimant.to_string(),
            hedged: self.hedged,
            what: self.what.to_string(),
            basis: self.basis.map(str::to_string),
            span: self.span.with_text(text),
        }
    }
}

/// Who says what the sentence says, hedged or not, on what basis.
pub(super) fn claim_for<'a>(
    inp: &Inputs<'a>,
    s: &Sentence<'_, 'a>,
    what: &'a str,
) -> DraftClaim<'a> {
    // the source named nearest the cue, within four words: a named actor, or a source
    // noun ("des sources locales", "a local official")
    let named = |w: usize, after: bool| -> Option<&'a str> {
        let gap = |first: usize, end: usize| -> Option<usize> {
            if after {
                (first >= w && first - w <= 4).then(|| first - w)
            } else {
                (end <= w && w - end <= 4).then(|| w - end)
            }
        };
        let actor = s
            .actors
            .iter()
            .copied()
            .filter_map(|a| {
                let d = gap(s.word_at(a.span.start), s.word_at(a.span.end))?;
                Some((d, a))
            })
            .min_by_key(|(d, _)| *d);
        let noun = s
            .cues(CueKind::SourceNoun)
            .filter_map(|c| Some((gap(c.first, c.end)?, c)))
            .min_by_key(|(d, _)| *d);
        match (actor, noun) {
            (Some((da, _)), Some((dn, c))) if dn < da => {
                Some(source_phrase(inp.text, s, c.first, c.end))
            }
            (Some((_, a)), _) => {
                // "selon des habitants": civilians speak as the words say, not as a category
                if a.inter == CIVILIANS {
                    let w = s.word_at(a.span.start);
                    let lo = if w > 0 && s.is(Word::Determiner, w - 1) {
                        s.words[w - 1].start
                    } else {
                        a.span.start
                    };
                    return Some(&inp.text[lo..a.span.end]);
                }
                Some(&a.actor)
            }
            (None, Some((_, c))) => Some(source_phrase(inp.text, s, c.first, c.end)),
            (None, None) => None,
        }
    };
    let mut claimant = None;
    for c in s.cues(CueKind::SourcePrep) {
        if let Some(n) = named(c.end, true) {
            claimant = Some(n);
            break;
        }
    }
    if claimant.is_none() {
        for c in s.cues(CueKind::Speech) {
            if let Some(n) = named(c.first, false).or_else(|| named(c.end, true)) {
                claimant = Some(n);
                break;
            }
        }
    }
    let attributed = claimant.is_some();
    let conditional = s.cues(CueKind::Conditional).next().is_some();
    let basis = s.cues(CueKind::Basis).next().map(|c| c.value);
    DraftClaim {
        claimant: claimant.unwrap_or_else(|| inp.outlet.unwrap_or("the outlet")),
        hedged: attributed || conditional,
        what,
        basis,
        span: s.span,
    }
}

/// "des sources locales", "a local official": the source noun at words `first..end`,
/// with the word before it and up to two words after, never across punctuation or into
/// another cue ("said", "selon").
pub(super) fn source_phrase<'t>(text: &'t str, s: &Sentence, first: usize, end: usize) -> &'t str {
    let glued = |a: usize, b: usize| {
        text[s.words[a].end..s.words[b].start]
            .chars()
            .all(vigie_text::is_space)
    };
    let cue_at = |w: usize| {
        s.cues.iter().any(|c| {
            c.first <= w
                && w < c.end
                && matches!(
                    c.kind,
                    CueKind::Speech | CueKind::SourcePrep | CueKind::Conditional
                )
        })
    };
    let mut lo = first;
    if lo > 0 && glued(lo - 1, lo) && !cue_at(lo - 1) {
        lo -= 1;
    }
    let mut hi = end;
    while hi < s.words.len()
        && hi < end + 2
        && glued(hi - 1, hi)
        && !cue_at(hi)
        && !s.is(Word::NotModifier, hi)
    {
        hi += 1;
    }
    let sp = s.word_span(lo, hi);
    &text[sp.start..sp.end]
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn claim_of(d: &Doc) -> (String, bool) {
        d.with_sentences(|inp, s| {
            let c = claim_for(inp, &s[0], "Attack");
            (c.claimant.to_string(), c.hedged)
        })
    }

    #[test]
    fn a_source_after_selon_or_before_said_is_the_claimant() {
        let d = Doc::new(
            "Deux bergers ont été tués, selon des élus locaux.",
            Lang::Fr,
        );
        assert_eq!(claim_of(&d), ("des élus locaux".to_string(), true));
        let d = Doc::new("A local official said two herders were killed.", Lang::En);
        let (who, hedged) = claim_of(&d);
        assert!(who.contains("official"), "{who}");
        assert!(hedged);
    }

    #[test]
    fn the_outlet_speaks_unhedged_unless_a_conditional_hedges_it() {
        let d = Doc::new("Two herders were killed near the well.", Lang::En);
        assert_eq!(claim_of(&d), ("Test desk".to_string(), false));
        let d = Doc::new("Deux bergers auraient été tués près du puits.", Lang::Fr);
        assert_eq!(claim_of(&d), ("Test desk".to_string(), true));
    }

    #[test]
    fn an_actor_that_speaks_is_named_by_its_canonical_name() {
        let d = Doc::new("The army said it repelled the assault.", Lang::En)
            .actor("The army", "Army", 1);
        assert_eq!(claim_of(&d).0, "Army");
    }
}
