//! vigie-lexicon (work in progress).
