# The R side of `npm run bench -- models`: reads the bench's matrix (cases × features, float64,
# little endian, row-major) and centers, times sva::ComBat on it (parametric, and non-parametric
# when asked), and writes the harmonized matrices back the same way so the bench can compare.
#   Rscript tools/models/combat_bench_peer.R <dir> <cases> <features> <methods comma-separated>
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
n <- as.integer(args[2])
g <- as.integer(args[3])
methods <- strsplit(args[4], ",")[[1]]
t0 <- proc.time()[["elapsed"]]
suppressMessages(library(sva))
load.s <- proc.time()[["elapsed"]] - t0
x <- matrix(readBin(file.path(dir, "data.f64"), "double", n * g, 8, endian = "little"),
            nrow = n, ncol = g, byrow = TRUE)
batch <- readLines(file.path(dir, "centers.txt"))
dat <- t(x)
out <- list(load_s = load.s, sva = as.character(packageVersion("sva")))
for (m in methods) {
  t1 <- proc.time()[["elapsed"]]
  invisible(capture.output(suppressMessages(
    r <- ComBat(dat, batch, par.prior = (m == "parametric")))))
  out[[paste0(m, "_s")]] <- proc.time()[["elapsed"]] - t1
  writeBin(as.vector(r), file.path(dir, paste0(m, ".f64")), endian = "little") # column-major = cases × features row-major
}
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA), "\n")
