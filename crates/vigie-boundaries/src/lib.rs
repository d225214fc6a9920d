//! vigie-boundaries (work in progress).
