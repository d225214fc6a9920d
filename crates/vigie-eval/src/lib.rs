//! vigie-eval (work in progress).
