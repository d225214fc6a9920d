//! Sentence analysis: the words of a document read once (spans, folded forms, the
//! candidates of every pattern set, the cues), cut into sentences, each with the mentions
//! that fall inside it.

use super::*;

/// The words of a document, read once: their spans, folded forms and the candidates of
/// every pattern set, sentence after sentence (a [`Sentence`] borrows its share).
pub(super) struct DocWords<'f> {
    /// Word tokens: byte spans.
    pub(super) spans: Vec<Span>,
    /// Their folded forms (borrowed from the document's [`Folded`]).
    pub(super) folded: Vec<&'f str>,
    /// Per pattern set ([`SET_TRIGGERS`], …): `(word in its sentence, item)` of every
    /// candidate, sorted by word then item, without repeats.
    pub(super) cands: [Vec<(u32, u32)>; SETS],
    /// The cues of every sentence, one after the other.
    pub(super) cues: Vec<CueHit>,
    /// Per sentence: where its parts are.
    pub(super) sentences: Vec<SentenceAt>,
}

/// Where one sentence's parts are in a [`DocWords`].
pub(super) struct SentenceAt {
    pub(super) span: Span,
    /// Its words in `spans` and `folded`.
    pub(super) words: Range<usize>,
    /// Its candidates in each set's `cands`.
    pub(super) cands: [Range<usize>; SETS],
    /// Its cues in `cues`.
    pub(super) cues: Range<usize>,
}

/// One sentence, read once.
pub(super) struct Sentence<'d, 'a> {
    pub(super) span: Span,
    /// Word tokens: byte spans.
    pub(super) words: &'d [Span],
    /// Their folded forms.
    pub(super) folded: &'d [&'d str],
    pub(super) cues: &'d [CueHit],
    /// The candidates of each pattern set: `(word, item)` sorted.
    pub(super) cands: [&'d [(u32, u32)]; SETS],
    /// The mentions inside the sentence, in the order of the inputs.
    pub(super) actors: &'d [&'a ActorMention],
    /// Its actors that do not only speak ([`is_claimant`]), in the same order.
    pub(super) agents: &'d [&'a ActorMention],
    pub(super) places: &'d [&'a PlaceMention],
    pub(super) dates: &'d [&'a DateMention],
    pub(super) quantities: &'d [&'a QuantityMention],
    /// The closed word classes, and the language they are read in.
    pub(super) classes: &'d Words,
    pub(super) lang: Lang,
}

impl<'d> Sentence<'d, '_> {
    /// The folded words, as the pattern sets read them.
    pub(super) fn refs(&self) -> &[&'d str] {
        self.folded
    }

    /// Index of the first word starting at or after byte `b`.
    pub(super) fn word_at(&self, b: usize) -> usize {
        self.words.partition_point(|w| w.start < b)
    }

    pub(super) fn word_span(&self, first: usize, end: usize) -> Span {
        Span::new(self.words[first].start, self.words[end - 1].end)
    }

    /// Whether word `k` of the sentence belongs to class `class`.
    pub(super) fn is(&self, class: Word, k: usize) -> bool {
        self.folded
            .get(k)
            .is_some_and(|w| self.classes.is(class, self.lang, w))
    }

    pub(super) fn cues(&self, kind: CueKind) -> impl Iterator<Item = &CueHit> {
        self.cues.iter().filter(move |c| c.kind == kind)
    }
}

/// The mentions inside each sentence, in the order of `all`: sentence `k`'s are
/// `items[at[k]..at[k + 1]]`. `sents` are in the order of the text and do not overlap,
/// as [`vigie_text::sentences`] cuts them.
pub(super) struct BySentence<'a, T> {
    pub(super) items: Vec<&'a T>,
    pub(super) at: Vec<usize>,
}

impl<'a, T> BySentence<'a, T> {
    pub(super) fn new(all: &'a [T], span_of: impl Fn(&T) -> Span, sents: &[Span]) -> Self {
        let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(all.len());
        for (i, m) in all.iter().enumerate() {
            let sp = span_of(m);
            let mut k = sents.partition_point(|s| s.start <= sp.start);
            while k > 0 {
                k -= 1;
                if inside(sents[k], sp) {
                    pairs.push((k, i));
                }
                if sents[k].end < sp.end {
                    break;
                }
            }
        }
        // stable: the order of `all` within each sentence
        pairs.sort_by_key(|p| p.0);
        let mut at = vec![0usize; sents.len() + 1];
        for &(k, _) in &pairs {
            at[k + 1] += 1;
        }
        for k in 0..sents.len() {
            at[k + 1] += at[k];
        }
        BySentence {
            items: pairs.iter().map(|&(_, i)| &all[i]).collect(),
            at,
        }
    }

    pub(super) fn of(&self, k: usize) -> &[&'a T] {
        match (self.at.get(k), self.at.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.items[a..b],
            _ => &[],
        }
    }
}

/// The mentions of a document by sentence.
pub(super) struct DocMentions<'a> {
    pub(super) actors: BySentence<'a, ActorMention>,
    pub(super) places: BySentence<'a, PlaceMention>,
    pub(super) dates: BySentence<'a, DateMention>,
    pub(super) quantities: BySentence<'a, QuantityMention>,
}

impl<'a> DocMentions<'a> {
    pub(super) fn new(inp: &Inputs<'a>, doc: &DocWords<'_>) -> Self {
        let sents: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        DocMentions {
            actors: BySentence::new(inp.actors, |a| a.span.span(), &sents),
            places: BySentence::new(inp.places, |p| p.span.span(), &sents),
            dates: BySentence::new(inp.dates, |d| d.span.span(), &sents),
            quantities: BySentence::new(inp.quantities, |q| q.span.span(), &sents),
        }
    }
}

/// The pattern sets in [`first_words`]: triggers, cues, movement verbs.
pub(super) const SET_TRIGGERS: usize = 0;

pub(super) const SET_CUES: usize = 1;

pub(super) const SET_MOVES: usize = 2;

pub(super) const SETS: usize = 3;

/// Every word of the document, sentence after sentence, with its candidates in every
/// pattern set (one trie walk per word).
pub(super) fn read_words<'f>(
    first: &FirstWords,
    cues: &Cues,
    inp: &Inputs<'_>,
    all: &'f Folded,
) -> DocWords<'f> {
    let spans_of = vigie_text::sentences(inp.text, inp.tokens);
    let mut doc = DocWords {
        spans: Vec::with_capacity(inp.tokens.len()),
        folded: Vec::with_capacity(inp.tokens.len()),
        // room for the usual share of words with candidates, and of cues
        cands: [
            Vec::with_capacity(inp.tokens.len() / 8),
            Vec::with_capacity(inp.tokens.len() / 2),
            Vec::with_capacity(inp.tokens.len() / 8),
        ],
        cues: Vec::with_capacity(inp.tokens.len() / 8),
        sentences: Vec::with_capacity(spans_of.len()),
    };
    let sets = first.sets();
    let mut coded: Vec<usize> = Vec::new();
    let mut ti = 0;
    for span in spans_of {
        let w0 = doc.spans.len();
        let c0: [usize; SETS] = std::array::from_fn(|k| doc.cands[k].len());
        while ti < inp.tokens.len() && inp.tokens[ti].span.start < span.end {
            let t = inp.tokens[ti];
            if t.span.start >= span.start && t.kind == TokenKind::Word {
                let rel = (doc.spans.len() - w0) as u32;
                doc.spans.push(t.span);
                let w = all.get(ti);
                doc.folded.push(w);
                coded.clear();
                first.candidates(w, &mut coded);
                if !coded.is_empty() {
                    // sorted by item within each set, once each
                    coded.sort_unstable();
                    coded.dedup();
                    for &c in &coded {
                        if let Some(v) = doc.cands.get_mut(c % sets) {
                            v.push((rel, (c / sets) as u32));
                        }
                    }
                }
            }
            ti += 1;
        }
        let c1: [Range<usize>; SETS] = std::array::from_fn(|k| c0[k]..doc.cands[k].len());
        let q0 = doc.cues.len();
        cues.find_listed_into(
            &doc.folded[w0..],
            inp.lang,
            &doc.cands[SET_CUES][c1[SET_CUES].clone()],
            &mut doc.cues,
        );
        doc.sentences.push(SentenceAt {
            span,
            words: w0..doc.spans.len(),
            cands: c1,
            cues: q0..doc.cues.len(),
        });
    }
    doc
}

pub(super) fn read_sentences<'d, 'a>(
    doc: &'d DocWords<'_>,
    m: &'d DocMentions<'a>,
    words: &'d Words,
    lang: Lang,
) -> Vec<Sentence<'d, 'a>> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(k, at)| {
            let folded = &doc.folded[at.words.clone()];
            let cands: [&[(u32, u32)]; SETS] =
                std::array::from_fn(|set| &doc.cands[set][at.cands[set].clone()]);
            Sentence {
                span: at.span,
                words: &doc.spans[at.words.clone()],
                folded,
                cues: &doc.cues[at.cues.clone()],
                cands,
                actors: m.actors.of(k),
                agents: &[],
                places: m.places.of(k),
                dates: m.dates.of(k),
                quantities: m.quantities.of(k),
                classes: words,
                lang,
            }
        })
        .collect()
}

/// Whether word `w` of the sentence belongs to a quantity mention ("une vingtaine de").
pub(super) fn in_count(s: &Sentence, w: usize) -> bool {
    let at = s.word_span(w, w + 1);
    s.quantities.iter().any(|q| inside(q.span.span(), at))
}

pub(super) fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

pub(super) fn distance(a: Span, b: Span) -> usize {
    if a.overlaps(b) {
        0
    } else if a.end <= b.start {
        b.start - a.end
    } else {
        a.start - b.end
    }
}

/// True for an actor mention that names who speaks, not who acts: after "selon", or
/// right before a verb of saying.
pub(super) fn is_claimant(s: &Sentence, a: Span) -> bool {
    let w = s.word_at(a.start);
    let we = s.word_at(a.end);
    s.cues(CueKind::SourcePrep)
        .any(|c| c.end <= w && w - c.end <= 3)
        || s.cues(CueKind::Speech)
            .any(|c| c.first >= we && c.first - we <= 2)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn mentions_fall_in_the_sentence_that_holds_them() {
        let d = Doc::new(
            "Fighting broke out near the well. Then the army withdrew to its base.",
            Lang::En,
        )
        .actor("the army", "Army", 1);
        d.with_sentences(|_, s| {
            assert_eq!(s.len(), 2);
            assert!(s[0].actors.is_empty());
            assert_eq!(s[1].actors.len(), 1);
            assert_eq!(s[1].folded[0], "then");
        });
    }

    #[test]
    fn words_are_found_by_their_bytes() {
        let d = Doc::new("Les rebelles ont pris la ville.", Lang::Fr);
        d.with_sentences(|_, s| {
            let s = &s[0];
            let at = d.text.find("pris").unwrap();
            assert_eq!(s.word_at(at), 3);
            assert_eq!(s.word_span(3, 4), Span::new(at, at + 4));
        });
    }

    #[test]
    fn distance_and_inside_read_spans() {
        let (a, b) = (Span::new(0, 5), Span::new(8, 12));
        assert_eq!(distance(a, b), 3);
        assert_eq!(distance(b, a), 3);
        assert_eq!(distance(a, Span::new(2, 9)), 0);
        assert!(inside(Span::new(0, 20), b));
        assert!(!inside(b, a));
    }

    #[test]
    fn a_source_speaks_and_does_not_act() {
        for (text, words, lang, speaks) in [
            (
                "Selon l'armée, la route est coupée.",
                "l'armée",
                Lang::Fr,
                true,
            ),
            (
                "The army said the road was cut.",
                "The army",
                Lang::En,
                true,
            ),
            ("The army cut the road.", "The army", Lang::En, false),
        ] {
            let d = Doc::new(text, lang).actor(words, "Army", 1);
            d.with_sentences(|inp, s| {
                let a = &inp.actors[0];
                assert_eq!(is_claimant(&s[0], a.span.span()), speaks, "{text}");
            });
        }
    }

    #[test]
    fn a_word_inside_a_count_is_part_of_it() {
        let d = Doc::new("Une trentaine de civils ont fui.", Lang::Fr).people(
            "Une trentaine de civils",
            Some(30.0),
            None,
        );
        d.with_sentences(|_, s| {
            assert!(in_count(&s[0], 2));
            assert!(!in_count(&s[0], 5));
        });
    }
}
