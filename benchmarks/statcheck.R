# Run R's statcheck on every .txt file of a folder (or every <every>-th, sorted by name) and
# time it (the reference the benchmark compares throughput with).
# Usage: Rscript benchmarks/statcheck.R <raw_dir> <results.csv> [every]
# Prints one line: documents, seconds reading files, seconds in statcheck(), tests read, errors.
args <- commandArgs(trailingOnly = TRUE)
files <- sort(list.files(args[1], pattern = "\\.txt$", full.names = TRUE))
every <- if (length(args) >= 3) as.integer(args[3]) else 1L
files <- files[seq(1, length(files), by = every)]
started <- proc.time()[["elapsed"]]
texts <- vapply(
  files,
  function(f) paste(readLines(f, encoding = "UTF-8", warn = FALSE), collapse = "\n"),
  character(1)
)
names(texts) <- sub("\\.txt$", "", basename(files))
read <- proc.time()[["elapsed"]]
result <- suppressMessages(statcheck::statcheck(texts, messages = FALSE))
done <- proc.time()[["elapsed"]]
if (is.null(result)) {
  result <- data.frame(
    source = character(0), raw = character(0), error = logical(0), decision_error = logical(0)
  )
}
write.csv(result[, c("source", "raw", "error", "decision_error")], args[2], row.names = FALSE)
cat(length(texts), read - started, done - read, nrow(result), sum(result$error), "\n")
