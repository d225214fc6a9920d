//! vigie-gazetteer (work in progress).
