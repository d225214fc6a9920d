//! vigie-normalize (work in progress).
