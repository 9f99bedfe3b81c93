#!/usr/bin/Rscript
# ICC(2,1) and ICC(3,1) from R's psych::ICC (Revelle; Debian r-cran-psych) for the cases that
# src/core/stats/icc.test.ts checks: Shrout & Fleiss's table, two centers that agree exactly on
# large values, a near-perfect pair, offsets between raters, a noisy pair, and a constant column
# set. Writes src/core/stats/icc.reference.json (run from the repository root).
suppressMessages(library(psych))
set.seed(7)
base <- c(1234567.25, 2345678.5, 987654.125, 3456789.75, 1111111.0, 2222222.5)
cases <- list(
  shroutFleiss = cbind(c(9, 6, 8, 7, 10, 6), c(2, 1, 4, 1, 5, 2), c(5, 3, 6, 2, 6, 4), c(8, 2, 8, 6, 9, 7)),
  identicalLarge = cbind(base, base),
  nearIdentical = cbind(base, base * (1 + c(1e-6, -2e-6, 3e-6, 0, -1e-6, 2e-6))),
  offset = cbind(c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 2, 3, 4, 5, 6, 7, 8) + 3),
  noisy = cbind(x <- rnorm(20, 50, 10), x + rnorm(20, 0, 5), x + rnorm(20, 2, 5)),
  antiCorrelated = cbind(c(1, 2, 3, 4, 5), c(5, 4, 3, 2, 1))
)
out <- lapply(names(cases), function(name) {
  m <- unname(cases[[name]])
  r <- suppressWarnings(psych::ICC(m, lmer = FALSE))$results
  list(name = name, ratings = lapply(seq_len(nrow(m)), function(i) m[i, ]),
       icc21 = r$ICC[r$type == "ICC2"], icc31 = r$ICC[r$type == "ICC3"])
})
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "src/core/stats/icc.reference.json")
