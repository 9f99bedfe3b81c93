# Writes src/core/models/harmonize/fixtures/combat.fixtures.json: a small multi-center feature
# matrix and what the reference implementation, R's sva::ComBat (Debian r-bioc-sva), makes of it
# (parametric, non-parametric, mean-only, reference batch, with a covariate to preserve, a
# zero-variance feature), plus scipy.stats.kruskal's H and p per feature (via
# tools/models/combat_kruskal.py) for the center-effect figures. The unit tests compare our
# TypeScript ComBat with these values to 1e-6; CI never runs R.
#   Rscript tools/models/make-combat-fixtures.R
suppressMessages(library(sva))
suppressMessages(library(jsonlite))

set.seed(20070101)
sizes <- c(A = 25, B = 30, C = 35, D = 20)
n.feat <- 10
centers <- rep(names(sizes), sizes)
label <- ifelse(runif(length(centers)) < 0.45, "malignant", "benign")
# Features: a per-feature level, a label effect to preserve, and per-center shift and scale.
level <- rnorm(n.feat, 50, 20)
label.effect <- rnorm(n.feat, 0, 3)
shift <- matrix(rnorm(length(sizes) * n.feat, 0, 4), length(sizes), n.feat,
                dimnames = list(names(sizes), NULL))
scale <- matrix(exp(rnorm(length(sizes) * n.feat, 0, 0.4)), length(sizes), n.feat,
                dimnames = list(names(sizes), NULL))
x <- sapply(1:n.feat, function(g) {
  level[g] + label.effect[g] * (label == "malignant") + shift[centers, g] +
    scale[centers, g] * rnorm(length(centers), 0, 2)
})
colnames(x) <- sprintf("F%02d", 1:n.feat)

train <- centers != "D"
dat <- t(x[train, ])            # ComBat wants features × cases
batch <- centers[train]
mod <- model.matrix(~ label[train])
run <- function(...) {
  out <- NULL
  invisible(capture.output(suppressMessages(out <- ComBat(...))))
  unname(t(out))                # back to cases × features
}

cases <- list(
  parametric = run(dat, batch),
  nonparametric = run(dat, batch, par.prior = FALSE),
  meanOnly = run(dat, batch, mean.only = TRUE),
  meanOnlyNonparametric = run(dat, batch, mean.only = TRUE, par.prior = FALSE),
  withLabel = run(dat, batch, mod = mod),
  withLabelNonparametric = run(dat, batch, mod = mod, par.prior = FALSE),
  reference = run(dat, batch, ref.batch = "A"),
  referenceWithLabel = run(dat, batch, mod = mod, ref.batch = "A"),
  referenceNonparametric = run(dat, batch, ref.batch = "A", par.prior = FALSE)
)

# A new center harmonized to the reference: ComBat over all four centers with reference A. Without
# a covariate the other centers do not move A's standardization, so a fit on A, B, C applied to D
# must give these values for D.
all4 <- run(t(x), centers, ref.batch = "A")
newCenter <- list(
  parametric = all4[!train, ],
  nonparametric = run(t(x), centers, ref.batch = "A", par.prior = FALSE)[!train, ]
)

# A feature that is constant within one center: sva leaves it unadjusted.
zdat <- dat
zdat[3, batch == "B"] <- 42
zeroVariance <- run(zdat, batch)

fixture <- list(
  source = sprintf("R %s, sva %s, tools/models/make-combat-fixtures.R",
                   getRversion(), packageVersion("sva")),
  features = colnames(x),
  train = list(data = unname(x[train, ]), batch = batch, label = label[train]),
  newCenter = list(data = unname(x[!train, ]), batch = centers[!train], label = label[!train],
                   expected = newCenter),
  expected = cases,
  zeroVariance = list(feature = 3, center = "B", value = 42, expected = zeroVariance)
)
out <- "src/core/models/harmonize/fixtures/combat.fixtures.json"
writeLines(toJSON(fixture, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), out)
# The Kruskal-Wallis peer: scipy.stats.kruskal per feature, before and after parametric ComBat.
status <- system2("/usr/bin/python3", c("tools/models/combat_kruskal.py", out))
if (status != 0) stop("tools/models/combat_kruskal.py failed")
cat("wrote", out, "\n")
