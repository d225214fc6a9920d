//! vigie-extract (work in progress).
